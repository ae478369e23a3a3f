import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import {
  HANDSHAKE_UNAVAILABLE,
  type ClientToServerEvents,
  type FiguresChangedEvent,
  type ServerToClientEvents,
} from "~/shared/realtime-events";

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
    let retry: ReturnType<typeof setTimeout> | undefined;
    let socket: import("socket.io-client").Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
    import("socket.io-client").then(({ io }) => {
      if (closed) return;
      socket = io({ path: "/socket.io/", transports: ["websocket"], withCredentials: true });
      socket.on("connect", () => {
        socket?.emit("org:join", orgSlug, (result) => setState(result.ok ? "live" : "offline"));
      });
      socket.on("disconnect", () => setState("offline"));
      socket.on("connect_error", (failure) => {
        setState("offline");
        // The server could not check the session (its database unreachable): socket.io does not retry this by itself.
        if (failure.message === HANDSHAKE_UNAVAILABLE && socket && !socket.active)
          retry = setTimeout(() => socket?.connect(), 3000);
      });
      socket.on("figures:changed", (event) => {
        setLastChange({ at: new Date(), event });
        revalidate.current();
      });
    });
    return () => {
      closed = true;
      clearTimeout(retry);
      socket?.close();
    };
  }, [orgSlug]);

  return { state, lastChange };
}
