import type { Socket } from "socket.io";

export type AckResult = { ok: true } | { ok: false; error: string };
export type HandlerLogger = { error(message: string, error?: unknown): void };

export const SOMETHING_WENT_WRONG = "Something went wrong on the server; please try again";

/**
 * A socket.io listener for an event answered through its acknowledgement. An event
 * without one is a broken or hostile client, whose socket (only) is dropped. A failure
 * (the database unreachable, a bug) is logged and answered as an error: a handler's
 * rejected promise must never reach the process, which would end every connection
 * and lose the live edits it holds.
 */
export function ackedHandler<R extends AckResult>(
  socket: Socket,
  event: string,
  handle: (payload: unknown) => Promise<R>,
  logger: HandlerLogger,
): (payload: unknown, ack: unknown) => Promise<void> {
  return async (payload, ack) => {
    if (typeof ack !== "function") return void socket.disconnect(true);
    let result: AckResult;
    try {
      result = await handle(payload);
    } catch (error) {
      logger.error(`socket.io: ${event} failed`, error);
      result = { ok: false, error: SOMETHING_WENT_WRONG };
    }
    try {
      ack(result);
    } catch (error) {
      logger.error(`socket.io: answering ${event} failed`, error);
    }
  };
}
