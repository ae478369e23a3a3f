import { Form, Link } from "@remix-run/react";
import { useId } from "react";
import { TrendChart } from "~/components/charts/trend-chart";
import { AreasTable } from "../o.$orgSlug.indicators.$code/areas-table";
import { DirectionBadge } from "~/components/direction-badge";
import { RenderedCommentary } from "~/components/commentary/rendered-commentary";
import { ActionReviewTable } from "~/components/meetings/action-review-table";
import { StatusBadge } from "~/components/status-badge";
import { TableRegion } from "~/components/ui/table-region";
import { formatUkDateTime } from "~/shared/dates";
import { MEETING_STATUS_LABELS } from "~/shared/meetings/labels";
import { monthLabel } from "~/shared/performance/periods";
import { RichTextView } from "~/components/packs/rich-text-view";
import { paperSourceText } from "~/shared/meetings/papers-in-the-room";
import type { ItemContent, PreviousMinutes, ScorecardContent } from "./item-content.server";

/** What an item shows beside its minutes; the same on the session page and the projector. */
export function ItemContentView({
  content,
  orgSlug,
  large = false,
}: {
  content: ItemContent | undefined;
  orgSlug: string;
  large?: boolean;
}) {
  if (!content) return null;
  switch (content.kind) {
    case "scorecard":
      return <ScorecardReview content={content} orgSlug={orgSlug} large={large} />;
    case "exceptions":
      return (
        <TableRegion label={`Exceptions, ${monthLabel(content.period)}`}>
          <table className="table">
            <caption>Indicators off target, {monthLabel(content.period)}</caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col" className="numeric">
                  Value
                </th>
                <th scope="col" className="numeric">
                  Target
                </th>
                <th scope="col">Status</th>
                <th scope="col">Commentary</th>
              </tr>
            </thead>
            <tbody>
              {content.items.map((e) => (
                <tr key={e.indicatorId}>
                  <th scope="row">
                    <Link to={`/o/${orgSlug}/exceptions/${encodeURIComponent(e.code)}?period=${e.period}`}>
                      {e.code} {e.title}
                    </Link>
                  </th>
                  <td className="numeric">{e.valueText}</td>
                  <td className="numeric">{e.targetText}</td>
                  <td>
                    <StatusBadge status={e.status} />
                  </td>
                  <td>
                    <span className="tag">
                      {e.commentary === "ready" ? "Ready for committee" : e.commentary === "draft" ? "Draft" : "Missing"}
                    </span>
                    {/* Rendered on the server from the commentary's schema: no raw HTML from clients. */}
                    {e.excerptHtml ? (
                      <div className="exception-excerpt" dangerouslySetInnerHTML={{ __html: e.excerptHtml }} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {content.items.length === 0 ? <p>No indicator is off target in {monthLabel(content.period)}.</p> : null}
        </TableRegion>
      );
    case "clinic":
      return (
        <div className="clinic">
          {content.indicators.length === 0 ? <p>No indicator has been chosen for this clinic.</p> : null}
          {content.indicators.map((page) => (
            <section
              key={page.indicator.code}
              className="clinic__indicator"
              aria-label={`${page.indicator.code} ${page.indicator.title}`}
            >
              <h3>
                {page.indicator.code} {page.indicator.title}
              </h3>
              <TrendChart
                id={`trend-${page.indicator.code}`}
                title={page.indicator.title}
                rule={page.rule}
                financialYears={page.chart.financialYears}
                points={page.chart.points}
                current={page.period}
                periodNoun="month"
              />
              <AreasTable page={page} />
              <h4>Exception commentary, {monthLabel(page.period)}</h4>
              <RenderedCommentary data={page.commentary} idPrefix={`clinic-${page.indicator.code}`} />
              <p>
                <Link to={`/o/${orgSlug}/exceptions/${encodeURIComponent(page.indicator.code)}?period=${page.period}`}>
                  Open the commentary<span className="visually-hidden"> for {page.indicator.code}</span>
                </Link>
              </p>
            </section>
          ))}
        </div>
      );
    case "report":
      return <RoomPaperView content={content} large={large} />;
    case "action_log":
      return <ActionReviewTable rows={content.rows} actionHref={(id) => `/o/${orgSlug}/actions/${id}`} />;
    case "previous_minutes":
      return content.previous ? (
        <PreviousMinutesView
          itemId={content.itemId}
          meetingId={content.meetingId}
          previous={content.previous}
          orgSlug={orgSlug}
        />
      ) : (
        <p>This is the body’s first meeting in Minuted: there are no earlier minutes to approve.</p>
      );
    default:
      return null;
  }
}

/** Plain words for tenant members of an area panel. */
const PLAIN = {
  value: "How we did",
  target: "What we aimed for",
  status: "Did we hit it?",
  direction: "Compared with last year",
};
const STANDARD = { value: "Value", target: "Target", status: "Status", direction: "Against last year" };

function ScorecardReview({ content, orgSlug, large }: { content: ScorecardContent; orgSlug: string; large: boolean }) {
  const words = content.plainLanguage ? PLAIN : STANDARD;
  return (
    <>
      <TableRegion label="Scorecard">
        <table className={`table${large ? " table--large" : ""}`}>
          <caption>
            {content.areaName ? `${content.areaName}: ` : ""}scorecard for {monthLabel(content.period)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              <th scope="col" className="numeric">
                {words.value}
              </th>
              <th scope="col" className="numeric">
                {words.target}
              </th>
              <th scope="col">{words.status}</th>
              <th scope="col">{words.direction}</th>
            </tr>
          </thead>
          <tbody>
            {content.lines.map((line) => (
              <tr key={line.code}>
                <th scope="row">
                  {large ? (
                    `${line.code} ${line.title}`
                  ) : (
                    <Link to={`/o/${orgSlug}/indicators/${encodeURIComponent(line.code)}?period=${content.period}`}>
                      {line.code} {line.title}
                    </Link>
                  )}
                </th>
                <td className="numeric">{line.valueText}</td>
                <td className="numeric">{line.targetText}</td>
                <td>
                  <StatusBadge status={line.status} text={line.statusText} />
                </td>
                <td>
                  <DirectionBadge direction={line.directionVsLastYear} polarity={line.polarity} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {content.comparison && content.comparison.rows.length > 0 ? (
        <TableRegion label="Areas side by side">
          <table className="table">
            <caption>How each area did, {monthLabel(content.period)}</caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                {content.comparison.areaNames.map((name) => (
                  <th key={name} scope="col" className={name === content.areaName ? "area--own" : undefined}>
                    {name}
                    {name === content.areaName ? <span className="visually-hidden"> (this panel’s area)</span> : null}
                  </th>
                ))}
                <th scope="col">Whole organisation</th>
              </tr>
            </thead>
            <tbody>
              {content.comparison.rows.map((row) => (
                <tr key={row.code}>
                  <th scope="row">
                    {row.code} {row.title}
                  </th>
                  {[...content.comparison!.areaNames, "All"].map((name) => {
                    const cell = row.cells[name];
                    return (
                      <td key={name}>
                        {cell ? (
                          <>
                            {cell.valueText} <StatusBadge status={cell.status} text={cell.statusText} />
                          </>
                        ) : (
                          "No figure"
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
    </>
  );
}

/**
 * "Minutes of the last meeting": the minuted pack to approve, then (once the meeting has
 * voted that they are a correct record) the chair's signature, which records the hash of
 * the version signed.
 */
function PreviousMinutesView({
  itemId,
  meetingId,
  previous,
  orgSlug,
}: {
  itemId: string;
  meetingId: string;
  previous: PreviousMinutes;
  orgSlug: string;
}) {
  const when = formatUkDateTime(new Date(previous.startsAt));
  return (
    <div className="previous-minutes">
      <p>
        The minutes of{" "}
        <Link to={`/o/${orgSlug}/meetings/${previous.id}`}>
          {previous.title}, {when}
        </Link>{" "}
        ({MEETING_STATUS_LABELS[previous.status]}).
      </p>
      {previous.minutes ? (
        <p>
          <Link to={`/o/${orgSlug}/packs/${previous.minutes.packId}/v/${previous.minutes.version}`}>
            Read the minuted pack, version {previous.minutes.version}
          </Link>{" "}
          (SHA-256 <code className="hash">{previous.minutes.sha256}</code>).
        </p>
      ) : (
        <p>Their minuted pack has not been frozen yet, so they cannot be approved at this meeting.</p>
      )}
      {previous.flags.length && !previous.signed ? (
        <div className="error-summary" role="note" data-testid="record-flags">
          <p>
            <strong>Before the vote: the record flags {previous.flags.length === 1 ? "this" : "these"}</strong>
          </p>
          <ul>
            {previous.flags.map((flag) => (
              <li key={flag}>{flag}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {previous.signed ? (
        <p className="notification notification--success">
          Approved as a correct record and signed by the chair, {previous.signed.by}, on {previous.signed.atText}. Signed version:
          SHA-256 <code className="hash">{previous.signed.sha256}</code>.
        </p>
      ) : previous.minutes && !previous.carried ? (
        <p className="hint">
          The chair proposes “that the minutes of the meeting held on {when} be approved as a correct record” and the members
          vote; once carried, the chair signs them here.
        </p>
      ) : null}
      {previous.canSign ? (
        <Form method="post" action={`/o/${orgSlug}/meetings/${meetingId}/session`} className="sign-minutes-form">
          <input type="hidden" name="intent" value="sign-minutes" />
          <input type="hidden" name="itemId" value={itemId} />
          <button type="submit" className="button">
            Sign the minutes as a correct record
          </button>
        </Form>
      ) : null}
    </div>
  );
}

/**
 * A report item's paper: Summary and Recommendation first, where members decide; in the
 * session the rest of the report a click away, and its page a link away. The projector
 * shows the first two alone, large.
 */
function RoomPaperView({ content, large }: { content: Extract<ItemContent, { kind: "report" }>; large: boolean }) {
  const { paper } = content;
  const idBase = useId();
  if (!paper) return <p className="notification">No cover report was written for this item.</p>;
  return (
    <div className="room-paper" data-testid="room-paper">
      {large ? null : <p className="hint room-paper__source">{paperSourceText(paper.source)}</p>}
      {paper.lead.map((section) => (
        <section key={section.key} className="room-paper__section" aria-labelledby={`${idBase}-${section.key}`}>
          <h3 id={`${idBase}-${section.key}`}>{section.title}</h3>
          {section.body ? (
            <RichTextView content={section.body} className="room-paper__prose" />
          ) : (
            <p className="hint">Nothing written.</p>
          )}
        </section>
      ))}
      {large ? null : (
        <>
          <details className="details room-paper__rest">
            <summary>Read the whole report</summary>
            {paper.rest.map((section) => (
              <section key={section.key} className="room-paper__section" aria-labelledby={`${idBase}-${section.key}`}>
                <h4 id={`${idBase}-${section.key}`}>{section.title}</h4>
                {section.body ? (
                  <RichTextView content={section.body} className="room-paper__prose" />
                ) : (
                  <p className="hint">Nothing written.</p>
                )}
              </section>
            ))}
            {paper.author || paper.contact ? (
              <p>
                {paper.author ? `Author: ${paper.author}. ` : ""}
                {paper.contact ? `Contact: ${paper.contact}.` : ""}
              </p>
            ) : null}
          </details>
          <p>
            <Link to={content.reportHref}>Open the cover report page</Link>
          </p>
        </>
      )}
    </div>
  );
}
