/**
 * The one message Minuted adds to the y-websocket protocol: after each group commit
 * the server tells a client how many of the edit messages it sent on this connection
 * are now stored in the database ([100, varuint count]).
 *
 * The stock WebsocketProvider has no handler for unknown types and logs "Unable to
 * compute message" (console.error) for each one, so the server sends it only to
 * clients that ask with `?ack=1`; our collab-provider.ts asks, and registers the handler.
 */
export const COMMITTED_MESSAGE_TYPE = 100;
export const ACK_QUERY_PARAMETER = "ack";

/**
 * The messages that count as edits on both sides: sync step 2 and update, i.e. the
 * bytes [0, 1, ...] and [0, 2, ...] (both types are one-byte varuints).
 */
export function isEditMessage(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0 && (bytes[1] === 1 || bytes[1] === 2);
}
