import * as Y from "yjs";

/**
 * Writes into `fragment` a paragraph inside `depth` nested blockquotes (or another
 * element), with `words` at the bottom: the shape of the hostile meeting record that was
 * nested 5,000 levels deep. Built in one transaction, which Yjs does without recursion.
 */
export function nestDeeply(fragment: Y.XmlFragment, depth: number, words = "Deep words.", element = "blockquote") {
  const doc = fragment.doc;
  if (!doc) throw new Error("the fragment must belong to a document");
  doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = fragment;
    for (let level = 0; level < depth; level++) {
      const child = new Y.XmlElement(element);
      parent.insert(parent.length, [child]);
      parent = child;
    }
    const paragraph = new Y.XmlElement("paragraph");
    parent.insert(parent.length, [paragraph]);
    paragraph.insert(0, [new Y.XmlText(words)]);
  });
}
