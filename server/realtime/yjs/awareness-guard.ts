import { createHash } from "node:crypto";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { BadMessageError } from "./sync-messages";

/** Who a connection is, as others see them in presence (carets, avatars). */
export type PresenceIdentity = { key: string; name: string; role: string };

/** A presence state is a caret and a name: anything bigger is not presence. */
const MAX_STATE_BYTES = 8 * 1024;

const PALETTE = ["#1d4ed8", "#b91c1c", "#047857", "#7c3aed", "#b45309", "#0e7490", "#be185d", "#4d7c0f"];

export function colourFor(key: string): string {
  return PALETTE[createHash("sha256").update(key).digest()[0] % PALETTE.length];
}

/**
 * Narrows an awareness update from one connection to what that connection may say:
 *
 * - Only its own entry. The connection's client ID is bound by its first entry with a
 *   state (the stock provider announces its own state first, on open); entries about
 *   other client IDs are dropped. Those are mostly the echoes the stock provider sends
 *   of every remote change it receives, and never a way to move or remove someone
 *   else's caret.
 * - A client ID another person's connection holds cannot be claimed.
 * - `user.name` and `user.role` are set by the server from the authenticated identity;
 *   `user.color` is kept when it is a plain #rrggbb colour, else one is derived.
 *
 * Returns the re-encoded update (null when nothing is left) and the bound client ID.
 * Throws BadMessageError when the update cannot be read.
 */
export function guardAwarenessUpdate(
  update: Uint8Array,
  connection: { clientId: number | null; identity: PresenceIdentity },
  isClaimedByOther: (clientId: number) => boolean,
): { update: Uint8Array | null; clientId: number | null } {
  const kept: { clientId: number; clock: number; state: string }[] = [];
  let clientId = connection.clientId;
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const entryClientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const stateBytes = decoding.readVarUint8Array(decoder);
      if (clientId !== null ? entryClientId !== clientId : isNullState(stateBytes) || isClaimedByOther(entryClientId)) {
        continue;
      }
      if (stateBytes.length > MAX_STATE_BYTES) throw new BadMessageError("presence state too large");
      const state = JSON.parse(utf8.decode(stateBytes)) as unknown;
      if (state !== null && (typeof state !== "object" || Array.isArray(state))) {
        throw new BadMessageError("presence state is not an object");
      }
      clientId = entryClientId;
      kept.push({ clientId: entryClientId, clock, state: JSON.stringify(withIdentity(state, connection.identity)) });
    }
    if (decoding.hasContent(decoder)) throw new BadMessageError("trailing bytes after the presence update");
  } catch (error) {
    if (error instanceof BadMessageError) throw error;
    throw new BadMessageError(`unreadable presence update: ${(error as Error).message}`);
  }
  if (kept.length === 0) return { update: null, clientId };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return { update: encoding.toUint8Array(encoder), clientId };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const NULL_STATE = [0x6e, 0x75, 0x6c, 0x6c]; // "null"

function isNullState(bytes: Uint8Array): boolean {
  return bytes.length === 4 && NULL_STATE.every((byte, i) => bytes[i] === byte);
}

function withIdentity(state: unknown, identity: PresenceIdentity): unknown {
  if (state === null) return null;
  const record = state as Record<string, unknown>;
  const claimed = (typeof record.user === "object" && record.user !== null ? record.user : {}) as Record<string, unknown>;
  const color =
    typeof claimed.color === "string" && /^#[0-9a-f]{6}$/i.test(claimed.color) ? claimed.color : colourFor(identity.key);
  return { ...record, user: { ...claimed, name: identity.name, role: identity.role, color } };
}
