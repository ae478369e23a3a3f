/** A section whose records do not exist yet: says so plainly rather than showing an empty table. */
export function EmptySection({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <h1>{title}</h1>
      <div className="notification">{children}</div>
    </>
  );
}
