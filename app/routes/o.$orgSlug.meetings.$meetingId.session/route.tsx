// The live session of a meeting: the agenda, the item the chair has open with what it
// shows (scorecard, exceptions, clinic, action log), the shared minutes, resolutions
// and votes, who is here, quorum and the speaking queue. The page is usable before its
// scripts load (the agenda and each item's content are rendered on the server); the
// live parts (socket.io room, Yjs record) start once it is hydrated.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { lazy, Suspense, useEffect, useState } from "react";
import { z } from "zod";
import { MeetingStatusTag } from "~/components/meetings/meeting-status-tag";
import { authorizeOr403 } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { meetingPolicy } from "../../../server/policies/meeting-policy";
import { closeMeeting, openMeeting, referToClinic } from "../../../server/commands/meeting-session-commands";
import { CommandError } from "../../../server/commands/errors";
import { authorize } from "../../../server/policies/authorize";
import { packPolicy } from "../../../server/policies/pack-policy";
import { signMinutes } from "../../../server/packs/approve-minutes";
import { capturePapersAtOpening } from "../../../server/packs/capture-papers";
import { closingSummary } from "../../../server/packs/record-check";
import { AgendaOverview } from "./agenda-overview";
import { loadSessionData, requireMeeting, type SessionData } from "./session-data.server";
import { ItemContentView } from "./item-content-view";
import { actionStylesLinks } from "~/components/meetings/action-styles";
import sessionStyles from "~/styles/session.css?url";
import { readFormData } from "~/utils/request-body.server";

const SessionRoom = lazy(() => import("./session-room.client"));

export const links = () => [{ rel: "stylesheet", href: sessionStyles }, ...actionStylesLinks()];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Live session: ${data.meeting.title}, ${data.meeting.when} – Minuted` : "Live session – Minuted" },
];

export async function loader(args: LoaderFunctionArgs) {
  return loadSessionData(args);
}

export type { SessionData };

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open") }),
  z.object({ intent: z.literal("close") }),
  z.object({ intent: z.literal("review-close") }),
  z.object({
    intent: z.literal("refer"),
    agendaItemId: z.uuid({ message: "Choose the item" }),
    indicatorId: z.uuid({ message: "Choose the indicator to refer" }),
    reason: z.string().trim().max(1000, "Keep the reason under 1,000 characters").default(""),
  }),
  z.object({ intent: z.literal("sign-minutes"), itemId: z.uuid({ message: "Choose the item" }) }),
]);

export async function action(args: ActionFunctionArgs) {
  const { user, principal, meeting, seat } = await requireMeeting(args);
  const { services } = args.context;
  const parsed = parseForm(actionSchema, await readFormData(args.request));
  if (!parsed.ok) return data({ ok: false as const, message: Object.values(parsed.fieldErrors).join(". ") }, { status: 400 });
  const actor = { userId: user.id, label: user.name };
  const input = parsed.data;
  try {
    switch (input.intent) {
      case "open":
        authorizeOr403(() => authorize(meetingPolicy.manage(principal, meeting)));
        // The papers as presented: captured now when no agenda pack was published or the agenda changed since.
        await capturePapersAtOpening(services, meeting, { ...actor, name: user.name });
        await openMeeting(services.db, meeting, actor);
        await services.meetingEvents.meetingChanged(meeting.id);
        return { ok: true as const, message: "The meeting is open. Items have their minute numbers." };
      case "review-close": {
        // Closing asks first: what is still open or missing, for the clerk to confirm or put right.
        authorizeOr403(() => authorize(meetingPolicy.manage(principal, meeting)));
        const summary = await closingSummary(services.db, services.documents, meeting);
        return {
          ok: true as const,
          message: summary.length
            ? "Before the meeting closes, check these. Open votes and incomplete actions stop it closing; attendance can be recorded afterwards, before the minutes are frozen."
            : "Nothing is left open: every vote is closed, every agreed action has an owner and a date, and attendance is recorded.",
          closing: { summary },
        };
      }
      case "close": {
        authorizeOr403(() => authorize(meetingPolicy.manage(principal, meeting)));
        const closed = await closeMeeting(services.db, services.documents, meeting, actor);
        await services.meetingEvents.meetingChanged(meeting.id);
        return {
          ok: true as const,
          message: `The meeting is closed. ${closed.actionsEntered} agreed action${closed.actionsEntered === 1 ? "" : "s"} entered the action log.`,
        };
      }
      case "sign-minutes": {
        authorizeOr403(() =>
          authorize(
            packPolicy.signMinutes(principal, meeting, seat),
            "Only the chair of this meeting, in session, signs the minutes",
          ),
        );
        const signed = await signMinutes(services.db, {
          approving: meeting,
          itemId: input.itemId,
          signer: { ...actor, name: user.name },
        });
        await services.meetingEvents.meetingChanged(meeting.id);
        return {
          ok: true as const,
          message: `The minutes are approved and signed. Signed version: SHA-256 ${signed.approval.sha256}.`,
        };
      }
      case "refer": {
        authorizeOr403(() =>
          authorize(meetingPolicy.chair(principal, meeting, seat) || meetingPolicy.manage(principal, meeting)),
        );
        const referral = await referToClinic(
          services.db,
          { meeting, agendaItemId: input.agendaItemId, indicatorId: input.indicatorId, reason: input.reason },
          actor,
        );
        return {
          ok: true as const,
          message: referral.placedOnMeetingId
            ? "Referred to a performance clinic: it is on the agenda of the next meeting."
            : "Referred to a performance clinic: it will be on the agenda of the next meeting when it is made.",
        };
      }
    }
  } catch (error) {
    if (error instanceof CommandError) return data({ ok: false as const, message: error.message }, { status: 409 });
    throw error;
  }
}

export default function MeetingSession() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return (
    <div className="session">
      <p className="breadcrumbs">
        <Link to={`/o/${page.orgSlug}/meetings`}>Meetings</Link> ›{" "}
        <Link to={`/o/${page.orgSlug}/meetings/${page.meeting.id}`}>{page.meeting.title}</Link> › Live session
      </p>
      <h1 className="session__title">
        {page.meeting.title} <span className="session__when">{page.meeting.when}</span>
      </h1>
      <p>
        {page.meeting.kindLabel}: <MeetingStatusTag status={page.meeting.status} />.{" "}
        {page.meeting.place ? `${page.meeting.place}.` : ""}{" "}
        <Link to={`/o/${page.orgSlug}/meetings/${page.meeting.id}/present`} target="_blank" rel="noopener">
          Projector view<span className="visually-hidden"> (opens in a new tab)</span>
        </Link>
      </p>
      {result ? (
        <div className={result.ok ? "notification notification--success" : "error-summary"} role={result.ok ? "status" : "alert"}>
          {result.message}
          {"closing" in result && result.closing ? <CloseConfirmation summary={result.closing.summary} /> : null}
        </div>
      ) : null}
      {mounted ? (
        <Suspense fallback={<StaticSession page={page} />}>
          <SessionRoom page={page} />
        </Suspense>
      ) : (
        <StaticSession page={page} />
      )}
    </div>
  );
}

/** The summary before closing, and the button that closes the meeting for good. */
function CloseConfirmation({ summary }: { summary: { message: string; href: string }[] }) {
  return (
    <div className="close-confirmation" data-testid="close-confirmation">
      {summary.length ? (
        <ul>
          {summary.map((line) => (
            <li key={line.message}>
              <Link to={line.href}>{line.message}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="close" />
        <button type="submit" className="button button--warning">
          Close the meeting now
        </button>{" "}
        <Link to=".">Not yet</Link>
      </Form>
    </div>
  );
}

/** Before the live room connects: the agenda and each item's content, as the server has them. */
function StaticSession({ page }: { page: SessionData }) {
  return (
    <div className="session__layout">
      <div className="session__main">
        {page.items.map((item) => (
          <section key={item.id} aria-labelledby={`static-${item.id}`} className="session-item">
            <h2 id={`static-${item.id}`}>
              {item.minuteNumber ? `${item.minuteNumber} ` : ""}
              {item.title}
            </h2>
            <ItemContentView content={page.contents[item.id]} orgSlug={page.orgSlug} />
          </section>
        ))}
      </div>
      <div className="session__side">
        <AgendaOverview items={page.items} currentItemId={page.meeting.currentItemId} viewedItemId={null} />
      </div>
    </div>
  );
}
