import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { exceptionRuleOf } from "../../db/queries/organisations";
import { isException } from "~/shared/performance/exceptions";
import { Link, useActionData, useFetcher, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { z } from "zod";
import { CommentaryReadiness, type LiveContent } from "~/components/commentary/commentary-readiness";
import { CarriedForward } from "~/components/commentary/carried-forward";
import { RenderedCommentary } from "~/components/commentary/rendered-commentary";
import { DirectionBadge } from "~/components/direction-badge";
import { StatusBadge } from "~/components/status-badge";
import { exceptionDocumentName } from "~/shared/collab/document-names";
import type { Gap, RenderedCommentaryData } from "~/shared/commentary/commentary-content";
import { formatUkDateTime } from "~/shared/dates";
import { formatValue } from "~/shared/performance/format";
import { isPeriod, monthLabel } from "~/shared/performance/periods";
import { authorizeOr403, notFound, requireOrgMember } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { listMembersOfOrganisation } from "../../db/queries/users";
import { loadCarriedForward } from "../../server/commentary/carried-forward";
import { renderedCommentary } from "../../server/commentary/render-commentary";
import {
  CommentaryIncompleteError,
  markCommentaryReady,
  moveCommentaryToDraft,
  recordCommentaryEdit,
} from "../../server/commands/commentary-state";
import { CommandError } from "../../server/commands/errors";
import { loadCommentarySummary } from "../../server/performance/exceptions";
import {
  historyWindow,
  defaultReportingPeriod,
  listIndicators,
  loadIndicatorSeries,
  organisationWideFigures,
  scorecardEntry,
} from "../../server/performance/scorecard";
import { toScorecardLine } from "../../server/performance/scorecard-view";
import { authorize } from "../../server/policies/authorize";
import { commentaryPermissions, commentaryPolicy } from "../../server/policies/commentary-policy";
import { readFormData } from "~/utils/request-body.server";

const CommentaryEditor = lazy(() => import("~/components/commentary/commentary-editor.client"));

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Commentary: ${data.indicator.code} ${data.indicator.title}, ${monthLabel(data.period)} – Minuted`
      : "Commentary – Minuted",
  },
];

const periodField = z
  .string()
  .refine((v) => isPeriod(v), { message: "period must be a month written YYYY-MM, for example 2026-10" });
const pageQuerySchema = z.object({ period: periodField.optional() });

async function findIndicator(context: LoaderFunctionArgs["context"], organisationId: string, code: string | undefined) {
  if (!code) return null;
  const [indicator] = await listIndicators(context.services.db, organisationId, { code });
  return indicator ? { ...indicator, organisationId } : null;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, org, principal } = await requireOrgMember(request, context, params.orgSlug);
  const { db } = context.services;
  const indicator = await findIndicator(context, org.id, params.code);
  if (!indicator) throw notFound();
  authorizeOr403(() => authorize(commentaryPolicy.read(principal, indicator)));
  const query = pageQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new Response(query.error.issues.map((i) => i.message).join("; "), { status: 400 });
  const chosen = query.data.period ?? (await defaultReportingPeriod(db, org.id));
  if (!chosen) throw notFound();

  // The figure the commentary explains: the indicator's reporting period at the chosen month.
  const { series, areas } = await loadIndicatorSeries(db, org.id, historyWindow(chosen), {
    code: indicator.code,
    scope: { kind: "organisation" },
  });
  const own = series.find((s) => s.indicator.id === indicator.id);
  if (!own) throw notFound();
  const entry = scorecardEntry(own, organisationWideFigures(own, areas), chosen);
  const line = toScorecardLine(entry);
  const period = line.reportingPeriod;

  const [{ doc, summary, carriedOpenActions }, members, carried, exceptionRule] = await Promise.all([
    loadCommentarySummary(db, org.id, indicator.id, period),
    listMembersOfOrganisation(db, org.id),
    loadCarriedForward(db, org.id, indicator.id, period),
    exceptionRuleOf(db, org.id),
  ]);
  const people = members.map((m) => ({ id: m.userId, name: m.name }));
  const initial: RenderedCommentaryData = renderedCommentary(doc, people);
  doc.destroy();

  return {
    orgSlug: org.slug,
    chosenPeriod: chosen,
    period,
    documentName: exceptionDocumentName(indicator.id, period),
    user: { id: user.id, name: user.name },
    indicator: {
      code: indicator.code,
      title: indicator.title,
      ownerName: indicator.ownerName,
      managerName: indicator.managerName,
      polarity: indicator.polarity,
    },
    figures: {
      valueText: line.valueText,
      targetText: line.targetText,
      status: line.status,
      isException: isException(line.status, exceptionRule),
      direction: line.directionVsLastYear,
      ytdText: line.ytdText,
      forecastText: formatValue(entry.rule, entry.row.forecast),
    },
    commentary: {
      status: summary.status,
      gaps: summary.gaps,
      changedSinceReady: summary.changedSinceReady,
      ready: summary.ready
        ? { by: summary.ready.by ?? "someone who has since left", at: formatUkDateTime(summary.ready.at) }
        : null,
      lastEdited: summary.lastEdited ? { by: summary.lastEdited.by, at: formatUkDateTime(summary.lastEdited.at) } : null,
    },
    permissions: commentaryPermissions(principal, indicator),
    people,
    initial,
    carried,
    carriedOpenActions,
  };
}

const actionSchema = z.object({
  intent: z.enum(["ready", "draft", "edited"], { message: "Choose what to do with the commentary" }),
  period: periodField,
});

type ActionResult = { message: string } | { error: string; gaps?: Gap[] } | { ok: true };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org, principal } = await requireOrgMember(request, context, params.orgSlug);
  const parsed = parseForm(actionSchema, await readFormData(request));
  if (!parsed.ok) return data<ActionResult>({ error: Object.values(parsed.fieldErrors).join("; ") }, { status: 400 });
  const { db } = context.services;
  const indicator = await findIndicator(context, org.id, params.code);
  if (!indicator) throw notFound();
  const { intent, period } = parsed.data;
  const rule = { ready: commentaryPolicy.markReady, draft: commentaryPolicy.moveToDraft, edited: commentaryPolicy.write }[intent];
  authorizeOr403(() => authorize(rule(principal, indicator)));
  const target = { organisationId: org.id, indicatorId: indicator.id, period };
  const actor = { userId: user.id, label: user.email };
  const about = `${indicator.code} ${indicator.title}, ${monthLabel(period)}`;
  try {
    if (intent === "edited") {
      await recordCommentaryEdit(db, target, actor);
      return data<ActionResult>({ ok: true });
    }
    if (intent === "ready") {
      const { changed } = await markCommentaryReady(db, target, actor);
      return data<ActionResult>({
        message: changed
          ? `Marked ready for committee: ${about}.`
          : `It was already marked ready for committee, with these words.`,
      });
    }
    const { changed } = await moveCommentaryToDraft(db, target, actor);
    return data<ActionResult>({ message: changed ? `Moved back to draft: ${about}.` : "It is already a draft." });
  } catch (error) {
    if (error instanceof CommentaryIncompleteError)
      return data<ActionResult>({ error: error.message, gaps: error.gaps }, { status: 400 });
    if (error instanceof CommandError) return data<ActionResult>({ error: error.message }, { status: 400 });
    throw error;
  }
}

/** Reports of edits change nothing this page shows: no need to load it again. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "edited" ? false : defaultShouldRevalidate;

function useMounted() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}

export default function CommentaryPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const mounted = useMounted();
  const edits = useFetcher();
  const [live, setLive] = useState<LiveContent | null>(null);
  const submitEdit = edits.submit;
  const onEdit = useCallback(
    () => submitEdit({ intent: "edited", period: page.period }, { method: "post" }),
    [submitEdit, page.period],
  );
  const { indicator, figures } = page;
  const backHref = `/o/${page.orgSlug}/exceptions?period=${page.chosenPeriod}`;

  return (
    <>
      <p>
        <Link to={backHref} className="back-link">
          Back to the exceptions for {monthLabel(page.chosenPeriod)}
        </Link>
      </p>
      <h1>
        <span className="indicator-title__code">
          {indicator.code} · Exception commentary for {monthLabel(page.period)}
        </span>
        {indicator.title}
      </h1>

      <dl className="key-figures key-figures--five">
        <div className="key-figures__item key-figures__item--main">
          <dt>Value</dt>
          <dd>
            <span className="key-figures__value">{figures.valueText}</span>
            <StatusBadge status={figures.status} />
          </dd>
        </div>
        <div className="key-figures__item">
          <dt>Target</dt>
          <dd>
            <span className="key-figures__value">{figures.targetText}</span>
          </dd>
        </div>
        <div className="key-figures__item">
          <dt>Against last year</dt>
          <dd>
            <DirectionBadge direction={figures.direction} polarity={indicator.polarity} />
          </dd>
        </div>
        <div className="key-figures__item">
          <dt>Year to date</dt>
          <dd>
            <span className="key-figures__value">{figures.ytdText}</span>
          </dd>
        </div>
        <div className="key-figures__item">
          <dt>Forecast at the current rate</dt>
          <dd>
            <span className="key-figures__value">{figures.forecastText}</span>
          </dd>
        </div>
      </dl>
      <p className="commentary-people">
        Owner (signs it off): <strong>{indicator.ownerName ?? "No owner named"}</strong>. Manager (writes it):{" "}
        <strong>{indicator.managerName ?? "No manager named"}</strong>.{" "}
        <Link to={`/o/${page.orgSlug}/indicators/${encodeURIComponent(indicator.code)}?period=${page.period}`}>
          See the indicator’s trend<span className="visually-hidden"> for {indicator.code}</span>
        </Link>
      </p>
      {!figures.isException ? (
        <div className="notification">
          {indicator.code} is not an exception in {monthLabel(page.period)}: it needs no exception commentary, though what is
          written here is kept.
        </div>
      ) : null}

      <CarriedForward orgSlug={page.orgSlug} actions={page.carried.actions} lastTime={page.carried.lastTime} />

      {mounted ? (
        <Suspense fallback={<RenderedCommentary data={page.initial} />}>
          <CommentaryEditor
            documentName={page.documentName}
            user={page.user}
            canWrite={page.permissions.write}
            people={page.people}
            initial={page.initial}
            carriedOpenActions={page.carriedOpenActions}
            onEdit={page.permissions.write ? onEdit : undefined}
            onContent={setLive}
          />
        </Suspense>
      ) : (
        <RenderedCommentary data={page.initial} />
      )}

      <CommentaryReadiness
        commentary={page.commentary}
        permissions={page.permissions}
        ownerName={indicator.ownerName}
        period={page.period}
        live={live}
        result={result}
        navigation={navigation}
      />
    </>
  );
}
