/**
 * A figure marked unaudited (actuals.unaudited) says so wherever it is reported: the
 * scorecard, the packs (web and PDF), the public page, the API (`unaudited: true`) and
 * the CSV. One word, so that every place says it the same way.
 */
export const UNAUDITED_LABEL = "Unaudited";

/** The value as text beside which the mark is written where only text fits (PDF cells, plain lists). */
export function valueWithAuditMark(valueText: string, unaudited: boolean | undefined): string {
  return unaudited ? `${valueText} (${UNAUDITED_LABEL.toLowerCase()})` : valueText;
}
