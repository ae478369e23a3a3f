import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { actionsArray, detailsMap, richTextFragment } from "./commentary-content";
import { getSchema } from "@tiptap/core";
import { commentaryExtensions } from "./commentary-extensions";
import { RECOVERY_DATE_KEY, type RemedialAction, type RichTextField } from "./commentary-sections";

/**
 * For tests (never loaded by the browser): writes a commentary into a Y.Doc the way the editor would
 * (rich text through the shared schema, actions as Y.Maps, the recovery date in the map).
 */
export function fillCommentary(
  doc: Y.Doc,
  content: {
    sections?: Partial<Record<RichTextField, string>>;
    actions?: Partial<RemedialAction>[];
    recoveryDate?: string;
  },
) {
  const schema = getSchema(commentaryExtensions());
  doc.transact(() => {
    for (const [field, text] of Object.entries(content.sections ?? {}) as [RichTextField, string][]) {
      const fragment = richTextFragment(doc, field);
      fragment.delete(0, fragment.length);
      const paragraphs = text.split("\n\n").map((p) => ({ type: "paragraph", content: p ? [{ type: "text", text: p }] : [] }));
      prosemirrorJSONToYXmlFragment(schema, { type: "doc", content: paragraphs }, fragment);
    }
    if (content.actions) {
      const actions = actionsArray(doc);
      actions.delete(0, actions.length);
      actions.push(
        content.actions.map((a, i) => {
          const map = new Y.Map<unknown>();
          map.set("id", a.id ?? `action-${i + 1}`);
          map.set("action", a.action ?? "");
          map.set("ownerId", a.ownerId ?? "");
          map.set("due", a.due ?? "");
          map.set("status", a.status ?? "not_started");
          return map;
        }),
      );
    }
    if (content.recoveryDate !== undefined) detailsMap(doc).set(RECOVERY_DATE_KEY, content.recoveryDate);
  });
}
