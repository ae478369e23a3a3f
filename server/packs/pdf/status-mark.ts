import { statusPresentation, type StatusShape, type StatusTone, type TargetStatus } from "../../../app/shared/performance/status";

/** Print-safe tones: dark enough to read on white and to differ in greyscale by shape alone. */
const TONE_COLOUR: Readonly<Record<StatusTone, string>> = {
  green: "#2e7d32",
  amber: "#b36200",
  red: "#c62828",
  grey: "#6b6b6b",
};

/** The horizontal room a mark takes before its word. */
export const STATUS_MARK_WIDTH = 11;

/**
 * Draws the status shape (circle, triangle, square or dash) centred on `centreY`. The
 * caller prints the status word beside it: the colour is never the only signal.
 */
export function drawStatusMark(doc: PDFKit.PDFDocument, status: TargetStatus, x: number, centreY: number, size = 7): void {
  const { shape, tone } = statusPresentation(status);
  drawShape(doc, shape, x, centreY, size, TONE_COLOUR[tone]);
}

function drawShape(doc: PDFKit.PDFDocument, shape: StatusShape, x: number, centreY: number, size: number, colour: string): void {
  const half = size / 2;
  doc.save().fillColor(colour);
  switch (shape) {
    case "circle":
      doc.circle(x + half, centreY, half).fill();
      break;
    case "triangle":
      doc.polygon([x, centreY + half], [x + size, centreY + half], [x + half, centreY - half]).fill();
      break;
    case "square":
      doc.rect(x + 0.5, centreY - half + 0.5, size - 1, size - 1).fill();
      break;
    case "dash":
      doc.rect(x, centreY - 0.8, size, 1.6).fill();
      break;
    case "none":
      break;
  }
  doc.restore();
}
