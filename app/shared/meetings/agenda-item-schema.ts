import { z } from "zod";
import type { AgendaItemKind, AgendaItemOptions } from "../vocabulary";
import { isPeriod } from "../performance/periods";
import { ALL_INDICATORS, TENANT_TOP_TEN } from "./form-choices";
import { blankAsNull, checkbox, keysOf, list, text, wholeNumber, type Submitted, EVEN_WITH_FIELD_PROBLEMS } from "./form-values";
import { AGENDA_ITEM_KIND_LABELS, EXEMPT_PARAGRAPHS } from "./labels";

const uuid = z.uuid();

/** The most indicators one clinic item may look at. */
export const CLINIC_INDICATORS_MAX = 10;
const paragraphs = Object.keys(EXEMPT_PARAGRAPHS).map(Number);

/** Kinds whose options name a reporting period (plan progress may: its quarter is the period's, or the meeting's). */
const needsPeriod = (kind: AgendaItemKind) => kind === "scorecard_review" || kind === "exceptions";

/**
 * An agenda item as the builder's form sends it. The per-kind options (period, area,
 * indicators) become the item's `options`; the fields of other kinds are ignored, so a
 * form may show them all when scripts are off.
 */
export const agendaItemSchema = z
  .object({
    kind: z.enum(keysOf(AGENDA_ITEM_KIND_LABELS), { error: "Choose the kind of item" }),
    title: text(200, "Keep the title to 200 characters or fewer"),
    presenter: text(120, "Keep the presenter to 120 characters or fewer"),
    minutesAllowed: blankAsNull(wholeNumber("Enter the time allowed in whole minutes, from 1 to 240", 1, 240)),
    exempt: checkbox,
    exemptParagraph: blankAsNull(
      wholeNumber(
        "Choose the paragraph of Schedule 12A the item is exempt under",
        Math.min(...paragraphs),
        Math.max(...paragraphs),
      ),
    ),
    exemptReason: text(1000, "Keep the reason to 1,000 characters or fewer"),
    period: blankAsNull(z.string().refine(isPeriod, { error: "Enter the period as a month, like 2026-10" })),
    areaId: blankAsNull(z.uuid({ error: "Choose an area, or the whole organisation" })),
    indicatorSet: z
      .string()
      .trim()
      .default(ALL_INDICATORS)
      .refine((set) => set === "" || set === ALL_INDICATORS || set === TENANT_TOP_TEN || uuid.safeParse(set).success, {
        error: "Choose which indicators to review",
      }),
    indicatorIds: list(z.uuid({ error: "Choose indicators from the list" })),
    planId: blankAsNull(z.uuid({ error: "Choose a plan from the list" })),
    planThemeId: blankAsNull(z.uuid({ error: "Choose a theme from the list" })),
  })
  .superRefine((item, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (item.kind === "report" && !item.title) problem("title", "Enter the title of the report");
    if (item.exempt && item.exemptParagraph === null)
      problem("exemptParagraph", "Choose the paragraph of Schedule 12A the item is exempt under");
    if (item.exempt && !item.exemptReason) problem("exemptReason", "Say why the item is exempt from publication");
    if (needsPeriod(item.kind) && !item.period) problem("period", "Choose the period the item covers");
    if (item.kind === "performance_clinic" && item.indicatorIds.length === 0)
      problem("indicatorIds", "Choose at least one indicator for the clinic");
    // A clinic looks hard at a few indicators in trouble; a whole scorecard is a scorecard item.
    if (item.kind === "performance_clinic" && item.indicatorIds.length > CLINIC_INDICATORS_MAX)
      problem("indicatorIds", `Choose at most ${CLINIC_INDICATORS_MAX} indicators for a clinic; review more as a scorecard item`);
    if (item.kind === "plan_progress" && (item.planId === null) === (item.planThemeId === null))
      problem("planId", "Choose one plan, or the plans of one theme");
  }, EVEN_WITH_FIELD_PROBLEMS)
  .transform((item) => ({
    kind: item.kind,
    title: item.title || AGENDA_ITEM_KIND_LABELS[item.kind],
    presenter: item.presenter,
    minutesAllowed: item.minutesAllowed,
    exempt: item.exempt,
    exemptParagraph: item.exempt ? item.exemptParagraph : null,
    exemptReason: item.exempt ? item.exemptReason : "",
    options: optionsOf(item),
  }));

export type AgendaItemInput = Submitted<typeof agendaItemSchema>;
export type AgendaItemDetails = z.output<typeof agendaItemSchema>;

function optionsOf(item: {
  kind: AgendaItemKind;
  period: string | null;
  areaId: string | null;
  indicatorSet: string;
  indicatorIds: string[];
  planId: string | null;
  planThemeId: string | null;
}): AgendaItemOptions {
  if (item.kind === "scorecard_review") {
    const set = item.indicatorSet || ALL_INDICATORS;
    return {
      period: item.period ?? undefined,
      areaId: item.areaId,
      themeId: set !== ALL_INDICATORS && set !== TENANT_TOP_TEN ? set : null,
      tenantTopTen: set === TENANT_TOP_TEN,
    };
  }
  if (item.kind === "exceptions") return { period: item.period ?? undefined, areaId: item.areaId };
  if (item.kind === "performance_clinic") return { indicatorIds: [...new Set(item.indicatorIds)] };
  if (item.kind === "plan_progress")
    return item.planId
      ? { planId: item.planId, period: item.period ?? undefined }
      : { themeId: item.planThemeId, period: item.period ?? undefined };
  return {};
}

/** "Move up" / "Move down" from the keyboard buttons, which work as plain form posts. */
export const moveItemSchema = z.object({
  itemId: z.uuid({ error: "Choose the item to move" }),
  direction: z.enum(["up", "down"], { error: "Choose up or down" }),
});

/** A whole new order, from drag and drop: every item's id, once each. */
export const reorderSchema = z.object({
  order: list(z.uuid({ error: "The new order names an item that is not on this agenda" })).refine((ids) => ids.length > 0, {
    error: "Send the new order of the items",
  }),
});

export const itemIdSchema = z.object({ itemId: z.uuid({ error: "Choose an item on the agenda" }) });

export const standardItemSchema = z.object({
  kind: z.enum(["apologies", "declarations", "previous_minutes", "action_log"], { error: "Choose a standard opening item" }),
});
