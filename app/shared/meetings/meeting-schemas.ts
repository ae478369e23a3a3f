import { z } from "zod";
import { typedText } from "../typed-text";
import { PRE_MEETING_ATTENDANCE } from "./form-choices";
import { blankAsNull, isHttpsUrl, keysOf, text, type Submitted, EVEN_WITH_FIELD_PROBLEMS } from "./form-values";
import { MEETING_KIND_LABELS } from "./labels";
import { isClockTime, isIsoDate, londonLocalToInstant } from "./london-time";

/**
 * A new meeting: its body, kind and title (both default from the body), when it starts
 * in UK local time, and where: a place, an online link, or both.
 */
export const newMeetingSchema = z
  .object({
    bodyId: z.uuid({ error: "Choose the committee or panel that is meeting" }),
    kind: blankAsNull(z.enum(keysOf(MEETING_KIND_LABELS), { error: "Choose the kind of meeting" })),
    title: text(160, "Keep the title to 160 characters or fewer"),
    date: z
      .string({ error: "Enter the date of the meeting" })
      .trim()
      .refine(isIsoDate, { error: "Enter the date of the meeting as a real date, like 23/11/2026" }),
    time: z
      .string({ error: "Enter the start time" })
      .trim()
      .refine(isClockTime, { error: "Enter the start time on the 24-hour clock, like 18:00" }),
    place: text(200, "Keep the place to 200 characters or fewer"),
    onlineLink: text(500, "Keep the online link to 500 characters or fewer").refine((link) => link === "" || isHttpsUrl(link), {
      error: "Enter the online link as a full web address starting https://",
    }),
  })
  .superRefine((meeting, ctx) => {
    if (!meeting.place && !meeting.onlineLink) {
      ctx.addIssue({ code: "custom", path: ["place"], message: "Enter where the meeting is held, an online link, or both" });
    }
    if (isIsoDate(meeting.date) && isClockTime(meeting.time) && !londonLocalToInstant(meeting.date, meeting.time)) {
      ctx.addIssue({
        code: "custom",
        path: ["time"],
        message: "That time does not exist in the UK on that day (the clocks go forward): choose another",
      });
    }
  }, EVEN_WITH_FIELD_PROBLEMS)
  .transform(({ date, time, ...meeting }) => ({ ...meeting, startsAt: londonLocalToInstant(date, time) as Date }));

export type NewMeetingInput = Submitted<typeof newMeetingSchema>;

export const setAttendanceSchema = z.object({
  attendeeId: z.uuid({ error: "Choose a person on the attendance list" }),
  attendance: z.enum(PRE_MEETING_ATTENDANCE, { error: "Choose expected, apologies or absent" }),
});

export const inviteOfficerSchema = z.object({
  userId: z.uuid({ error: "Choose the officer to invite" }),
});

export const addGuestSchema = z.object({
  name: typedText({ error: "Enter the guest's name" })
    .trim()
    .min(1, { error: "Enter the guest's name" })
    .max(120, { error: "Keep the name to 120 characters or fewer" }),
});

export const attendeeSchema = z.object({
  attendeeId: z.uuid({ error: "Choose a person on the attendance list" }),
});
