/**
 * The stylesheet of a pack's web page, as a string: inlined in the self-contained page
 * (server/packs/render-html.ts), which must load nothing from anywhere, and put in a
 * <style> tag by the app. Every rule is under .pack, .pack-comparison or body.pack-page
 * so it cannot restyle the rest of the app (.visually-hidden is the app's own rule,
 * repeated). System fonts only.
 *
 * Colours are the GOV.UK palette the app uses: text #0b0c0c and secondary #505a5f on white
 * (19:1 and 7:1), links #1d70b8 (5.2:1), and the status-badge tints with their own AA text.
 */
export const PACK_CSS = `
body.pack-page { margin: 0; background: #fff; color: #0b0c0c; }
.pack-page__main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }

.pack, .pack-comparison {
  font-family: "Helvetica Neue", Helvetica, Arial, system-ui, sans-serif;
  font-size: 1.1875rem; line-height: 1.5; color: #0b0c0c;
  overflow-wrap: break-word;
}
.pack *, .pack-comparison * { box-sizing: border-box; }
.pack h1, .pack h2, .pack h3, .pack h4, .pack h5, .pack h6,
.pack-comparison h2, .pack-comparison h3, .pack-comparison h4 { line-height: 1.25; margin: 1.5em 0 0.5em; color: #0b0c0c; }
.pack h1 { font-size: 2.25rem; margin-top: 0.25em; }
.pack h2 { font-size: 1.75rem; }
.pack h3 { font-size: 1.375rem; }
.pack h4, .pack h5, .pack h6 { font-size: 1.1875rem; }
.pack p, .pack ul, .pack ol, .pack dl { margin: 0 0 1rem; }
.pack a { color: #1d70b8; text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 0.15em; }
.pack a:visited { color: #4c2c92; }
.pack a:hover { text-decoration-thickness: 3px; }
.pack a:focus-visible { outline: 3px solid transparent; background: #ffdd00; color: #0b0c0c; box-shadow: 0 4px #0b0c0c; text-decoration: none; }
.pack [tabindex]:focus-visible, .pack summary:focus-visible {
  outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c;
}
.pack code, .pack-hash { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.95em; }
.pack-hash { word-break: break-all; background: #f3f2f1; padding: 0 0.2em; }
.pack-muted { color: #505a5f; }
.pack-pre-line { white-space: pre-line; }
.pack-code { font-weight: 700; }
.tag--unaudited { font-size: 0.8em; font-style: italic; white-space: nowrap; }
.visually-hidden {
  position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important; padding: 0 !important;
  overflow: hidden !important; clip: rect(0 0 0 0) !important; white-space: nowrap !important; border: 0 !important;
}

/* Front matter */
.pack-header { border-bottom: 2px solid #0b0c0c; margin-bottom: 2rem; }
.pack-header__org { font-size: 1.1875rem; font-weight: 700; color: #505a5f; margin: 0; }
.pack-facts { display: grid; grid-template-columns: minmax(9rem, max-content) 1fr; gap: 0.25rem 1.25rem; font-size: 1rem; }
.pack-facts__row { display: contents; }
.pack-facts dt { font-weight: 700; }
.pack-facts dd { margin: 0; min-width: 0; }
.pack-facts--compact { grid-template-columns: max-content 1fr; }
.pack-attendance__groups { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0 2rem; }
.pack-attendance__groups h3 { font-size: 1.1875rem; margin-top: 0.5em; }
.pack-attendance ul { padding-left: 1.25rem; }
.pack-quorum { font-weight: 700; }

/* Contents */
.pack-contents { border: 1px solid #b1b4b6; border-left: 5px solid #1d70b8; padding: 0 1.25rem 0.5rem; margin: 2rem 0; }
.pack-contents h2 { margin-top: 0.75em; }
.pack-contents__list { padding-left: 0; list-style: none; }
.pack-contents__list li { margin: 0.35rem 0; }
.pack-contents__list--nested { padding-left: 1.5rem; margin: 0.25rem 0 0.5rem; font-size: 1rem; }
.pack-contents__page { color: #505a5f; white-space: nowrap; margin-left: 0.5rem; }
.pack-contents__page::before { content: "\\2014\\00a0"; }

/* Items */
.pack-item { border-top: 5px solid #1d3a5f; margin-top: 3rem; padding-top: 0.25rem; }
.pack-item > h2 { margin-top: 0.5em; }
.pack-part > h3, .pack-part > h4 { margin-top: 1.25em; }
.pack-exempt { border-left: 5px solid #0b0c0c; background: #f3f2f1; padding: 0.75rem 1rem; }
.pack-prose p:last-child { margin-bottom: 1rem; }
.pack-prose ul, .pack-prose ol { padding-left: 1.5rem; }
/* Tables written in rich text: fixed columns that wrap their words (a long one breaks), so none scrolls sideways at 320 px. */
.rich-table table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0 0 1rem; font-size: 1rem; }
.rich-table th, .rich-table td { border: 1px solid #505a5f; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.rich-table th { background: #f3f2f1; }
.rich-table p { margin: 0 0 0.25rem; }
.rich-table p:last-child { margin-bottom: 0; }
.pack-resolutions { padding-left: 0; list-style: none; }
.pack-resolution { border-left: 5px solid #b1b4b6; padding-left: 1rem; margin-bottom: 1.5rem; }
.pack-resolution__wording { font-size: 1.25rem; }
.pack-challenges { padding-left: 0; list-style: none; }
.pack-challenges > li { border-left: 5px solid #b1b4b6; padding-left: 1rem; margin-bottom: 1rem; }
.pack-challenges p { margin-bottom: 0.25rem; }
.pack-appendix { margin-top: 2.5rem; border-top: 1px solid #b1b4b6; }

/* Tables: a wide one scrolls inside its own focusable, named region. */
.pack .table-wrapper { position: relative; overflow-x: auto; margin-bottom: 1.5rem; }
.pack-table { border-collapse: collapse; width: 100%; font-size: 1rem; }
.pack-table--narrow { width: auto; min-width: min(20rem, 100%); }
.pack-table caption { text-align: left; font-weight: 700; font-size: 1.1875rem; margin-bottom: 0.5rem; }
.pack-table th, .pack-table td { border-bottom: 1px solid #b1b4b6; padding: 0.5rem 0.75rem 0.5rem 0; text-align: left; vertical-align: top; }
.pack-table thead th { border-bottom: 2px solid #0b0c0c; }
.pack-table tbody th { font-weight: 400; }
/* On a phone the indicator's title keeps a readable width and the table scrolls instead. */
.pack-appendix--scorecard tbody th { min-width: 14rem; }
.pack-table .pack-numeric { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }

/* Status: words, a shape and a colour (the app's status-badge, repeated so the page stands alone). */
.pack .status-badge { display: inline-flex; align-items: center; gap: 0.35rem; padding: 0.1rem 0.5rem; font-size: 1rem; font-weight: 700; line-height: 1.4; white-space: nowrap; }
.pack .status-badge__glyph { flex: none; fill: currentColor; }
.pack .status-badge--green { background: #cce2d8; color: #005a30; }
.pack .status-badge--amber { background: #fff7bf; color: #594d00; }
.pack .status-badge--red { background: #f4cdc6; color: #942514; }
.pack .status-badge--grey { background: #eeefef; color: #383f43; font-weight: 400; }

/* Trend chart */
.pack-chart { margin: 1.5rem 0; }
.pack-chart__svg { display: block; width: 100%; max-width: 40rem; height: auto; }
.pack-chart__summary { font-size: 1rem; margin: 0.5rem 0; max-width: 40rem; }
.pack-chart__legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; font-size: 1rem; }
.pack-chart__key { display: inline-block; width: 2rem; height: 0; vertical-align: middle; margin-right: 0.5rem; }
.pack-chart__key--value { border-top: 3px solid #1d70b8; }
.pack-chart__key--target { border-top: 2px dashed #0b0c0c; }
.pack-chart__figures summary { color: #1d70b8; text-decoration: underline; cursor: pointer; font-size: 1rem; margin-bottom: 0.5rem; }

/* Comparison of two versions: underlined insertions and struck deletions, not colour alone. */
.pack-comparison__change { border-top: 1px solid #b1b4b6; padding-top: 0.5rem; margin-bottom: 2rem; }
.pack-comparison__list { list-style: none; padding: 0; }
.pack-comparison__parts { margin: 0; }
.pack-comparison__parts dt { font-weight: 700; margin-top: 1rem; }
.pack-comparison__parts dd { margin: 0.25rem 0 0; }
.pack-comparison__text { white-space: pre-line; }
.pack-comparison ins { background: #cce2d8; color: #005a30; text-decoration: underline; text-decoration-thickness: 2px; }
.pack-comparison del { background: #f4cdc6; color: #942514; text-decoration: line-through; text-decoration-thickness: 2px; }
.pack-comparison del + ins, .pack-comparison ins + del { margin-left: 0.2em; }

@media (max-width: 40rem) {
  .pack, .pack-comparison { font-size: 1rem; }
  .pack h1 { font-size: 1.75rem; }
  .pack h2 { font-size: 1.375rem; }
  .pack-facts, .pack-facts--compact { grid-template-columns: 1fr; gap: 0; }
  .pack-facts dd { margin-bottom: 0.5rem; }
}

@media print {
  body.pack-page { font-size: 11pt; }
  .pack-page__main { max-width: none; padding: 0; }
  .pack, .pack-comparison { font-size: 11pt; }
  .pack-item { break-before: page; page-break-before: always; border-top: 0; margin-top: 0; }
  .pack-appendix { break-before: page; page-break-before: always; border-top: 0; }
  .pack h2, .pack h3, .pack h4 { break-after: avoid; page-break-after: avoid; }
  .pack-table tr, .pack-resolution, .pack-chart { break-inside: avoid; page-break-inside: avoid; }
  .pack-contents a, .pack-contents a:visited { color: #0b0c0c; text-decoration: none; }
  .pack a { color: #0b0c0c; }
  .pack .table-wrapper { overflow: visible; }
  .pack-chart__figures { display: none; }
  .pack .status-badge, .pack-comparison ins, .pack-comparison del { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
