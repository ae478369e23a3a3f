import type { AgendaItemOptions } from "../vocabulary";

/*
 * Values the meeting forms offer, shared by the forms (in the browser) and their zod
 * schemas (on the server). Kept apart from the schemas so that the forms load no zod.
 */

/** Which indicators a scorecard review shows: all, one theme's (its id), or the tenants' top ten. */
export const ALL_INDICATORS = "all";
export const TENANT_TOP_TEN = "top-ten";

/** The form's value for a stored item's "which indicators" choice. */
export function indicatorSetOf(options: AgendaItemOptions): string {
  if (options.tenantTopTen) return TENANT_TOP_TEN;
  return options.themeId ?? ALL_INDICATORS;
}

/** Before a meeting opens the clerk records apologies and absences; presence is taken in the room. */
export const PRE_MEETING_ATTENDANCE = ["expected", "apologies", "absent"] as const;
