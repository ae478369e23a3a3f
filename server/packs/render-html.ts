import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PACK_CSS } from "../../app/components/packs/pack-css";
import { PackView } from "../../app/components/packs/pack-view";
import type { PackDocument } from "../../app/shared/packs/pack-document";

export type RenderPackHtmlOptions = {
  /** SHA-256 (hex) of the version's canonical JSON. */
  sha256: string;
  /** The PDF page of each contents entry, by sectionId. */
  pageMap: Record<string, number>;
  pageCount: number;
};

/**
 * A frozen pack as one self-contained HTML document: styles inline, no script, nothing
 * fetched from anywhere, so it can be downloaded, mailed or archived and still read the
 * same. The same input always gives the same string (no dates, ids or randomness are
 * added here), so a stored copy can be checked against a fresh rendering.
 */
export function renderPackHtml(pack: PackDocument, options: RenderPackHtmlOptions): string {
  const body = renderToStaticMarkup(
    createElement(
      "main",
      { className: "pack-page__main" },
      createElement(PackView, { pack, sha256: options.sha256, pageMap: options.pageMap, pageCount: options.pageCount }),
    ),
  );
  // The title goes through React too, so it is escaped the same way as the body.
  const title = renderToStaticMarkup(createElement("title", null, pack.title));
  return [
    "<!doctype html>",
    '<html lang="en-GB">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No referrer leaves the page through a link; no request leaves it otherwise.
    '<meta name="referrer" content="no-referrer">',
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
    title,
    `<style>${PACK_CSS}</style>`,
    "</head>",
    `<body class="pack-page">${body}</body>`,
    "</html>",
    "",
  ].join("\n");
}
