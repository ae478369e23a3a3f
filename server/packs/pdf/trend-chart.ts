import { linearScale, niceAxis } from "../../../app/components/charts/chart-scale";
import type { PackAppendix, PackTrendPoint } from "../../../app/shared/packs/pack-document";
import { trendSummary } from "../../../app/shared/packs/trend-summary";
import { formatNumber } from "../../../app/shared/performance/format";
import { COLOUR, FONT, type PdfWriter } from "./pdf-writer";

type ExceptionAppendix = Extract<PackAppendix, { kind: "exception" }>;

const VALUE_COLOUR = "#1f5fa8";
const TARGET_COLOUR = "#4a4a4a";

/** The runs of consecutive points that have a figure: a missing figure leaves a gap in the line. */
export function lineRuns(values: readonly (number | null)[]): { index: number; value: number }[][] {
  const runs: { index: number; value: number }[][] = [];
  let current: { index: number; value: number }[] = [];
  values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) {
      if (current.length) runs.push(current);
      current = [];
    } else current.push({ index, value });
  });
  if (current.length) runs.push(current);
  return runs;
}

/** A vector line chart of the figures against the target line, with axes and a legend. */
export function drawTrendChart(
  writer: PdfWriter,
  appendix: Pick<ExceptionAppendix, "unit" | "trend" | "indicatorTitle">,
  height = 180,
  valueName = "Figure",
): void {
  const doc = writer.doc;
  const { trend } = appendix;
  writer.ensureSpace(height + 10);
  const top = doc.y;
  const left = writer.left;
  const width = writer.width;
  const values = trend.map((p) => p.value);
  const targets = trend.map((p) => p.target);
  const axis = niceAxis(
    [...values, ...targets].filter((v): v is number => v !== null && Number.isFinite(v)),
    5,
  );
  const percent = appendix.unit === "%";
  const tickText = (v: number) => `${formatNumber(v, axis.decimals)}${percent ? "%" : ""}`;

  writer.block(
    "Figure",
    () => {
      writer.style(FONT.regular, 7);
      const labelWidth = Math.max(...axis.ticks.map((t) => writer.widthOf(tickText(t))));
      const plot = { x0: left + labelWidth + 8, x1: left + width - 4, y0: top + 20, y1: top + height - 20 };
      const y = linearScale([axis.min, axis.max], [plot.y1, plot.y0]);
      const x = linearScale(
        [0, Math.max(0, trend.length - 1)],
        trend.length > 1 ? [plot.x0 + 8, plot.x1 - 8] : [plot.x0, plot.x1],
      );

      drawLegend(writer, left + labelWidth + 8, top + 2, percent ? "" : appendix.unit, valueName);

      for (const tick of axis.ticks) {
        doc.save().moveTo(plot.x0, y(tick)).lineTo(plot.x1, y(tick)).lineWidth(0.4).stroke(COLOUR.faintRule).restore();
        writer
          .style(FONT.regular, 7, COLOUR.muted)
          .text(tickText(tick), left, y(tick) - 3.5, { width: labelWidth, align: "right", lineBreak: false });
      }
      doc
        .save()
        .moveTo(plot.x0, plot.y0)
        .lineTo(plot.x0, plot.y1)
        .lineTo(plot.x1, plot.y1)
        .lineWidth(0.8)
        .stroke(COLOUR.rule)
        .restore();

      drawPeriodLabels(writer, trend, x, plot.y1 + 4);

      doc.save().lineWidth(1.2).dash(4, { space: 3 }).strokeColor(TARGET_COLOUR);
      for (const run of lineRuns(targets)) strokeRun(doc, run, x, y);
      doc.undash().restore();

      doc.save().lineWidth(1.8).strokeColor(VALUE_COLOUR).lineJoin("round").lineCap("round");
      for (const run of lineRuns(values)) strokeRun(doc, run, x, y);
      doc.restore();
      doc.save().fillColor(VALUE_COLOUR);
      for (const run of lineRuns(values)) for (const point of run) doc.circle(x(point.index), y(point.value), 2.3).fill();
      doc.restore();
    },
    { alt: trendSummary(appendix) },
  );
  doc.x = left;
  doc.y = top + height;
}

function strokeRun(
  doc: PDFKit.PDFDocument,
  run: { index: number; value: number }[],
  x: (i: number) => number,
  y: (v: number) => number,
): void {
  if (run.length === 1) return; // a lone figure is shown by its marker
  doc.moveTo(x(run[0].index), y(run[0].value));
  for (const point of run.slice(1)) doc.lineTo(x(point.index), y(point.value));
  doc.stroke();
}

function drawLegend(writer: PdfWriter, x: number, y: number, unit: string, valueName: string): void {
  const doc = writer.doc;
  const middle = y + 4;
  doc
    .save()
    .lineWidth(1.8)
    .strokeColor(VALUE_COLOUR)
    .moveTo(x, middle)
    .lineTo(x + 18, middle)
    .stroke()
    .restore();
  doc
    .save()
    .fillColor(VALUE_COLOUR)
    .circle(x + 9, middle, 2.3)
    .fill()
    .restore();
  const valueLabel = unit ? `${valueName} (${unit})` : valueName;
  writer.style(FONT.regular, 8).text(valueLabel, x + 22, y, { lineBreak: false });
  const targetX = x + 22 + writer.widthOf(valueLabel) + 16;
  doc
    .save()
    .lineWidth(1.2)
    .dash(4, { space: 3 })
    .strokeColor(TARGET_COLOUR)
    .moveTo(targetX, middle)
    .lineTo(targetX + 18, middle)
    .stroke()
    .undash()
    .restore();
  writer.style(FONT.regular, 8).text("Target", targetX + 22, y, { lineBreak: false });
}

/** Labels every period if they fit, otherwise every second, third...: always the latest. */
function drawPeriodLabels(writer: PdfWriter, trend: readonly PackTrendPoint[], x: (i: number) => number, top: number): void {
  if (trend.length === 0) return;
  const doc = writer.doc;
  writer.style(FONT.regular, 7, COLOUR.muted);
  const widest = Math.max(...trend.map((p) => writer.widthOf(p.periodText))) + 6;
  const spacing = trend.length > 1 ? Math.abs(x(1) - x(0)) : widest;
  const every = Math.max(1, Math.ceil(widest / spacing));
  const last = trend.length - 1;
  trend.forEach((point, i) => {
    if ((last - i) % every !== 0) return;
    const centre = x(i);
    doc
      .save()
      .moveTo(centre, top - 4)
      .lineTo(centre, top - 1)
      .lineWidth(0.6)
      .stroke(COLOUR.rule)
      .restore();
    writer.text(point.periodText, centre - widest / 2, top, { width: widest, align: "center", lineBreak: false });
  });
}
