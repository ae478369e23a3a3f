import { useEffect, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { createCollabProvider, type CollabProvider, type CollabStatus } from "~/shared/collab/collab-provider";

/** The origin of changes made here with plain form controls (actions, recovery date). */
export const LOCAL_ORIGIN = "form-control";

export type SharedDocumentSession = { doc: Y.Doc; collab: CollabProvider };

/** Where the collab server listens: the page's own host, /collab. */
function collabServerUrl() {
  return `${window.location.protocol === "https:" ? "wss:" : "ws:"}//${window.location.host}/collab`;
}

/** Opens the shared document for as long as the component is mounted. */
export function useSharedDocument(documentName: string, colour: string) {
  const [session, setSession] = useState<SharedDocumentSession | null>(null);
  const [status, setStatus] = useState<CollabStatus | null>(null);
  // Once synced (or given up for offline), editors bind to a document that holds the stored words.
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const doc = new Y.Doc();
    const collab = createCollabProvider({ serverUrl: collabServerUrl(), document: documentName, doc, color: colour });
    setSession({ doc, collab });
    setStatus(collab.status());
    const onStatus = (next: CollabStatus) => {
      setStatus(next);
      if (collab.provider.synced || next.connection === "offline") setReady(true);
    };
    const unsubscribe = collab.subscribe(onStatus);
    const onSync = (synced: boolean) => synced && setReady(true);
    collab.provider.on("sync", onSync);
    return () => {
      unsubscribe();
      collab.provider.off("sync", onSync);
      collab.destroy();
      doc.destroy();
      setSession(null);
      setReady(false);
    };
  }, [documentName, colour]);

  return { session, status, ready };
}

/**
 * True for a change this person made here (typing, a form control, undo), not one that
 * arrived from the server or was read back from this device's copy.
 */
export function isLocalChange(origin: unknown, collab: CollabProvider): boolean {
  return origin !== collab.provider && !(origin instanceof IndexeddbPersistence);
}

export type Peer = { clientId: number; name: string; colour: string };

/** The other people who have the document open: the names the server put in their presence. */
export function usePeers(session: SharedDocumentSession | null): Peer[] {
  const [peers, setPeers] = useState<Peer[]>([]);
  useEffect(() => {
    if (!session) return;
    const { awareness } = session.collab;
    const read = () => {
      const seen = new Set<string>();
      const list: Peer[] = [];
      awareness.getStates().forEach((state, clientId) => {
        if (clientId === awareness.clientID) return;
        const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
        if (typeof user?.name !== "string" || seen.has(user.name)) return;
        seen.add(user.name);
        list.push({ clientId, name: user.name, colour: typeof user.color === "string" ? user.color : "#505a5f" });
      });
      list.sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
      setPeers((previous) => (JSON.stringify(previous) === JSON.stringify(list) ? previous : list));
    };
    read();
    awareness.on("change", read);
    return () => awareness.off("change", read);
  }, [session]);
  return peers;
}

/** A value read from part of a shared document, read again whenever that part changes (here or elsewhere). */
export function useDocValue<T>(doc: Y.Doc, type: Y.Array<Y.Map<unknown>> | Y.Map<unknown>, read: () => T): T {
  const [value, setValue] = useState(read);
  useEffect(() => {
    const update = () => setValue(read());
    update();
    type.observeDeep(update);
    return () => type.unobserveDeep(update);
  }, [doc, type]); // eslint-disable-line react-hooks/exhaustive-deps
  return value;
}
