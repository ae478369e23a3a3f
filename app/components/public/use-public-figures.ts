import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { PUBLIC_NAMESPACE, type PublicClientToServerEvents, type PublicServerToClientEvents } from "./public-channel";

export type PublicLiveState = "connecting" | "live" | "offline";

/**
 * Keeps a public page's tenant top ten current: joins the organisation's room on the
 * public, receive-only socket.io namespace (the server reads no cookie there) and
 * reloads the page's data when the server says a tenant top ten figure changed, and
 * after a reconnection (a change may have been missed). The event carries no figures:
 * they come from the page's own loader, as for any visitor.
 */
export function usePublicFigures(orgSlug: string) {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const [state, setState] = useState<PublicLiveState>("connecting");
  const [changedAt, setChangedAt] = useState<Date | null>(null);

  useEffect(() => {
    let closed = false;
    let socket: import("socket.io-client").Socket<PublicServerToClientEvents, PublicClientToServerEvents> | null = null;
    import("socket.io-client").then(({ io }) => {
      if (closed) return;
      socket = io(PUBLIC_NAMESPACE, { path: "/socket.io/", transports: ["websocket"] });
      let connectedBefore = false;
      socket.on("connect", () => {
        socket?.emit("public:join", orgSlug, (result) => setState(result.ok ? "live" : "offline"));
        if (connectedBefore) revalidate.current();
        connectedBefore = true;
      });
      socket.on("disconnect", () => setState("offline"));
      socket.on("connect_error", () => setState("offline"));
      socket.on("public:figures-changed", () => {
        setChangedAt(new Date());
        revalidate.current();
      });
    });
    return () => {
      closed = true;
      socket?.close();
    };
  }, [orgSlug]);

  return { state, changedAt };
}
