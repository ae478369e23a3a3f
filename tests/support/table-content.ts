import * as Y from "yjs";

/** Appends a table of `rows` rows of `cells` cells, each a paragraph of `words`, to `fragment`, as the editor writes one. */
export function writeTable(fragment: Y.XmlFragment, rows: number, cells: number, words: string): Y.XmlElement {
  const table = new Y.XmlElement("table");
  fragment.insert(fragment.length, [table]);
  table.insert(
    0,
    Array.from({ length: rows }, () => {
      const row = new Y.XmlElement("tableRow");
      row.insert(
        0,
        Array.from({ length: cells }, () => {
          const cell = new Y.XmlElement("tableCell");
          const paragraph = new Y.XmlElement("paragraph");
          paragraph.insert(0, [new Y.XmlText(words)]);
          cell.insert(0, [paragraph]);
          return cell;
        }),
      );
      return row;
    }),
  );
  return table;
}
