// The meeting page's form posts, one per `intent`: parse with the form's zod schema (400
// with the field errors), check the policy (403), run the command, answer in words. A
// command's refusal is a problem with the input: shown on the form, not thrown.
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import {
  agendaItemSchema,
  itemIdSchema,
  moveItemSchema,
  reorderSchema,
  standardItemSchema,
} from "~/shared/meetings/agenda-item-schema";
import { joinRepeated } from "~/shared/meetings/form-values";
import { ATTENDANCE_LABELS } from "~/shared/meetings/labels";
import { addGuestSchema, attendeeSchema, inviteOfficerSchema, setAttendanceSchema } from "~/shared/meetings/meeting-schemas";
import { authorizeOr403 } from "~/utils/auth.server";
import { formDone, invalidForm, refusedForm } from "~/utils/command-response.server";
import { parseForm } from "~/utils/forms";
import type { Database } from "../../../db/client";
import type { Meeting } from "../../../db/schema/meetings";
import type { Actor } from "../../../server/audit";
import {
  addAgendaItem,
  addStandardItem,
  moveAgendaItem,
  removeAgendaItem,
  reorderAgenda,
  updateAgendaItem,
} from "../../../server/commands/agenda-commands";
import { addGuest, inviteOfficer, removeAttendee, setAttendance } from "../../../server/commands/attendance-commands";
import { publishAgenda } from "../../../server/commands/meeting-commands";
import { PackNotReadyError } from "../../../server/packs/freeze-pack";
import type { SharedDocuments } from "../../../server/realtime/yjs/shared-documents";
import { authorize } from "../../../server/policies/authorize";
import { meetingPolicy } from "../../../server/policies/meeting-policy";
import type { Principal } from "../../../server/policies/principal";

const ITEM_FIELDS = [
  "kind",
  "title",
  "presenter",
  "minutesAllowed",
  "exempt",
  "exemptParagraph",
  "exemptReason",
  "period",
  "areaId",
  "indicatorSet",
  "indicatorIds",
];

/** Each form of the page: its schema, the rule that allows it, and the fields it shows (for placing errors). */
const FORMS = {
  publish: {
    schema: z.object({ reason: z.string().trim().max(2000, "Keep the reason under 2,000 characters").default("") }),
    rule: meetingPolicy.manage,
    fields: ["reason"],
  },
  "add-item": { schema: agendaItemSchema, rule: meetingPolicy.editAgenda, fields: ITEM_FIELDS },
  "update-item": { schema: z.intersection(itemIdSchema, agendaItemSchema), rule: meetingPolicy.editAgenda, fields: ITEM_FIELDS },
  "add-standard": { schema: standardItemSchema, rule: meetingPolicy.editAgenda, fields: [] },
  "remove-item": { schema: itemIdSchema, rule: meetingPolicy.editAgenda, fields: [] },
  move: { schema: moveItemSchema, rule: meetingPolicy.editAgenda, fields: [] },
  reorder: { schema: reorderSchema, rule: meetingPolicy.editAgenda, fields: [] },
  "set-attendance": { schema: setAttendanceSchema, rule: meetingPolicy.manage, fields: [] },
  "invite-officer": { schema: inviteOfficerSchema, rule: meetingPolicy.manage, fields: ["userId"] },
  "add-guest": { schema: addGuestSchema, rule: meetingPolicy.manage, fields: ["name"] },
  "remove-attendee": { schema: attendeeSchema, rule: meetingPolicy.manage, fields: [] },
} as const;

type Intent = keyof typeof FORMS;
const intentSchema = z.enum(Object.keys(FORMS) as [Intent, ...Intent[]], { error: "Choose what to do" });

export type MeetingActionContext = {
  db: Database;
  documents: SharedDocuments;
  principal: Principal;
  actor: Actor & { name: string };
  organisationId: string;
  meeting: Meeting;
  pageUrl: string;
};

/** Problems with hidden fields (ids, the order) belong to the whole form: there is no field to link to. */
function onForm(fieldErrors: Record<string, string>, fields: readonly string[]) {
  const placed: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    const key = fields.includes(field) ? field : "form";
    placed[key] ??= message;
  }
  return placed;
}

const moved = (title: string, position: number, total: number) => `Item '${title}' moved to position ${position} of ${total}`;

export async function handleMeetingAction(context: MeetingActionContext, submitted: FormData) {
  const intent = intentSchema.safeParse(submitted.get("intent"));
  if (!intent.success) return invalidForm("unknown", { form: intent.error.issues[0].message });
  const form = FORMS[intent.data];
  // A clinic's indicators are ticked boxes of one name: the parser keeps one value per name.
  const formData = joinRepeated(submitted, "indicatorIds");
  const parsed = parseForm(form.schema, formData);
  if (!parsed.ok) return invalidForm(intent.data, onForm(parsed.fieldErrors, form.fields), formData);
  const { db, principal, actor, organisationId, meeting } = context;
  authorizeOr403(() => authorize(form.rule(principal, meeting)));
  const ref = { organisationId, meetingId: meeting.id };
  const values = Object.fromEntries(formData) as Record<string, string>;
  if (intent.data === "publish") return publish(context, values.reason ?? "", formData);
  try {
    return await runIntent(intent.data, { db, actor, ref, values, pageUrl: context.pageUrl });
  } catch (error) {
    return refusedForm(intent.data, error, form.fields, formData);
  }
}

/**
 * "Publish the agenda": the agenda pack, frozen (server/commands/meeting-commands.ts). What
 * is still missing comes back as a list, each line linking to where it is put right.
 */
async function publish(context: MeetingActionContext, reason: string, formData: FormData) {
  const { db, documents, actor, organisationId, meeting } = context;
  try {
    const published = await publishAgenda({ db, documents }, { organisationId, meetingId: meeting.id, reason }, actor);
    return formDone(
      "publish",
      published.version === 1
        ? "The agenda pack is published: members, the public page and the meeting now show version 1. It can still change until the meeting opens, as a supplementary version."
        : `Supplementary agenda pack version ${published.version} is published. Members see what changed from version ${published.version - 1}.`,
    );
  } catch (error) {
    if (error instanceof PackNotReadyError)
      return data(
        {
          intent: "publish",
          fieldErrors: { form: error.message },
          gaps: error.gaps.map(({ message, href }) => ({ message, href })),
        },
        { status: 409 },
      );
    return refusedForm("publish", error, ["reason"], formData);
  }
}

async function runIntent(
  intent: Intent,
  {
    db,
    actor,
    ref,
    values,
    pageUrl,
  }: {
    db: Database;
    actor: Actor;
    ref: { organisationId: string; meetingId: string };
    values: Record<string, string>;
    pageUrl: string;
  },
) {
  switch (intent) {
    case "publish":
      throw new Error("Publishing is handled by publish()");
    case "add-item": {
      const item = await addAgendaItem(db, { ...ref, item: values }, actor);
      return formDone(intent, `Added “${item.title}” to the agenda as item ${item.position}.`);
    }
    case "update-item": {
      const item = await updateAgendaItem(db, { ...ref, itemId: values.itemId, item: values }, actor);
      // Back to the agenda, out of the edit form, with word of what was saved.
      return redirect(`${pageUrl}?saved=${item.id}#item-${item.id}`);
    }
    case "add-standard": {
      const item = await addStandardItem(
        db,
        { ...ref, kind: values.kind as Parameters<typeof addStandardItem>[1]["kind"] },
        actor,
      );
      return formDone(intent, `Put “${item.title}” back on the agenda as item ${item.position}.`);
    }
    case "remove-item": {
      const item = await removeAgendaItem(db, { ...ref, itemId: values.itemId }, actor);
      const waiting = item.referralId ? " The referral to a clinic waits for the next meeting." : "";
      return formDone(intent, `Removed “${item.title}” from the agenda.${waiting}`);
    }
    case "move": {
      const place = await moveAgendaItem(
        db,
        { ...ref, itemId: values.itemId, direction: values.direction as "up" | "down" },
        actor,
      );
      return formDone(intent, moved(place.item.title, place.position, place.total));
    }
    case "reorder": {
      const items = await reorderAgenda(db, { ...ref, order: values.order.split(",") }, actor);
      return formDone(intent, `The agenda's new order is saved: ${items.length} items.`);
    }
    case "set-attendance": {
      const { name, attendance } = await setAttendance(
        db,
        { ...ref, attendeeId: values.attendeeId, attendance: values.attendance },
        actor,
      );
      return formDone(intent, `${name}: ${attendance.toLowerCase()}.`);
    }
    case "invite-officer": {
      const row = await inviteOfficer(db, { ...ref, userId: values.userId }, actor);
      return formDone(intent, `${row.name} is invited as an officer (${ATTENDANCE_LABELS[row.attendance].toLowerCase()}).`);
    }
    case "add-guest": {
      const row = await addGuest(db, { ...ref, name: values.name }, actor);
      return formDone(intent, `${row.name} is on the list as a guest.`);
    }
    case "remove-attendee": {
      const row = await removeAttendee(db, { ...ref, attendeeId: values.attendeeId }, actor);
      return formDone(intent, `${row.name} is no longer on the attendance list.`);
    }
  }
}
