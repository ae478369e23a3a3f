/**
 * The sections of an exception commentary and where each lives in its Yjs document
 * (`exception:<indicatorUuid>:<YYYY-MM>`). The browser's editor, the server's renderer,
 * the readiness check and the pack all read this one list.
 *
 *   reason, impact, forecast, caveats   Y.XmlFragment each, edited with Tiptap
 *   actions                             Y.Array of Y.Map (one remedial action each)
 *   details                             Y.Map: recoveryDate ("YYYY-MM-DD")
 */

export const RICH_TEXT_FIELDS = ["reason", "impact", "forecast", "caveats"] as const;
export type RichTextField = (typeof RICH_TEXT_FIELDS)[number];

/** The Y.Array of remedial actions, and the Y.Map of single values. */
export const ACTIONS_FIELD = "actions";
export const DETAILS_FIELD = "details";
export const RECOVERY_DATE_KEY = "recoveryDate";

export type CommentarySection =
  | { kind: "rich-text"; field: RichTextField; title: string; hint: string; required: boolean }
  | { kind: "actions"; field: typeof ACTIONS_FIELD; title: string; hint: string; required: true }
  | { kind: "date"; field: typeof RECOVERY_DATE_KEY; title: string; hint: string; required: true };

/** In the order a committee reads them. */
export const COMMENTARY_SECTIONS: readonly CommentarySection[] = [
  {
    kind: "rich-text",
    field: "reason",
    title: "Reason for the variance",
    hint: "Why the figure is off target: what happened, where, and since when.",
    required: true,
  },
  {
    kind: "rich-text",
    field: "impact",
    title: "Impact on tenants",
    hint: "What tenants notice, and who is most affected. Write “None” if there is no impact.",
    required: false,
  },
  {
    kind: "actions",
    field: ACTIONS_FIELD,
    title: "Remedial actions",
    hint: "Each action needs an owner and a due date. They are carried forward until each one is complete.",
    required: true,
  },
  {
    kind: "date",
    field: RECOVERY_DATE_KEY,
    title: "Expected recovery date",
    hint: "When the indicator is expected to be back on target.",
    required: true,
  },
  {
    kind: "rich-text",
    field: "forecast",
    title: "Forecast year-end outturn",
    hint: "Where the indicator is expected to finish the financial year, and how sure that is.",
    required: true,
  },
  {
    kind: "rich-text",
    field: "caveats",
    title: "Data-quality caveats",
    hint: "Anything the committee should know about the figure itself: unaudited, late returns, a changed definition.",
    required: false,
  },
];

export const sectionTitle = (field: string) => COMMENTARY_SECTIONS.find((s) => s.field === field)?.title ?? field;

export const ACTION_STATUSES = ["not_started", "on_track", "at_risk", "overdue", "complete"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  not_started: "Not started",
  on_track: "On track",
  at_risk: "At risk",
  overdue: "Overdue",
  complete: "Complete",
};

/** The keys of one remedial action's Y.Map. */
export type RemedialAction = {
  id: string;
  action: string;
  /** A user id of the organisation, or "" when nobody is chosen yet. */
  ownerId: string;
  /** "YYYY-MM-DD" or "". */
  due: string;
  status: ActionStatus;
};

export const ACTION_TEXT_MAX_LENGTH = 500;
