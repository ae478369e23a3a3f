import { z } from "zod";
import { typedText } from "../typed-text";
import { blankAsNull, keysOf, text, wholeNumber, type Submitted, EVEN_WITH_FIELD_PROBLEMS } from "./form-values";
import { BODY_KIND_LABELS, MEMBER_KIND_LABELS, MINUTES_MODE_LABELS, SEAT_POSITION_LABELS } from "./labels";

/** A committee's or panel's details, as the form sends them and the commands check them. */
export const bodyDetailsSchema = z
  .object({
    name: typedText({ error: "Enter the name of the committee or panel" })
      .trim()
      .min(1, { error: "Enter the name of the committee or panel" })
      .max(120, { error: "Keep the name to 120 characters or fewer" }),
    kind: z.enum(keysOf(BODY_KIND_LABELS), { error: "Choose the kind of body" }),
    minutePrefix: z
      .string({ error: "Enter a minute prefix of 1 to 6 letters, like PC" })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{1,6}$/, { error: "Enter a minute prefix of 1 to 6 letters A to Z, like PC" }),
    termsOfReference: text(10_000, "Keep the terms of reference to 10,000 characters or fewer"),
    quorumCount: wholeNumber("Enter the quorum as a whole number of members, from 1 to 50", 1, 50),
    quorumRequiresKind: blankAsNull(z.enum(keysOf(MEMBER_KIND_LABELS), { error: "Choose a kind of member, or none" })),
    areaId: blankAsNull(z.uuid({ error: "Choose the area the panel covers" })),
    // A body set up before the setting existed, or by a form without it, keeps the pen with the clerk.
    minutesMode: z.enum(keysOf(MINUTES_MODE_LABELS), { error: "Choose who writes the minutes" }).default("clerk"),
  })
  .superRefine((body, ctx) => {
    if (body.kind === "area_panel" && !body.areaId)
      ctx.addIssue({ code: "custom", path: ["areaId"], message: "Choose the area the panel covers" });
  }, EVEN_WITH_FIELD_PROBLEMS)
  // Only an area panel has an area: its scorecard items default to it.
  .transform((body) => ({ ...body, areaId: body.kind === "area_panel" ? body.areaId : null }));

export type BodyDetailsInput = Submitted<typeof bodyDetailsSchema>;
export type BodyDetails = z.output<typeof bodyDetailsSchema>;

/** A seat on a body: who, as what, and the kind of member they are (quorum counts kinds). */
export const seatSchema = z.object({
  userId: z.uuid({ error: "Choose a person of the organisation" }),
  position: z.enum(keysOf(SEAT_POSITION_LABELS), { error: "Choose chair, vice-chair or member" }),
  memberKind: z.enum(keysOf(MEMBER_KIND_LABELS), {
    error: "Choose the kind of member: councillor, independent, tenant, co-opted or officer",
  }),
});

export type SeatInput = Submitted<typeof seatSchema>;
