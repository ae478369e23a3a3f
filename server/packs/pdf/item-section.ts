import {
  itemHeading,
  type CoverReportContent,
  type PackItem,
  type PackResolution,
} from "../../../app/shared/packs/pack-document";
import { motionStatement, statusOfOutcome } from "../../../app/shared/meetings/motion-wording";
import { drawAppendix } from "./appendix-sections";
import { drawFacts, drawHeading, drawNote, drawParagraph } from "./blocks";
import { COLOUR, FONT, type PdfWriter } from "./pdf-writer";
import { drawRichText } from "./rich-text";
import { drawTable } from "./table";

/** "Report · Presented by Director of Housing · 15 minutes": whatever the item has. */
export function itemMetaLine(item: Pick<PackItem, "kindLabel" | "presenter" | "minutesAllowed">): string {
  return [
    item.kindLabel,
    item.presenter ? `Presented by ${item.presenter}` : "",
    item.minutesAllowed ? `${item.minutesAllowed} ${item.minutesAllowed === 1 ? "minute" : "minutes"}` : "",
  ]
    .filter(Boolean)
    .join(" · ");
}

export function exemptText(exempt: NonNullable<PackItem["exempt"]>): string {
  return `Exempt: paragraph ${exempt.paragraph} of Schedule 12A — ${exempt.paragraphText}`;
}

/** The statement as the minutes record it: "RESOLVED that the report be noted." only when carried. */
export function resolvedText(resolution: Pick<PackResolution, "wording" | "outcomeLabel">): string {
  return motionStatement(statusOfOutcome(resolution.outcomeLabel), resolution.wording);
}

/** One agenda item and then its appendices, each appendix from a new page. */
export function drawItem(writer: PdfWriter, item: PackItem): void {
  writer.group("Sect", () => {
    const outline = drawHeading(writer, "H1", itemHeading(item), { id: item.sectionId, outlineParent: null });
    const meta = itemMetaLine(item);
    if (meta) drawParagraph(writer, meta, { size: 9.5, colour: COLOUR.muted, gapAfter: 8 });
    if (item.exempt) drawNote(writer, exemptText(item.exempt), { bold: true });

    if (item.declarations.length > 0) {
      drawHeading(writer, "H2", "Declarations of interest");
      for (const d of item.declarations) drawParagraph(writer, `${d.name}: ${d.kindLabel}${d.note ? ` (${d.note})` : ""}`);
    }
    if (item.coverReport) drawCoverReport(writer, item.coverReport);
    if (item.minutes) {
      drawHeading(writer, "H2", "Minutes");
      drawRichText(writer, item.minutes, {
        x: writer.left,
        width: writer.width,
        size: 10,
        emptyText: "No minutes were recorded.",
      });
    }
    if (item.challenges.length > 0) {
      drawHeading(writer, "H2", "Challenges and answers");
      for (const c of item.challenges) {
        drawParagraph(writer, `${c.indicator ? `${c.indicator}: ` : ""}${c.question}`, { font: FONT.bold, gapAfter: 1 });
        drawParagraph(writer, `Raised by ${c.raisedBy}`, { size: 9, colour: COLOUR.muted, gapAfter: 3 });
        const answeredBy = c.answer && c.answeredBy;
        drawParagraph(writer, c.answer ? `Answer: ${c.answer}` : "Not yet answered.", { gapAfter: answeredBy ? 1 : 8 });
        if (answeredBy) drawParagraph(writer, `Answered by ${c.answeredBy}`, { size: 9, colour: COLOUR.muted, gapAfter: 8 });
      }
    }
    if (item.resolutions.length > 0) {
      drawHeading(writer, "H2", item.resolutions.length === 1 ? "Resolution" : "Resolutions");
      for (const r of item.resolutions) drawResolution(writer, r);
    }
    if (item.agreedActions.length > 0) {
      drawHeading(writer, "H2", "Actions agreed");
      drawTable(
        writer,
        [
          { header: "Action", weight: 5, text: (a) => a.action },
          { header: "Owner", weight: 2, text: (a) => a.owner },
          { header: "Due", weight: 2, text: (a) => a.dueText },
          { header: "Indicator", weight: 1.5, text: (a) => a.indicator },
        ],
        item.agreedActions,
      );
    }
    if (item.approval) {
      drawHeading(writer, "H2", "Approval");
      drawParagraph(writer, item.approval.text);
      drawFacts(writer, [{ label: "SHA-256 approved", value: item.approval.sha256 }]);
    }
    for (const appendix of item.appendices) {
      writer.newPage();
      drawAppendix(writer, item, appendix, outline);
    }
  });
  writer.gap(18);
}

function drawCoverReport(writer: PdfWriter, report: CoverReportContent): void {
  drawHeading(writer, "H2", "Cover report");
  for (const section of report.sections) {
    drawHeading(writer, "H3", section.title);
    drawRichText(writer, section.body, { x: writer.left, width: writer.width, size: 10, emptyText: "Nothing entered." });
  }
  if (report.checklist.length > 0) {
    drawHeading(writer, "H3", "Implications");
    drawTable(
      writer,
      [
        { header: "Area", weight: 3, text: (e) => e.area },
        { header: "No implications arising", weight: 2, text: (e) => (e.noImplications ? "Yes" : "No") },
      ],
      report.checklist,
      { size: 9.5 },
    );
  }
  drawFacts(
    writer,
    [
      { label: "Author", value: report.author || "Not given" },
      { label: "Contact", value: report.contact || "Not given" },
      { label: "Background papers", value: report.backgroundPapers || "None" },
    ],
    { size: 9.5, labelWidth: 120 },
  );
}

function drawResolution(writer: PdfWriter, resolution: PackResolution): void {
  drawParagraph(writer, resolvedText(resolution), { font: FONT.bold, gapAfter: 2 });
  const outcome = [resolution.outcomeLabel, resolution.methodLabel, resolution.tallyText].filter(Boolean).join(" · ");
  if (outcome) drawParagraph(writer, outcome, { size: 9.5, colour: COLOUR.muted, gapAfter: 4 });
  if (resolution.namedVotes.length > 0) {
    drawTable(
      writer,
      [
        { header: "Member", weight: 3, text: (v) => v.name },
        { header: "Vote", weight: 2, text: (v) => v.choiceLabel },
      ],
      resolution.namedVotes,
      { size: 9 },
    );
  }
  writer.gap(4);
}
