import { useEffect, useRef } from "react";

/** What an action did, at the top of the page, focused so it is seen (and heard) after posting from further down. */
export function SuccessBanner({ message }: { message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [message]);
  return (
    <div className="notification notification--success" role="status" tabIndex={-1} ref={ref}>
      <p>{message}</p>
    </div>
  );
}
