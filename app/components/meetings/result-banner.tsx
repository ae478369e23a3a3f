import { useEffect, useRef } from "react";

/** What a form post did, at the top of the page, focused so it is seen (and heard) after posting from further down. */
export function ResultBanner({ message }: { message: string | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div className="notification notification--success" role="status" tabIndex={-1} ref={ref}>
      <p>{message}</p>
    </div>
  );
}
