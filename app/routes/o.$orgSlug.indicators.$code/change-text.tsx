/**
 * One change in an audit trail as people read it: "New: x", or "x → y" (said as "changed
 * to"); with `collapseUnchanged`, a value that stayed the same (only its status or note
 * changed) reads "x".
 */
export function ChangeText({
  beforeText,
  afterText,
  collapseUnchanged = false,
}: {
  beforeText: string | null;
  afterText: string;
  collapseUnchanged?: boolean;
}) {
  if (beforeText === null) return <>New: {afterText}</>;
  if (collapseUnchanged && beforeText === afterText) return <>{afterText}</>;
  return (
    <>
      {beforeText} <span aria-hidden="true">→</span>
      <span className="visually-hidden">changed to</span> {afterText}
    </>
  );
}
