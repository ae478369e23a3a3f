import type { PackAppendix, PackItem } from "../../../app/shared/packs/pack-document";
import { trajectoryChart } from "../../../app/shared/packs/trajectory-chart";
import { trendSummary } from "../../../app/shared/packs/trend-summary";
import { valueWithAuditMark } from "../../../app/shared/performance/unaudited";
import { statusPresentation, type TargetStatus } from "../../../app/shared/performance/status";
import { drawFacts, drawHeading, drawParagraph } from "./blocks";
import { COLOUR, FONT, type OutlineItem, type PdfWriter } from "./pdf-writer";
import { drawRichText } from "./rich-text";
import { STATUS_MARK_WIDTH, drawStatusMark } from "./status-mark";
import { drawTable, type TableColumn } from "./table";
import { drawTrendChart } from "./trend-chart";

type Scorecard = Extract<PackAppendix, { kind: "scorecard" }>;
type ExceptionReport = Extract<PackAppendix, { kind: "exception" }>;
type ActionLog = Extract<PackAppendix, { kind: "action_log" }>;
type ImprovementPlan = Extract<PackAppendix, { kind: "improvement_plan" }>;
type PlanProgress = Extract<PackAppendix, { kind: "plan_progress" }>;
type ImprovementLog = Extract<PackAppendix, { kind: "improvement_log" }>;

/** An appendix, headed with its title and the item it belongs to; bookmarked under that item. */
export function drawAppendix(writer: PdfWriter, item: PackItem, appendix: PackAppendix, itemOutline: OutlineItem | null): void {
  writer.group("Sect", () => {
    drawHeading(writer, "appendix", appendix.title, { id: appendix.sectionId, outlineParent: itemOutline });
    drawParagraph(writer, `Appendix to item ${item.minuteNumber ?? item.number}: ${item.title}`, {
      size: 9.5,
      colour: COLOUR.muted,
      gapAfter: 8,
    });
    switch (appendix.kind) {
      case "scorecard":
        drawScorecard(writer, appendix);
        return;
      case "exception":
        drawExceptionReport(writer, appendix);
        return;
      case "action_log":
        drawActionLog(writer, appendix);
        return;
      case "improvement_plan":
        drawImprovementPlan(writer, appendix);
        return;
      case "plan_progress":
        drawPlanProgress(writer, appendix);
        return;
      case "improvement_log":
        drawImprovementLog(writer, appendix);
        return;
    }
  });
}

const KEY_STATUSES: TargetStatus[] = ["on_target", "within_tolerance", "off_target", "no_data"];

/** The key to the status shapes, drawn as they appear in the table. */
function drawStatusKey(writer: PdfWriter): void {
  const doc = writer.doc;
  const top = doc.y;
  const size = 8.5;
  writer.block("P", () => {
    writer.style(FONT.bold, size, COLOUR.muted).text("Key:", writer.left, top, { lineBreak: false });
    let x = writer.left + writer.widthOf("Key:") + 8;
    for (const status of KEY_STATUSES) {
      drawStatusMark(doc, status, x, top + size * 0.55);
      x += STATUS_MARK_WIDTH;
      const label = statusPresentation(status).label;
      writer.style(FONT.regular, size, COLOUR.text).text(label, x, top, { lineBreak: false });
      x += writer.widthOf(label) + 14;
    }
  });
  doc.x = writer.left;
  doc.y = top + size * 1.3 + 6;
}

function drawScorecard(writer: PdfWriter, scorecard: Scorecard): void {
  drawFacts(
    writer,
    [
      { label: "Period", value: scorecard.periodText },
      { label: "Area", value: scorecard.areaName ?? "All areas" },
      { label: "Indicators", value: String(scorecard.rows.length) },
    ],
    { size: 9.5, labelWidth: 80 },
  );
  writer.gap(4);
  if (scorecard.rows.length === 0) {
    drawParagraph(writer, "No indicators are on this scorecard.", { colour: COLOUR.muted });
    return;
  }
  drawStatusKey(writer);
  if (scorecard.peersText) drawParagraph(writer, scorecard.peersText, { size: 8.5, colour: COLOUR.muted, gapAfter: 4 });
  // One column per peer group, sharing the width one "Quartile" column had plus some of the indicator's.
  const peerColumns = scorecard.peerColumns?.length ? scorecard.peerColumns : null;
  const quartileColumns: TableColumn<Scorecard["rows"][number]>[] = peerColumns
    ? peerColumns.map((heading, i) => ({
        header: `Quartile: ${heading}`,
        weight: peerColumns.length === 1 ? 56 : Math.max(40, 96 / peerColumns.length),
        text: (r) => r.peerTexts?.[i] ?? "",
      }))
    : [{ header: "Quartile", weight: 56, text: (r) => r.quartileText }];
  drawTable(
    writer,
    [
      { header: "Code", weight: 40, text: (r) => r.code, bold: true },
      { header: "Indicator", weight: peerColumns && peerColumns.length > 1 ? 82 : 122, text: (r) => r.title },
      { header: "Value", weight: 44, text: (r) => valueWithAuditMark(r.valueText, r.unaudited), figures: true },
      { header: "Target", weight: 44, text: (r) => r.targetText, figures: true },
      { header: "Status", weight: 74, text: (r) => r.statusText, status: (r) => r.status },
      { header: "Direction of travel", weight: 66, text: (r) => r.directionText },
      { header: "Year to date", weight: 44, text: (r) => r.ytdText, figures: true },
      ...quartileColumns,
    ],
    scorecard.rows,
    { size: 8 },
  );
}

function drawExceptionReport(writer: PdfWriter, report: ExceptionReport): void {
  drawFacts(
    writer,
    [
      { label: "Indicator", value: `${report.code} ${report.indicatorTitle}`, bold: true },
      { label: "Period", value: report.periodText },
      { label: "Figure", value: valueWithAuditMark(report.valueText, report.unaudited) },
      { label: "Target", value: report.targetText },
      { label: "Status", value: report.statusText, status: report.status },
      { label: "Owner", value: report.owner },
      { label: "Commentary", value: report.commentary.stateText },
    ],
    { size: 9.5, labelWidth: 90 },
  );
  drawHeading(writer, "H3", "Trend against target");
  if (report.trend.length > 0) drawTrendChart(writer, report);
  drawParagraph(writer, trendSummary(report), { size: 9, font: FONT.italic, colour: COLOUR.muted, gapAfter: 6 });

  for (const section of report.commentary.sections) {
    drawHeading(writer, "H3", section.title);
    drawRichText(writer, section.body, { x: writer.left, width: writer.width, size: 10, emptyText: "Nothing entered." });
  }
  drawHeading(writer, "H3", "Recovery actions");
  if (report.commentary.actions.length === 0) drawParagraph(writer, "No actions are recorded.", { colour: COLOUR.muted });
  else
    drawTable(
      writer,
      [
        { header: "Action", weight: 5, text: (a) => a.action },
        { header: "Owner", weight: 2, text: (a) => a.owner },
        { header: "Due", weight: 2, text: (a) => a.dueText },
        { header: "Status", weight: 1.6, text: (a) => a.statusText },
      ],
      report.commentary.actions,
      { size: 9 },
    );
  drawFacts(writer, [{ label: "Expected recovery", value: report.commentary.recoveryDateText || "Not given", bold: true }], {
    size: 10,
    labelWidth: 120,
  });
}

function drawActionLog(writer: PdfWriter, log: ActionLog): void {
  if (log.rows.length === 0) {
    drawParagraph(writer, "There are no actions on the log.", { colour: COLOUR.muted });
    return;
  }
  drawTable(
    writer,
    [
      { header: "Ref", weight: 44, text: (r) => r.reference, bold: true },
      { header: "Action", weight: 110, text: (r) => r.action },
      { header: "Owner", weight: 52, text: (r) => r.owner },
      { header: "Due", weight: 64, text: (r) => r.dueText },
      { header: "Status", weight: 42, text: (r) => r.statusText },
      { header: "Latest note", weight: 90, text: (r) => r.latestNote },
      { header: "Indicator", weight: 88, text: (r) => [r.indicator, r.movementText].filter(Boolean).join("\n") },
    ],
    log.rows,
    { size: 8 },
  );
}

/** A plan-progress item: each action's status and note for the quarter, then the milestones that slipped. */
function drawPlanProgress(writer: PdfWriter, progress: PlanProgress): void {
  drawFacts(writer, [{ label: "Quarter", value: progress.quarterText }], { size: 9.5, labelWidth: 80 });
  drawHeading(writer, "H3", "Actions");
  if (progress.actions.length === 0) drawParagraph(writer, "The plan has no actions.", { colour: COLOUR.muted });
  else
    drawTable(
      writer,
      [
        { header: "Action", weight: 120, text: (a) => `${a.code} ${a.title}\n${a.plan}`, bold: true },
        { header: "Owner", weight: 60, text: (a) => a.owner },
        { header: "Due", weight: 60, text: (a) => a.dueText },
        { header: "Status", weight: 56, text: (a) => a.statusText },
        { header: "Progress this quarter", weight: 120, text: (a) => a.progress || "None recorded" },
        { header: "Milestones due", weight: 110, text: (a) => a.milestonesText },
      ],
      progress.actions,
      { size: 8 },
    );
  drawHeading(writer, "H3", "Slipped milestones");
  if (progress.slipped.length === 0) {
    drawParagraph(writer, "No milestone slipped in the quarter.", { colour: COLOUR.muted });
    return;
  }
  drawTable(
    writer,
    [
      { header: "Action", weight: 120, text: (m) => `${m.action}\n${m.plan}`, bold: true },
      { header: "Milestone", weight: 110, text: (m) => m.milestone },
      { header: "Due", weight: 60, text: (m) => m.dueText },
      { header: "State", weight: 56, text: (m) => m.stateText },
      { header: "Commentary", weight: 150, text: (m) => m.commentary || "None yet" },
    ],
    progress.slipped,
    { size: 8 },
  );
}

/** The service improvement log: what changed, when, the evidence and how the indicator moved. */
function drawImprovementLog(writer: PdfWriter, log: ImprovementLog): void {
  if (log.rows.length === 0) {
    drawParagraph(writer, "No improvements are recorded.", { colour: COLOUR.muted });
    return;
  }
  drawTable(
    writer,
    [
      { header: "What changed", weight: 140, text: (r) => [r.title, r.description].filter(Boolean).join("\n"), bold: false },
      { header: "When", weight: 60, text: (r) => r.madeOnText },
      { header: "Evidence", weight: 110, text: (r) => r.evidence },
      { header: "Indicator movement", weight: 140, text: (r) => [r.indicator, r.movementText].filter(Boolean).join("\n") },
      { header: "Plan action", weight: 70, text: (r) => r.planAction },
    ],
    log.rows,
    { size: 8 },
  );
}

/** A clinic's improvement plan: milestones, then the planned recovery against the target line, then the figures. */
function drawImprovementPlan(writer: PdfWriter, plan: ImprovementPlan): void {
  drawHeading(writer, "H3", "Milestones");
  if (plan.milestones.length === 0) drawParagraph(writer, "No milestones were agreed.", { colour: COLOUR.muted });
  else
    drawTable(
      writer,
      [
        { header: "Milestone", weight: 300, text: (m) => m.milestone },
        { header: "By", weight: 90, text: (m) => m.dueText },
      ],
      plan.milestones,
      { size: 9 },
    );
  drawHeading(writer, "H3", "Recovery trajectory against target");
  if (plan.trajectory.length === 0) {
    drawParagraph(writer, "No recovery trajectory was set.", { colour: COLOUR.muted });
    return;
  }
  // The planned figure of each month where a report draws the recorded one, as the web pack draws it.
  drawTrendChart(writer, trajectoryChart(plan), 160, "Planned");
  drawTable(
    writer,
    [
      { header: "Month", weight: 100, text: (p) => p.periodText, bold: true },
      { header: "Planned", weight: 90, text: (p) => p.plannedText, figures: true },
      { header: "Target", weight: 90, text: (p) => p.targetText, figures: true },
      { header: "Recorded", weight: 90, text: (p) => p.actualText, figures: true },
    ],
    plan.trajectoryText,
    { size: 9 },
  );
}
