import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { rootsTouchedBy } from "./update-roots";

/** The update that `change` makes to a copy of `server`, as a client would send it. */
function clientEdit(server: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  change(client);
  return Y.encodeStateAsUpdate(client, before);
}

function seeded() {
  const doc = new Y.Doc();
  const a = doc.getXmlFragment("minutes:a");
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("Apologies were received from Cllr Hughes.")]);
  a.insert(0, [paragraph]);
  const list = doc.getArray<Y.Map<unknown>>("actions:b");
  const action = new Y.Map<unknown>();
  action.set("action", "Recruit two surveyors");
  list.push([action]);
  doc.getXmlFragment("minutes:b");
  return doc;
}

describe("rootsTouchedBy", () => {
  it("names no root for a sync reply that repeats deletions the server has made already", () => {
    // The clerk removed an action: its entries are garbage collected on the server.
    const server = seeded();
    server.getArray("actions:b").delete(0, 1);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    // What a joining member's provider answers the server's sync step 1 with: nothing
    // new, and the whole delete set, as Yjs always sends it.
    const reply = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(Y.decodeUpdate(reply).ds.clients.size).toBeGreaterThan(0);
    expect(rootsTouchedBy(server, reply)).toEqual(new Set());
    // A new deletion is still named.
    const removal = clientEdit(server, (doc) => doc.getXmlFragment("minutes:a").delete(0, 1));
    expect(rootsTouchedBy(server, removal)).toEqual(new Set(["minutes:a"]));
  });

  it("names the root of typing inside an existing paragraph", () => {
    const server = seeded();
    const update = clientEdit(server, (doc) => {
      const text = (doc.getXmlFragment("minutes:a").get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(5, "and more ");
    });
    expect(rootsTouchedBy(server, update)).toEqual(new Set(["minutes:a"]));
  });

  it("names the root of a new nested element built in the same update", () => {
    const server = seeded();
    const update = clientEdit(server, (doc) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("Resolved.")]);
      doc.getXmlFragment("minutes:b").insert(0, [paragraph]);
    });
    expect(rootsTouchedBy(server, update)).toEqual(new Set(["minutes:b"]));
  });

  it("names the root of a change to a map inside an array", () => {
    const server = seeded();
    const update = clientEdit(server, (doc) => {
      doc.getArray<Y.Map<unknown>>("actions:b").get(0).set("due", "2027-01-31");
    });
    expect(rootsTouchedBy(server, update)).toEqual(new Set(["actions:b"]));
  });

  it("names the root of a deletion", () => {
    const server = seeded();
    const update = clientEdit(server, (doc) => {
      const text = (doc.getXmlFragment("minutes:a").get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.delete(0, 10);
    });
    expect(rootsTouchedBy(server, update)).toEqual(new Set(["minutes:a"]));
  });

  it("names every root of a transaction that touches several", () => {
    const server = seeded();
    const update = clientEdit(server, (doc) =>
      doc.transact(() => {
        ((doc.getXmlFragment("minutes:a").get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "x");
        doc.getArray<Y.Map<unknown>>("actions:b").get(0).set("action", "y");
      }),
    );
    expect(rootsTouchedBy(server, update)).toEqual(new Set(["minutes:a", "actions:b"]));
  });

  it("cannot place an update that builds on content the server lacks", () => {
    const server = seeded();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.getXmlFragment("minutes:c").insert(0, [new Y.XmlText("first")]);
    const afterFirst = Y.encodeStateVector(client);
    (client.getXmlFragment("minutes:c").get(0) as Y.XmlText).insert(5, " second");
    const second = Y.encodeStateAsUpdate(client, afterFirst);
    expect(rootsTouchedBy(server, second)).toBeNull();
  });

  it("reports nothing for an empty update", () => {
    const server = seeded();
    expect(rootsTouchedBy(server, Y.encodeStateAsUpdate(server, Y.encodeStateVector(server)))).toEqual(new Set());
  });
});
