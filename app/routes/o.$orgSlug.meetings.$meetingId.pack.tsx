// A meeting's packs: what is still missing, "Publish agenda pack" before the meeting,
// "Freeze minuted pack" after it, and every frozen version with its hash.
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { MeetingStatusTag } from "~/components/meetings/meeting-status-tag";
import { PackVersionsTable } from "~/components/packs/pack-versions-table";
import { TextArea } from "~/components/ui/form-fields";
import { formatUkDateTime } from "~/shared/dates";
import { isUuid } from "~/shared/meetings/form-values";
import type { PackKind } from "~/shared/packs/pack-document";
import meetingsStylesheet from "~/styles/meetings.css?url";
import { authorizeOr403, notFound, requireOrgMember } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { findMeeting } from "../../db/queries/meetings";
import { findPackOfMeeting, listPackVersions } from "../../db/queries/packs";
import { CommandError } from "../../server/commands/errors";
import { publishAgenda } from "../../server/commands/meeting-commands";
import { freezePack, packGaps, PackNotReadyError } from "../../server/packs/freeze-pack";
import { checkRecord, RecordInconsistentError } from "../../server/packs/record-check";
import { authorize } from "../../server/policies/authorize";
import { meetingPolicy } from "../../server/policies/meeting-policy";
import { packPolicy } from "../../server/policies/pack-policy";
import { readFormData } from "~/utils/request-body.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Packs: ${data.meeting.title}, ${data.meeting.when} – Minuted` : "Packs – Minuted" },
];

const KIND_WORDS: Record<PackKind, { name: string; action: string; correction: string }> = {
  agenda: { name: "Agenda pack", action: "Publish the agenda", correction: "Publish a supplementary agenda pack" },
  minutes: { name: "Minuted pack", action: "Freeze minuted pack", correction: "Freeze a corrected minuted pack" },
};

async function requirePackMeeting(args: LoaderFunctionArgs) {
  const { user, org, principal } = await requireOrgMember(args.request, args.context, args.params.orgSlug);
  const meeting = isUuid(args.params.meetingId)
    ? await findMeeting(args.context.services.db, org.id, args.params.meetingId)
    : null;
  if (!meeting) throw notFound();
  authorizeOr403(() => authorize(meetingPolicy.view(principal, meeting)));
  return { user, org, principal, meeting };
}

export async function loader(args: LoaderFunctionArgs) {
  const { org, principal, meeting } = await requirePackMeeting(args);
  const { services } = args.context;
  const may = { agenda: packPolicy.publishAgenda(principal, meeting), minutes: packPolicy.freezeMinutes(principal, meeting) };
  const kinds: PackKind[] = ["agenda", "minutes"];
  const packs = [];
  for (const kind of kinds) {
    const pack = await findPackOfMeeting(services.db, meeting.id, kind);
    const versions = pack ? await listPackVersions(services.db, pack.id) : [];
    // What is missing is worked out only where it can be acted on (compiling reads every
    // document), and only an agenda pack can have gaps (see PackGap).
    const gaps: { message: string; href: string | null; motionId?: string }[] = !may[kind]
      ? []
      : kind === "agenda"
        ? await packGaps(services, meeting, kind)
        : await checkRecord(services.db, services.documents, meeting);
    packs.push({
      kind,
      packId: pack?.id ?? null,
      canFreeze: may[kind],
      gaps,
      versions: versions.map((v) => ({ ...v, frozenAtText: formatUkDateTime(v.frozenAt), frozenAt: v.frozenAt.toISOString() })),
    });
  }
  return {
    orgSlug: org.slug,
    meeting: { id: meeting.id, title: meeting.title, when: formatUkDateTime(meeting.startsAt), status: meeting.status },
    packs,
  };
}

const actionSchema = z.object({
  intent: z.enum(["agenda", "minutes"]),
  reason: z.string().trim().max(2000, "Keep the reason under 2,000 characters").default(""),
});

/** The clerk's reasons for resolutions that stand although made when inquorate: fields `inquorate-<motion id>`. */
function inquorateReasons(form: FormData): Record<string, string> {
  const reasons: Record<string, string> = {};
  for (const [key, value] of form) {
    const motionId = /^inquorate-([0-9a-f-]{36})$/.exec(key)?.[1];
    if (motionId && typeof value === "string" && value.trim()) reasons[motionId] = value.trim().slice(0, 2000);
  }
  return reasons;
}

export async function action(args: ActionFunctionArgs) {
  const { user, org, principal, meeting } = await requirePackMeeting(args);
  const form = await readFormData(args.request);
  const parsed = parseForm(actionSchema, form);
  if (!parsed.ok)
    return data(
      {
        ok: false as const,
        message: Object.values(parsed.fieldErrors).join(". "),
        gaps: [] as { message: string; href: string | null }[],
      },
      { status: 400 },
    );
  const { intent: kind, reason } = parsed.data;
  authorizeOr403(() =>
    authorize(kind === "agenda" ? packPolicy.publishAgenda(principal, meeting) : packPolicy.freezeMinutes(principal, meeting)),
  );
  const actor = { userId: user.id, label: user.email, name: user.name };
  try {
    // The agenda is published through the same command as the meeting page's button.
    const frozen =
      kind === "agenda"
        ? await publishAgenda(args.context.services, { organisationId: org.id, meetingId: meeting.id, reason }, actor)
        : await freezePack(args.context.services, {
            meeting,
            kind,
            reason,
            actor,
            inquorateReasons: inquorateReasons(form),
          });
    await args.context.services.meetingEvents.meetingChanged(meeting.id);
    return {
      ok: true as const,
      message: `${KIND_WORDS[kind].name} version ${frozen.version} is frozen. SHA-256 ${frozen.sha256}.`,
      gaps: [],
      href: `/o/${org.slug}/packs/${frozen.packId}/v/${frozen.version}`,
    };
  } catch (error) {
    if (error instanceof PackNotReadyError)
      return data({ ok: false as const, message: error.message, gaps: error.gaps }, { status: 409 });
    if (error instanceof RecordInconsistentError)
      return data({ ok: false as const, message: error.message, gaps: error.problems }, { status: 409 });
    if (error instanceof CommandError) return data({ ok: false as const, message: error.message, gaps: [] }, { status: 409 });
    throw error;
  }
}

export default function MeetingPacks() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/o/${page.orgSlug}/meetings`}>Meetings</Link> ›{" "}
        <Link to={`/o/${page.orgSlug}/meetings/${page.meeting.id}`}>{page.meeting.title}</Link> › Packs
      </p>
      <h1>
        <span className="page-caption">{page.meeting.when}</span>
        Packs: {page.meeting.title}
      </h1>
      <p>
        <MeetingStatusTag status={page.meeting.status} />
      </p>
      {result ? (
        <div
          className={result.ok ? "notification notification--success" : "error-summary"}
          role={result.ok ? "status" : "alert"}
          tabIndex={-1}
        >
          <p>{result.message}</p>
          {result.ok && "href" in result ? (
            <p>
              <Link to={result.href}>Read the frozen version</Link>
            </p>
          ) : null}
          {!result.ok && result.gaps.length ? (
            <ul>
              {result.gaps.map((gap, index) => (
                <li key={index}>{gap.href ? <Link to={gap.href}>{gap.message}</Link> : gap.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {page.packs.map((pack) => {
        const words = KIND_WORDS[pack.kind];
        const headingId = `pack-${pack.kind}`;
        const hasVersions = pack.versions.length > 0;
        return (
          <section key={pack.kind} aria-labelledby={headingId} className="pack-section">
            <h2 id={headingId}>{words.name}</h2>
            {pack.kind === "agenda" ? (
              <p className="hint">
                The agenda with every cover report, the scorecard, the exception reports and the action log: what members read
                before the meeting.
              </p>
            ) : (
              <p className="hint">
                The record of the meeting: attendance, minutes, resolutions and agreed actions. Freezing makes the minutes
                read-only; the next meeting approves them.
              </p>
            )}
            {pack.canFreeze ? (
              <>
                {pack.gaps.length ? (
                  <div className="pack-gaps">
                    <h3>
                      {pack.kind === "agenda"
                        ? "Still missing before it can be published"
                        : "To put right before the minutes can be frozen"}
                    </h3>
                    <ul>
                      {pack.gaps.map((gap, index) => (
                        <li key={index}>{gap.href ? <Link to={gap.href}>{gap.message}</Link> : gap.message}</li>
                      ))}
                    </ul>
                  </div>
                ) : pack.kind === "agenda" ? (
                  <p>Nothing is missing: every cover report and commentary is ready.</p>
                ) : (
                  <p>The record is consistent: attendance, quorum, votes and agreed actions agree.</p>
                )}
                <Form method="post" className="pack-freeze-form">
                  <input type="hidden" name="intent" value={pack.kind} />
                  {pack.gaps
                    .filter((gap) => gap.motionId)
                    .map((gap) => (
                      <TextArea
                        key={gap.motionId}
                        name={`inquorate-${gap.motionId}`}
                        label="Why this resolution stands although the meeting was not quorate"
                        hint={`${gap.message}. The minutes record it as made when inquorate, with this note.`}
                      />
                    ))}
                  {hasVersions ? (
                    <TextArea
                      name="reason"
                      label={pack.kind === "agenda" ? "Why a supplementary version" : "Reason for the correction"}
                      hint="Recorded in the new version and shown with the comparison against the version before."
                    />
                  ) : null}
                  <button
                    className="button"
                    type="submit"
                    disabled={busy || pack.gaps.some((gap) => !gap.motionId)}
                    aria-disabled={pack.gaps.some((gap) => !gap.motionId)}
                  >
                    {hasVersions ? words.correction : words.action}
                  </button>
                </Form>
              </>
            ) : !hasVersions ? (
              <p>
                {pack.kind === "agenda"
                  ? "No agenda pack has been published yet."
                  : "The minuted pack is frozen by an officer once the meeting has closed."}
              </p>
            ) : null}
            {hasVersions && pack.packId ? (
              <PackVersionsTable
                orgSlug={page.orgSlug}
                packId={pack.packId}
                versions={pack.versions}
                caption={`${words.name} versions`}
              />
            ) : null}
          </section>
        );
      })}
    </>
  );
}
