import type { AnyExtension } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";

/**
 * What a commentary's rich text may hold: paragraphs, bold, italic, bulleted and
 * numbered lists, line breaks and links. The browser's editor and the server's
 * renderer build their schema from this one list, so the server never renders
 * anything the editor could not have made.
 */

/** Links go to web pages or e-mail addresses: nothing that runs script or opens other handlers. */
export const LINK_PROTOCOLS = ["http:", "https:", "mailto:"] as const;

/** True for an absolute http(s) or mailto URL; control characters and whitespace tricks are refused. */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== "string" || href.length === 0 || href.length > 2048) return false;
  // Browsers ignore tabs and newlines inside a scheme ("java\tscript:"): refuse any control character or space.
  if (/[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/.test(href)) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  return (LINK_PROTOCOLS as readonly string[]).includes(url.protocol);
}

export const LINK_REL = "noopener noreferrer nofollow";

/** The extensions that define the schema. The browser adds Collaboration and CollaborationCaret to these. */
export function commentaryExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own (per-person) undo.
      undoRedo: false,
      // A trailing paragraph added by each client at once would duplicate in a shared document.
      trailingNode: false,
      heading: false,
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: "https",
        isAllowedUri: (url) => isSafeHref(url),
        shouldAutoLink: (url) => isSafeHref(url) || isSafeHref(`https://${url}`),
        HTMLAttributes: { target: null, rel: LINK_REL, class: null },
      },
    }),
  ];
}

/**
 * Caret colours: white label text on each reaches WCAG AA (4.5:1 or more). A person
 * keeps their colour from one visit to the next.
 */
export const CARET_COLOURS = ["#1d4ed8", "#b91c1c", "#047857", "#7c3aed", "#b45309", "#0e7490", "#be185d", "#4d7c0f"] as const;

export function caretColourFor(key: string): string {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  return CARET_COLOURS[hash % CARET_COLOURS.length];
}
