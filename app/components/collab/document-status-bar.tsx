import type { CollabStatus } from "~/shared/collab/collab-provider";
import type { Peer } from "./use-shared-document.client";

/**
 * Above a live document: the connection ("Connected", "Reconnecting…", "Offline…"),
 * whether edits are saved or the document is read only, and who else has it open.
 */
export function DocumentStatusBar({
  status,
  saving,
  readOnly,
  peers,
  nobodyElse,
}: {
  status: CollabStatus | null;
  /** "Saved", "Saving…" or why it is read only; null while connecting. */
  saving: string | null;
  readOnly: boolean;
  peers: Peer[];
  /** "Nobody else has this commentary open." */
  nobodyElse: string;
}) {
  return (
    <div className="commentary-editor__bar">
      <p
        className="commentary-editor__connection"
        role="status"
        aria-live="polite"
        data-connection={status?.connection ?? "connecting"}
      >
        {status ? status.message : "Connecting…"}
      </p>
      {saving ? (
        <p className="commentary-editor__saved" data-saved={readOnly ? undefined : status?.saved ? "true" : "false"}>
          {saving}
        </p>
      ) : null}
      <div className="commentary-editor__presence">
        {peers.length === 0 ? (
          <p className="hint">{nobodyElse}</p>
        ) : (
          <>
            <p className="hint" id="presence-title">
              Also here:
            </p>
            <ul className="presence-list" aria-labelledby="presence-title">
              {peers.map((peer) => (
                <li key={peer.clientId} className="presence-list__person">
                  <span className="presence-list__dot" style={{ background: peer.colour }} aria-hidden="true" />
                  <bdi>{peer.name}</bdi>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
