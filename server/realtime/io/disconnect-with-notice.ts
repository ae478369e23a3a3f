import type { Socket } from "socket.io";
import { DISCONNECT_NOTICE, type DisconnectNotice } from "../../../app/shared/realtime-events";

/**
 * Ends a socket on purpose, telling the client why first: the notice and socket.io's
 * own disconnect packet leave in that order on the same connection. socket.io does
 * not reconnect after a server disconnect, so the page shows the message instead.
 */
export function disconnectWithNotice(socket: Socket, notice: DisconnectNotice): void {
  if (socket.disconnected) return;
  (socket as unknown as Socket<Record<string, never>, { [DISCONNECT_NOTICE]: (n: DisconnectNotice) => void }>).emit(
    DISCONNECT_NOTICE,
    notice,
  );
  socket.disconnect(true);
}
