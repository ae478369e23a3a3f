import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { ClientToServerEvents, FiguresChangedEvent, ServerToClientEvents } from "~/shared/realtime-events";

export type LiveState = "connecting" | "live" | "offline";

/**
 * Keeps a page of figures live: joins the organisation's room on the socket.io server
 * and reloads the page's data when figures change. Returns the connection state and
 * the last change, for a polite status message.
 */
export function useLiveFigures(orgSlug: string) {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const [state, setState] = useState<LiveState>("connecting");
  const [lastChange, setLastChange] = useState<{ at: Date; event: FiguresChangedEvent } | null>(null);

  useEffect(() => {
    let closed = false;
    let socket: import("socket.io-client").Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
    import("socket.io-client").then(({ io }) => {
      if (closed) return;
      socket = io({ path: "/socket.io/", transports: ["websocket"], withCredentials: true });
      socket.on("connect", () => {
        socket?.emit("org:join", orgSlug, (result) => setState(result.ok ? "live" : "offline"));
      });
      socket.on("disconnect", () => setState("offline"));
      socket.on("connect_error", () => setState("offline"));
      socket.on("figures:changed", (event) => {
        setLastChange({ at: new Date(), event });
        revalidate.current();
      });
    });
    return () => {
      closed = true;
      socket?.close();
    };
  }, [orgSlug]);

  return { state, lastChange };
}
