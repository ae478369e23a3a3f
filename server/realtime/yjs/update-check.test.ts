import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { nestDeeply } from "../../../tests/support/deep-content";
import { writeTable } from "../../../tests/support/table-content";
import { checkIncomingUpdate } from "./update-check";

/** Every update a document emits, in order. */
function recorder(clientID: number) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  return { doc, updates };
}

const applyAll = (doc: Y.Doc, updates: Uint8Array[]) => updates.forEach((u) => Y.applyUpdate(doc, u));

/** What Yjs itself does with the update: whether anything is left pending. */
function leavesPendingInYjs(doc: Y.Doc, update: Uint8Array) {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(copy, update);
  return copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
}

describe("checkIncomingUpdate", () => {
  const writer = recorder(1);
  writer.doc.getText("body").insert(0, "abc");
  writer.doc.getText("body").insert(3, "d");
  writer.doc.getText("body").delete(0, 1);
  const [typed, more, deletion] = writer.updates;

  const other = recorder(2);
  applyAll(other.doc, [typed]);
  other.doc.getText("body").insert(3, "X");
  const afterTheFirst = other.updates.at(-1)!;

  it.each([
    ["a keystroke on what the server has", [typed], more, null],
    ["the first edit of a new client", [], typed, null],
    ["an edit of another client on what the server has", [typed], afterTheFirst, null],
    ["an edit together with what it builds on", [], Y.mergeUpdates([typed, more]), null],
    ["a gap in the client's own clocks", [], more, "pending"],
    ["an edit placed after words of a client the server never saw", [], afterTheFirst, "pending"],
    ["a deletion of content the server never saw", [], deletion, "pending"],
    ["a deletion of content the server has", [typed, more], deletion, null],
  ] as const)("%s", (_what, known, update, expected) => {
    const doc = new Y.Doc();
    applyAll(doc, [...known]);
    expect(checkIncomingUpdate(doc, update, 64)).toBe(expected);
    // The check and Yjs agree.
    expect(leavesPendingInYjs(doc, update)).toBe(expected === "pending");
  });

  it("refuses a fuzzed mix that Yjs would leave pending, and accepts every prefix in order", () => {
    const source = recorder(7);
    const text = source.doc.getText("body");
    for (let i = 0; i < 40; i++) text.insert(Math.floor(Math.random() * (text.length + 1)), String.fromCharCode(97 + (i % 26)));
    for (let skip = 0; skip < source.updates.length; skip += 7) {
      const doc = new Y.Doc();
      applyAll(doc, source.updates.slice(0, skip));
      for (const update of source.updates.slice(skip + 1)) {
        expect(checkIncomingUpdate(doc, update, 64) === "pending").toBe(leavesPendingInYjs(doc, update));
      }
    }
  });

  it("refuses types nested deeper than the limit, counting what the document already holds", () => {
    const deep = recorder(3);
    // 62 blockquotes, a paragraph at 63 and its text at 64.
    nestDeeply(deep.doc.getXmlFragment("summary"), 62);
    const [atTheLimit] = deep.updates;
    expect(checkIncomingUpdate(new Y.Doc(), atTheLimit, 64)).toBeNull();
    expect(checkIncomingUpdate(new Y.Doc(), atTheLimit, 63)).toBe("too-deep");

    // Inside the innermost paragraph the server already has: an element at 64 may go, one at 65 not.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, atTheLimit);
    const client = recorder(4);
    Y.applyUpdate(client.doc, atTheLimit);
    let innermost: Y.XmlElement | Y.XmlFragment = client.doc.getXmlFragment("summary");
    while (innermost.firstChild instanceof Y.XmlElement) innermost = innermost.firstChild;
    const atSixtyFour = new Y.XmlElement("hardBreak");
    innermost.insert(0, [atSixtyFour]);
    expect(checkIncomingUpdate(doc, client.updates.at(-1)!, 64)).toBeNull();
    Y.applyUpdate(doc, client.updates.at(-1)!);
    // Words typed at the deepest level nest nothing.
    (innermost.get(1) as Y.XmlText).insert(0, "More ");
    expect(checkIncomingUpdate(doc, client.updates.at(-1)!, 64)).toBeNull();
    Y.applyUpdate(doc, client.updates.at(-1)!);
    atSixtyFour.insert(0, [new Y.XmlElement("bold")]);
    expect(checkIncomingUpdate(doc, client.updates.at(-1)!, 64)).toBe("too-deep");
  });

  it("reads an update nested 5,000 levels deep without running out of stack", () => {
    const deep = recorder(5);
    nestDeeply(deep.doc.getXmlFragment("summary"), 5000);
    expect(checkIncomingUpdate(new Y.Doc(), deep.updates[0], 64)).toBe("too-deep");
    // Sibling items placed by their neighbour, not their parent, get their depth from it.
    const flat = recorder(6);
    const fragment = flat.doc.getXmlFragment("summary");
    fragment.insert(0, [new Y.XmlElement("paragraph")]);
    for (let i = 0; i < 3000; i++) fragment.insert(fragment.length, [new Y.XmlElement("paragraph")]);
    expect(checkIncomingUpdate(new Y.Doc(), Y.encodeStateAsUpdate(flat.doc), 2)).toBeNull();
  });
});

describe("checkIncomingUpdate: tables", () => {
  const caps = { maxRows: 3, maxColumns: 2 };

  /** A shared document holding one table of `rows` rows of `cells` cells, as y-tiptap writes it; and its updates from here on. */
  function tableDoc(rows: number, cells: number) {
    const source = recorder(11);
    const table = writeTable(source.doc.getXmlFragment("summary"), rows, cells, "£2.4m");
    const server = new Y.Doc();
    applyAll(server, source.updates);
    source.updates.length = 0;
    return { source, server, table };
  }
  const newRow = (cells: number) => {
    const row = new Y.XmlElement("tableRow");
    row.insert(
      0,
      Array.from({ length: cells }, () => new Y.XmlElement("tableCell")),
    );
    return row;
  };

  it("accepts a table within the caps, written at once", () => {
    const source = recorder(12);
    const table = new Y.XmlElement("table");
    source.doc.getXmlFragment("summary").insert(0, [table]);
    table.insert(0, [newRow(2), newRow(2), newRow(2)]);
    expect(checkIncomingUpdate(new Y.Doc(), Y.mergeUpdates(source.updates), 64, caps)).toBeNull();
  });

  it("refuses a new table with more rows, or a row with more cells, than the caps", () => {
    const tall = recorder(13);
    const table = new Y.XmlElement("table");
    tall.doc.getXmlFragment("summary").insert(0, [table]);
    table.insert(0, [newRow(1), newRow(1), newRow(1), newRow(1)]);
    expect(checkIncomingUpdate(new Y.Doc(), Y.mergeUpdates(tall.updates), 64, caps)).toBe("table-too-large");
    const wide = recorder(14);
    const other = new Y.XmlElement("table");
    wide.doc.getXmlFragment("summary").insert(0, [other]);
    other.insert(0, [newRow(3)]);
    expect(checkIncomingUpdate(new Y.Doc(), Y.mergeUpdates(wide.updates), 64, caps)).toBe("table-too-large");
  });

  it("counts the rows the document has: a row added to a full table is refused, to a table with room accepted", () => {
    const full = tableDoc(3, 1);
    full.table.insert(3, [newRow(1)]);
    expect(checkIncomingUpdate(full.server, Y.mergeUpdates(full.source.updates), 64, caps)).toBe("table-too-large");
    const room = tableDoc(2, 1);
    room.table.insert(1, [newRow(1)]);
    expect(checkIncomingUpdate(room.server, Y.mergeUpdates(room.source.updates), 64, caps)).toBeNull();
  });

  it("counts a cell added to a full row of the document", () => {
    const doc = tableDoc(1, 2);
    (doc.table.get(0) as Y.XmlElement).insert(0, [new Y.XmlElement("tableCell")]);
    expect(checkIncomingUpdate(doc.server, Y.mergeUpdates(doc.source.updates), 64, caps)).toBe("table-too-large");
  });

  it("accepts a row replaced in one edit (deleted and written again), as the editor does", () => {
    const doc = tableDoc(3, 2);
    doc.source.doc.transact(() => {
      doc.table.delete(2, 1);
      doc.table.insert(2, [newRow(2)]);
    });
    expect(checkIncomingUpdate(doc.server, Y.mergeUpdates(doc.source.updates), 64, caps)).toBeNull();
  });

  it("accepts typing in a cell of a full table", () => {
    const doc = tableDoc(3, 2);
    const cell = (doc.table.get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    ((cell.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Dŵr Cymru ");
    expect(checkIncomingUpdate(doc.server, Y.mergeUpdates(doc.source.updates), 64, caps)).toBeNull();
  });
});
