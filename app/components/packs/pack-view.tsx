import { createContext, useContext, type ReactNode } from "react";
import { UnauditedTag } from "~/components/unaudited-tag";
import { linearScale, niceAxis } from "../charts/chart-scale";
import { TableRegion } from "../ui/table-region";
import { isSafeHref, LINK_REL } from "../../shared/commentary/commentary-extensions";
import { exemptNotice } from "../../shared/meetings/labels";
import { motionLead, statusOfOutcome } from "../../shared/meetings/motion-wording";
import {
  itemHeading,
  packContents,
  type PackAppendix,
  type PackDocument,
  type PackItem,
  type PackPerson,
  type PackTrendPoint,
} from "../../shared/packs/pack-document";
import { richTextPlain } from "../../shared/packs/rich-text-plain";
import { trajectoryChart } from "../../shared/packs/trajectory-chart";
import { formatValue } from "../../shared/performance/format";
import { StatusBadge } from "../status-badge";
import { RichTextView } from "./rich-text-view";

/*
 * A frozen pack as an accessible web page: the same canonical document the PDF is drawn
 * from, so the two say the same things in the same order. Everything is React text
 * (escaped); rich text goes through RichTextView, which knows only the commentary schema.
 * Styles are in pack-css.ts (classes "pack-*", plus the app's status-badge and
 * table-wrapper so a pack inside the app looks like the rest of it).
 */

type Props = {
  pack: PackDocument;
  /** SHA-256 (hex) of this version's canonical JSON, shown in full so a reader can check it. */
  sha256: string;
  /** The PDF page each contents entry starts on, by sectionId: the PDF's contents print the same numbers. */
  pageMap: Record<string, number>;
  /** Pages in the PDF of this version. */
  pageCount: number;
  /** 1 when the pack sits under a page's own h1 (its title then becomes an h2, and so on down). */
  headingLevelOffset?: number;
};

const HeadingOffset = createContext(0);

/** A heading at `level` within the pack (1 is the pack's title), moved down by the page's offset. */
function Heading({ level, id, className, children }: { level: number; id?: string; className?: string; children: ReactNode }) {
  const offset = useContext(HeadingOffset);
  const Tag = `h${Math.min(6, Math.max(1, level + offset))}` as "h2";
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  );
}

export function PackView({ pack, sha256, pageMap, pageCount, headingLevelOffset = 0 }: Props) {
  return (
    <HeadingOffset.Provider value={headingLevelOffset}>
      <article className="pack" aria-labelledby="pack-title">
        <PackHeader pack={pack} sha256={sha256} />
        <Attendance pack={pack} />
        <Contents pack={pack} pageMap={pageMap} pageCount={pageCount} />
        {pack.items.map((item) => (
          <Item key={item.sectionId} item={item} kind={pack.kind} />
        ))}
      </article>
    </HeadingOffset.Provider>
  );
}

// ---------------------------------------------------------------------------
// Front matter
// ---------------------------------------------------------------------------

function PackHeader({ pack, sha256 }: { pack: PackDocument; sha256: string }) {
  const { meeting, version } = pack;
  return (
    <header className="pack-header">
      <p className="pack-header__org">{pack.organisation.name}</p>
      <Heading level={1} id="pack-title">
        {pack.title}
      </Heading>
      <dl className="pack-facts">
        <Fact term="Body">{pack.body.name}</Fact>
        <Fact term="Meeting">
          {meeting.title} ({meeting.kindLabel})
        </Fact>
        <Fact term="When">{meeting.whenText}</Fact>
        {meeting.place ? <Fact term="Where">{meeting.place}</Fact> : null}
        {meeting.onlineLink ? (
          <Fact term="Online">
            {isSafeHref(meeting.onlineLink) ? (
              <a href={meeting.onlineLink} rel={LINK_REL}>
                {meeting.onlineLink}
              </a>
            ) : (
              meeting.onlineLink
            )}
          </Fact>
        ) : null}
        <Fact term="Document">{pack.kind === "minutes" ? "Minutes" : "Agenda pack"}</Fact>
        <Fact term="Version">
          {version.previousSha256
            ? `${version.number}, ${pack.kind === "agenda" ? "supplementary to" : "a correction of"} version ${version.number - 1}`
            : String(version.number)}
        </Fact>
        <Fact term="Frozen by">{version.frozenBy}</Fact>
        <Fact term="Frozen at">{version.frozenAtText}</Fact>
        {version.reason ? (
          <Fact
            term={
              !version.previousSha256
                ? "Note"
                : pack.kind === "agenda"
                  ? "Reason for the supplementary version"
                  : "Reason for the correction"
            }
          >
            {version.reason}
          </Fact>
        ) : null}
        <Fact term="SHA-256 of this version">
          <code className="pack-hash">{sha256}</code>
        </Fact>
        {version.previousSha256 ? (
          <Fact term="SHA-256 of the version before">
            <code className="pack-hash">{version.previousSha256}</code>
          </Fact>
        ) : null}
      </dl>
    </header>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="pack-facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Attendance({ pack }: { pack: PackDocument }) {
  const minutes = pack.kind === "minutes";
  const { present, apologies, absent, officers, guests } = pack.attendance;
  const groups: [string, PackPerson[]][] = minutes
    ? [
        ["Present", present],
        ["Apologies", apologies],
        ["Absent", absent],
        ["Officers in attendance", officers],
        ["Guests", guests],
      ]
    : [
        ["Members", present],
        ["Apologies received", apologies],
        ["Officers", officers],
        ["Guests", guests],
      ];
  return (
    <section className="pack-attendance" aria-labelledby="pack-attendance-heading">
      <Heading level={2} id="pack-attendance-heading">
        {minutes ? "Attendance" : "Membership"}
      </Heading>
      {pack.quorumText ? <p className="pack-quorum">{pack.quorumText}</p> : null}
      <div className="pack-attendance__groups">
        {groups.map(([title, people]) =>
          people.length || title === "Present" || title === "Members" ? (
            <div key={title} className="pack-attendance__group">
              <Heading level={3}>{title}</Heading>
              {people.length ? (
                <ul>
                  {people.map((person, i) => (
                    <li key={i}>
                      {person.name}
                      {person.role ? <span className="pack-muted">, {person.role}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="pack-muted">None recorded.</p>
              )}
            </div>
          ) : null,
        )}
      </div>
    </section>
  );
}

function Contents({ pack, pageMap, pageCount }: { pack: PackDocument; pageMap: Record<string, number>; pageCount: number }) {
  const entries = packContents(pack);
  // Level 2 entries (appendices) nest under the item before them.
  const tree: { entry: (typeof entries)[number]; children: typeof entries }[] = [];
  for (const entry of entries) {
    if (entry.level === 2 && tree.length) tree[tree.length - 1].children.push(entry);
    else tree.push({ entry, children: [] });
  }
  const line = (entry: (typeof entries)[number]) => (
    <>
      <a href={`#${entry.sectionId}`}>{entry.title}</a>
      {pageMap[entry.sectionId] ? <span className="pack-contents__page">page {pageMap[entry.sectionId]}</span> : null}
    </>
  );
  return (
    <nav className="pack-contents" aria-labelledby="pack-contents-heading">
      <Heading level={2} id="pack-contents-heading">
        Contents
      </Heading>
      <p className="pack-muted">
        Page numbers are those of the PDF of this version ({pageCount} {pageCount === 1 ? "page" : "pages"}).
      </p>
      <ol className="pack-contents__list">
        {tree.map(({ entry, children }) => (
          <li key={entry.sectionId}>
            {line(entry)}
            {children.length ? (
              <ol className="pack-contents__list pack-contents__list--nested">
                {children.map((child) => (
                  <li key={child.sectionId}>{line(child)}</li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}

// ---------------------------------------------------------------------------
// Items
// ---------------------------------------------------------------------------

function Item({ item, kind }: { item: PackItem; kind: PackDocument["kind"] }) {
  const headingId = `${item.sectionId}-heading`;
  const notice = item.exempt ? exemptNotice(item.exempt.paragraph) : null;
  // The public copy's kind of item is the exempt notice itself, which follows in full.
  const showKind = Boolean(item.kindLabel) && item.kindLabel !== notice;
  const minutesText = richTextPlain(item.minutes);
  const hasPapers = Boolean(item.coverReport || item.appendices.length || item.approval);
  return (
    <section id={item.sectionId} className="pack-item" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {itemHeading(item)}
      </Heading>
      {showKind || item.presenter || item.minutesAllowed !== null ? (
        <dl className="pack-facts pack-facts--compact">
          {showKind ? <Fact term="Kind of item">{item.kindLabel}</Fact> : null}
          {item.presenter ? <Fact term="Presented by">{item.presenter}</Fact> : null}
          {item.minutesAllowed !== null ? (
            <Fact term="Time allowed">{item.minutesAllowed === 1 ? "1 minute" : `${item.minutesAllowed} minutes`}</Fact>
          ) : null}
        </dl>
      ) : null}
      {item.exempt ? (
        <p className="pack-exempt">
          <strong>{notice}</strong>: {item.exempt.paragraphText}.
        </p>
      ) : null}
      {item.declarations.length ? (
        <Part title="Declarations of interest">
          <ul>
            {item.declarations.map((d, i) => (
              <li key={i}>
                {d.name}: {d.kindLabel}
                {d.note ? `. ${d.note}` : ""}
              </li>
            ))}
          </ul>
        </Part>
      ) : null}
      {item.coverReport ? <CoverReport item={item} report={item.coverReport} /> : null}
      {kind === "minutes" && (item.minutes || !item.exempt) ? (
        <Part title="Minutes">
          {minutesText ? (
            <RichTextView content={item.minutes} />
          ) : (
            <p className="pack-muted">No minutes were recorded for this item.</p>
          )}
        </Part>
      ) : null}
      {item.challenges.length ? (
        <Part title="Questions and challenge">
          <ul className="pack-challenges">
            {item.challenges.map((c, i) => (
              <li key={i}>
                <p>
                  <strong>Question</strong>
                  {c.indicator ? ` on ${c.indicator}` : ""} from {c.raisedBy}: {c.question}
                </p>
                <p>
                  <strong>Answer</strong> from {c.answeredBy || "no one yet"}: {c.answer || "not answered at the meeting."}
                </p>
              </li>
            ))}
          </ul>
        </Part>
      ) : null}
      {item.resolutions.length ? <Resolutions item={item} /> : null}
      {item.agreedActions.length ? (
        <Part title="Agreed actions">
          <ActionsTable
            label={`Agreed actions, ${itemHeading(item)}`}
            caption={`Actions agreed at ${itemHeading(item)}: what, who, by when and the indicator`}
            lastColumn="Indicator"
            rows={item.agreedActions.map((a) => [
              a.action,
              a.owner,
              a.dueText,
              a.indicator || <span className="pack-muted">None</span>,
            ])}
          />
        </Part>
      ) : null}
      {item.approval ? (
        <Part title="Minutes approved">
          <p>{item.approval.text}</p>
          <p>
            SHA-256 of the approved minutes: <code className="pack-hash">{item.approval.sha256}</code>
          </p>
        </Part>
      ) : null}
      {kind === "agenda" && !hasPapers && !item.exempt ? <p className="pack-muted">No papers for this item.</p> : null}
      {item.appendices.map((appendix) => (
        <Appendix key={appendix.sectionId} appendix={appendix} />
      ))}
    </section>
  );
}

/** A titled part of an item (cover report, minutes, resolutions…): a heading, not a landmark. */
function Part({ title, level = 3, children }: { title: string; level?: number; children: ReactNode }) {
  return (
    <div className="pack-part">
      <Heading level={level}>{title}</Heading>
      {children}
    </div>
  );
}

function CoverReport({ item, report }: { item: PackItem; report: NonNullable<PackItem["coverReport"]> }) {
  return (
    <div className="pack-part pack-cover-report">
      <Heading level={3}>Cover report</Heading>
      {report.sections.map((section) => (
        <Part key={section.key} title={section.title} level={4}>
          {richTextPlain(section.body) ? <RichTextView content={section.body} /> : <p className="pack-muted">Nothing written.</p>}
        </Part>
      ))}
      {report.checklist.length ? (
        <TableRegion label={`No implications arising, ${itemHeading(item)}`}>
          <table className="pack-table pack-table--narrow">
            <caption>Implications checklist</caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">No implications arising</th>
              </tr>
            </thead>
            <tbody>
              {report.checklist.map((entry) => (
                <tr key={entry.area}>
                  <th scope="row">{entry.area}</th>
                  <td>{entry.noImplications ? "Yes" : "No"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      <dl className="pack-facts pack-facts--compact">
        <Fact term="Author">{report.author || "Not given"}</Fact>
        <Fact term="Contact">{report.contact || "Not given"}</Fact>
        <Fact term="Background papers">{report.backgroundPapers || "None"}</Fact>
      </dl>
    </div>
  );
}

function Resolutions({ item }: { item: PackItem }) {
  return (
    <Part title={item.resolutions.length === 1 ? "Resolution" : "Resolutions"}>
      <ol className="pack-resolutions">
        {item.resolutions.map((r, i) => (
          <li key={i} className="pack-resolution">
            <p className="pack-resolution__wording">
              <strong>{motionLead(statusOfOutcome(r.outcomeLabel))}</strong> that {r.wording}
            </p>
            <dl className="pack-facts pack-facts--compact">
              <Fact term="Outcome">{r.outcomeLabel}</Fact>
              {r.methodLabel ? <Fact term="Decided by">{r.methodLabel}</Fact> : null}
              {r.tallyText ? <Fact term="Votes">{r.tallyText}</Fact> : null}
            </dl>
            {r.namedVotes.length ? (
              <TableRegion label={`Named votes, resolution ${i + 1} of ${itemHeading(item)}`}>
                <table className="pack-table pack-table--narrow">
                  <caption>How each member voted</caption>
                  <thead>
                    <tr>
                      <th scope="col">Member</th>
                      <th scope="col">Vote</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.namedVotes.map((v, j) => (
                      <tr key={j}>
                        <th scope="row">{v.name}</th>
                        <td>{v.choiceLabel}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            ) : null}
          </li>
        ))}
      </ol>
    </Part>
  );
}

// ---------------------------------------------------------------------------
// Appendices
// ---------------------------------------------------------------------------

function Appendix({ appendix }: { appendix: PackAppendix }) {
  const headingId = `${appendix.sectionId}-heading`;
  return (
    <section id={appendix.sectionId} className={`pack-appendix pack-appendix--${appendix.kind}`} aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {appendix.title}
      </Heading>
      {appendix.kind === "scorecard" ? <ScorecardAppendix appendix={appendix} /> : null}
      {appendix.kind === "exception" ? <ExceptionAppendix appendix={appendix} /> : null}
      {appendix.kind === "action_log" ? <ActionLogAppendix appendix={appendix} /> : null}
      {appendix.kind === "improvement_plan" ? <ImprovementPlanAppendix appendix={appendix} /> : null}
      {appendix.kind === "plan_progress" ? <PlanProgressAppendix appendix={appendix} /> : null}
      {appendix.kind === "improvement_log" ? <ImprovementLogAppendix appendix={appendix} /> : null}
    </section>
  );
}

type Scorecard = Extract<PackAppendix, { kind: "scorecard" }>;
type Exception = Extract<PackAppendix, { kind: "exception" }>;
type ActionLog = Extract<PackAppendix, { kind: "action_log" }>;

function ScorecardAppendix({ appendix }: { appendix: Scorecard }) {
  const scope = `${appendix.periodText}${appendix.areaName ? `, ${appendix.areaName}` : ""}`;
  // Packs frozen before peer groups went side by side have one "Quartile" column.
  const peerColumns = appendix.peerColumns?.length ? appendix.peerColumns : null;
  return (
    <>
      {appendix.peersText ? <p className="pack-muted">{appendix.peersText}</p> : null}
      <TableRegion label={`${appendix.title} table`}>
        <table className="pack-table">
          <caption>Performance against target, {scope}</caption>
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              <th scope="col" className="pack-numeric">
                Value
              </th>
              <th scope="col" className="pack-numeric">
                Target
              </th>
              <th scope="col">Status</th>
              <th scope="col">Direction of travel</th>
              <th scope="col" className="pack-numeric">
                Year to date
              </th>
              {peerColumns ? (
                peerColumns.map((heading) => (
                  <th scope="col" key={heading}>
                    Quartile: {heading}
                  </th>
                ))
              ) : (
                <th scope="col">Quartile</th>
              )}
            </tr>
          </thead>
          <tbody>
            {appendix.rows.map((row) => (
              <tr key={row.code}>
                <th scope="row">
                  <span className="pack-code">{row.code}</span> {row.title}
                </th>
                <td className="pack-numeric">
                  {row.valueText}
                  {row.unaudited ? <UnauditedTag /> : null}
                </td>
                <td className="pack-numeric">{row.targetText}</td>
                <td>
                  <StatusBadge status={row.status} text={row.statusText} />
                </td>
                <td>{row.directionText}</td>
                <td className="pack-numeric">{row.ytdText}</td>
                {peerColumns ? (
                  peerColumns.map((heading, i) => <td key={heading}>{row.peerTexts?.[i] ?? ""}</td>)
                ) : (
                  <td>{row.quartileText}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}

function ExceptionAppendix({ appendix }: { appendix: Exception }) {
  const { commentary } = appendix;
  return (
    <>
      <dl className="pack-facts">
        <Fact term="Indicator">
          <span className="pack-code">{appendix.code}</span> {appendix.indicatorTitle}
        </Fact>
        <Fact term="Period">{appendix.periodText}</Fact>
        <Fact term="Value">
          {appendix.valueText}
          {appendix.unaudited ? <UnauditedTag /> : null}
        </Fact>
        <Fact term="Target">{appendix.targetText}</Fact>
        <Fact term="Status">
          <StatusBadge status={appendix.status} text={appendix.statusText} />
        </Fact>
        <Fact term="Owner">{appendix.owner}</Fact>
        <Fact term="Commentary">{commentary.stateText}</Fact>
      </dl>
      <PackTrendChart appendix={appendix} />
      {commentary.sections.map((section) => (
        <Part key={section.title} title={section.title} level={4}>
          {richTextPlain(section.body) ? <RichTextView content={section.body} /> : <p className="pack-muted">Nothing written.</p>}
        </Part>
      ))}
      <Part title="Remedial actions" level={4}>
        {commentary.actions.length ? (
          <ActionsTable
            label={`Remedial actions, ${appendix.title}`}
            caption={`Remedial actions for ${appendix.code}: what, who, by when and how it is going`}
            lastColumn="Status"
            rows={commentary.actions.map((a) => [a.action, a.owner, a.dueText, a.statusText])}
          />
        ) : (
          <p className="pack-muted">No remedial actions.</p>
        )}
      </Part>
      <Part title="Expected recovery" level={4}>
        <p>{commentary.recoveryDateText || <span className="pack-muted">No recovery date given.</span>}</p>
      </Part>
    </>
  );
}

/** Actions agreed or planned: what, who, by when, and one more column (the indicator, or how it is going). */
function ActionsTable({
  label,
  caption,
  lastColumn,
  rows,
}: {
  label: string;
  caption: string;
  lastColumn: string;
  rows: ReactNode[][];
}) {
  return (
    <TableRegion label={label}>
      <table className="pack-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {["Action", "Owner", "Due", lastColumn].map((heading) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, i) => (
            <tr key={i}>
              {cells.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function ActionLogAppendix({ appendix }: { appendix: ActionLog }) {
  if (appendix.rows.length === 0) return <p className="pack-muted">No open actions.</p>;
  return (
    <TableRegion label={`${appendix.title} table`}>
      <table className="pack-table">
        <caption>Actions agreed at earlier meetings and how they stand</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">Latest note</th>
            <th scope="col">Indicator</th>
            <th scope="col">Movement</th>
          </tr>
        </thead>
        <tbody>
          {appendix.rows.map((row, i) => (
            <tr key={`${row.reference}-${i}`}>
              <th scope="row">{row.reference}</th>
              <td>{row.action}</td>
              <td>{row.owner}</td>
              <td>{row.dueText}</td>
              <td>{row.statusText}</td>
              <td>{row.latestNote}</td>
              <td>{row.indicator}</td>
              <td>{row.movementText}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

type PlanProgress = Extract<PackAppendix, { kind: "plan_progress" }>;

/** A plan-progress item: each action's status and note for the quarter, and the milestones that slipped in it. */
function PlanProgressAppendix({ appendix }: { appendix: PlanProgress }) {
  return (
    <>
      <p>Progress in {appendix.quarterText}.</p>
      {appendix.missingProgress.length ? (
        <p className="pack-muted">No progress recorded for the quarter on: {appendix.missingProgress.join(", ")}.</p>
      ) : null}
      {appendix.actions.length === 0 ? (
        <p className="pack-muted">The plan has no actions.</p>
      ) : (
        <TableRegion label={`${appendix.title}: actions`}>
          <table className="pack-table">
            <caption>Each action, its status and its owner&apos;s progress note for the quarter</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Plan</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                <th scope="col">Progress this quarter</th>
                <th scope="col">Milestones due</th>
              </tr>
            </thead>
            <tbody>
              {appendix.actions.map((a, i) => (
                <tr key={`${a.code}-${i}`}>
                  <th scope="row">
                    {a.code} {a.title}
                  </th>
                  <td>{a.plan}</td>
                  <td>{a.owner}</td>
                  <td>{a.dueText}</td>
                  <td>{a.statusText}</td>
                  <td>{a.progress || "None recorded"}</td>
                  <td className="pack-pre-line">{a.milestonesText}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <h4>Slipped milestones</h4>
      {appendix.slipped.length === 0 ? (
        <p className="pack-muted">No milestone slipped in the quarter.</p>
      ) : (
        <TableRegion label={`${appendix.title}: slipped milestones`}>
          <table className="pack-table">
            <caption>Milestones due in the quarter and not done by their date, with the commentary on each</caption>
            <thead>
              <tr>
                <th scope="col">Milestone</th>
                <th scope="col">Action</th>
                <th scope="col">Due</th>
                <th scope="col">State</th>
                <th scope="col">Commentary</th>
              </tr>
            </thead>
            <tbody>
              {appendix.slipped.map((m, i) => (
                <tr key={`${m.action}-${i}`} data-slipped-milestone={m.action}>
                  <th scope="row">{m.milestone}</th>
                  <td>{m.action}</td>
                  <td>{m.dueText}</td>
                  <td>{m.stateText}</td>
                  <td>{m.commentary || "None yet"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}

type ImprovementLog = Extract<PackAppendix, { kind: "improvement_log" }>;

/** The service improvement log, as the improvements page shows it. */
function ImprovementLogAppendix({ appendix }: { appendix: ImprovementLog }) {
  if (appendix.rows.length === 0) return <p className="pack-muted">No improvements are recorded.</p>;
  return (
    <TableRegion label={`${appendix.title}: improvements`}>
      <table className="pack-table">
        <caption>What changed, when, the evidence, and how far the indicator has moved</caption>
        <thead>
          <tr>
            <th scope="col">What changed</th>
            <th scope="col">When</th>
            <th scope="col">Evidence</th>
            <th scope="col">Indicator</th>
            <th scope="col">Movement</th>
            <th scope="col">Plan action</th>
          </tr>
        </thead>
        <tbody>
          {appendix.rows.map((r, i) => (
            <tr key={`${r.title}-${i}`}>
              <th scope="row">
                {r.title}
                {r.description ? <span className="pack-muted"> {r.description}</span> : null}
              </th>
              <td>{r.madeOnText}</td>
              <td>{r.evidence}</td>
              <td>{r.indicator}</td>
              <td>{r.movementText}</td>
              <td>{r.planAction}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

type ImprovementPlan = Extract<PackAppendix, { kind: "improvement_plan" }>;

/** A clinic's improvement plan: its milestones, and the recovery trajectory against the target and the figures so far. */
function ImprovementPlanAppendix({ appendix }: { appendix: ImprovementPlan }) {
  return (
    <>
      <h4>Milestones</h4>
      {appendix.milestones.length === 0 ? (
        <p className="pack-muted">No milestones were agreed.</p>
      ) : (
        <ul>
          {appendix.milestones.map((m, i) => (
            <li key={i}>
              {m.milestone}
              {m.dueText ? `, by ${m.dueText}` : ""}
            </li>
          ))}
        </ul>
      )}
      <h4>Recovery trajectory against target</h4>
      {appendix.trajectoryText.length === 0 ? (
        <p className="pack-muted">No recovery trajectory was set.</p>
      ) : (
        <>
          <PackTrajectoryChart appendix={appendix} />
          <TableRegion label={`Recovery trajectory of ${appendix.code}`}>
            <table className="pack-table">
              <caption>
                {appendix.code} {appendix.indicatorTitle}: the planned figure for each month against the target, and the figure
                recorded so far
              </caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Planned</th>
                  <th scope="col">Target</th>
                  <th scope="col">Recorded</th>
                </tr>
              </thead>
              <tbody>
                {appendix.trajectoryText.map((p) => (
                  <tr key={p.periodText}>
                    <th scope="row">{p.periodText}</th>
                    <td>{p.plannedText}</td>
                    <td>{p.targetText}</td>
                    <td>{p.actualText}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
    </>
  );
}

/**
 * The planned recovery against the target line, drawn from the same data and described in
 * the same words as the PDF's chart (trajectoryChart); the figures are in the table below it.
 */
function PackTrajectoryChart({ appendix }: { appendix: ImprovementPlan }) {
  const chart = trajectoryChart(appendix);
  const summaryId = `${appendix.sectionId}-trajectory-summary`;
  return (
    <figure className="pack-chart">
      <PackLineSvg
        trend={chart.trend}
        unit={chart.unit}
        label={`Recovery trajectory of ${appendix.code} ${appendix.indicatorTitle}: the planned figure each month against the target`}
        describedBy={summaryId}
      />
      <figcaption id={summaryId} className="pack-chart__summary">
        {chart.summary}
      </figcaption>
      <PackChartLegend valueText="Planned figure each month" target={chart.trend.some((p) => p.target !== null)} />
    </figure>
  );
}

// ---------------------------------------------------------------------------
// Status and the trend chart
// ---------------------------------------------------------------------------

/** The decimals the pack writes this indicator with ("88.0%" → 1), so the chart's figures read the same. */
function decimalsShown(...texts: string[]): number {
  return Math.max(0, ...texts.map((text) => /\d\.(\d+)/.exec(text)?.[1].length ?? 0));
}

function trendFormatter(appendix: Exception): (value: number) => string {
  const rule = { unit: appendix.unit, decimals: decimalsShown(appendix.valueText, appendix.targetText) };
  return (value) => formatValue(rule, value);
}

/**
 * The text alternative of an exception report's trend chart, in the pack's own words for
 * each period: its span, the target, the latest, lowest and highest figures and any gaps.
 */
export function describePackTrend(appendix: Exception): string {
  const { trend } = appendix;
  const name = `${appendix.code} ${appendix.indicatorTitle}`;
  if (trend.length === 0) return `${name}: no periods to show.`;
  const format = trendFormatter(appendix);
  const targets = [...new Set(trend.flatMap((p) => (p.target === null ? [] : [p.target])))];
  const against =
    targets.length === 0
      ? "with no target set"
      : targets.length === 1
        ? `against a target of ${format(targets[0])}`
        : `against targets between ${format(Math.min(...targets))} and ${format(Math.max(...targets))}`;
  const opening = `Line chart of ${name}, ${trend[0].periodText} to ${trend[trend.length - 1].periodText}, ${against}.`;
  const withValues = trend.filter((p): p is typeof p & { value: number } => p.value !== null);
  if (withValues.length === 0) return `${opening} No figures were recorded in this time.`;
  const latest = withValues[withValues.length - 1];
  const lowest = withValues.reduce((a, b) => (b.value < a.value ? b : a));
  const highest = withValues.reduce((a, b) => (b.value > a.value ? b : a));
  const gaps = trend.length - withValues.length;
  return [
    opening,
    `Latest ${format(latest.value)} in ${latest.periodText}.`,
    withValues.length > 1
      ? `Lowest ${format(lowest.value)} (${lowest.periodText}); highest ${format(highest.value)} (${highest.periodText}).`
      : "",
    gaps ? `No figure for ${gaps} of the ${trend.length} periods.` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

const CHART = { width: 640, height: 260, top: 16, right: 24, bottom: 40, left: 72 };

/**
 * A line of figures against the target line, period by period: a missing figure or target
 * breaks its line, the latest figure has the larger dot. The words that describe it are
 * the element `describedBy` names.
 */
function PackLineSvg({
  trend,
  unit,
  label,
  describedBy,
}: {
  trend: readonly PackTrendPoint[];
  unit: string;
  label: string;
  describedBy: string;
}) {
  const values = trend.flatMap((p) => (p.value === null ? [] : [p.value]));
  const targets = trend.flatMap((p) => (p.target === null ? [] : [p.target]));
  const plotLeft = CHART.left + 12;
  const plotRight = CHART.width - CHART.right - 12;
  const x = linearScale(
    [0, Math.max(1, trend.length - 1)],
    trend.length > 1 ? [plotLeft, plotRight] : [(plotLeft + plotRight) / 2, (plotLeft + plotRight) / 2],
  );
  const axis = niceAxis([...values, ...targets], 4);
  const y = linearScale([axis.min, axis.max], [CHART.height - CHART.bottom, CHART.top]);
  const tickFormat = (value: number) => formatValue({ unit, decimals: axis.decimals }, value);
  const labelEvery = Math.max(1, Math.ceil((trend.length - 1) / 4));
  const linePath = (pick: (p: PackTrendPoint) => number | null) => {
    let d = "";
    let joined = false;
    trend.forEach((p, i) => {
      const v = pick(p);
      if (v === null) joined = false;
      else {
        d += `${joined ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
        joined = true;
      }
    });
    return d;
  };
  const lastWithValue = trend.reduce((last, p, i) => (p.value !== null ? i : last), -1);
  return (
    <svg
      className="pack-chart__svg"
      viewBox={`0 0 ${CHART.width} ${CHART.height}`}
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
    >
      {axis.ticks.map((tick) => (
        <g key={tick}>
          <line x1={CHART.left} x2={CHART.width - CHART.right} y1={y(tick)} y2={y(tick)} stroke="#b1b4b6" strokeWidth="1" />
          <text x={CHART.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" fontSize="13" fill="#0b0c0c">
            {tickFormat(tick)}
          </text>
        </g>
      ))}
      <line
        x1={CHART.left}
        x2={CHART.width - CHART.right}
        y1={CHART.height - CHART.bottom}
        y2={CHART.height - CHART.bottom}
        stroke="#0b0c0c"
        strokeWidth="1"
      />
      {trend.map((p, i) =>
        i % labelEvery === 0 || i === trend.length - 1 ? (
          <text
            key={p.period}
            x={x(i)}
            y={CHART.height - CHART.bottom + 22}
            textAnchor={i === 0 && trend.length > 1 ? "start" : i === trend.length - 1 && trend.length > 1 ? "end" : "middle"}
            fontSize="13"
            fill="#0b0c0c"
          >
            {p.periodText}
          </text>
        ) : null,
      )}
      <path d={linePath((p) => p.target)} fill="none" stroke="#0b0c0c" strokeWidth="2" strokeDasharray="8 5" />
      <path d={linePath((p) => p.value)} fill="none" stroke="#1d70b8" strokeWidth="3" />
      {trend.map((p, i) =>
        p.value !== null ? (
          <circle
            key={p.period}
            cx={x(i)}
            cy={y(p.value)}
            r={i === lastWithValue ? 6 : 3.5}
            fill="#1d70b8"
            stroke="#fff"
            strokeWidth="1.5"
          />
        ) : null,
      )}
    </svg>
  );
}

/** The key under a pack chart: the line of figures, and the target line when there is one. */
function PackChartLegend({ valueText, target }: { valueText: string; target: boolean }) {
  return (
    <ul className="pack-chart__legend">
      <li>
        <span className="pack-chart__key pack-chart__key--value" aria-hidden="true" />
        {valueText}
      </li>
      {target ? (
        <li>
          <span className="pack-chart__key pack-chart__key--target" aria-hidden="true" />
          Target
        </li>
      ) : null}
    </ul>
  );
}

/** Value against the target line over the periods of an exception report, with its words beside it and the figures in a table. */
function PackTrendChart({ appendix }: { appendix: Exception }) {
  const { trend } = appendix;
  const format = trendFormatter(appendix);
  const summaryId = `${appendix.sectionId}-trend-summary`;
  const hasValues = trend.some((p) => p.value !== null);
  return (
    <figure className="pack-chart">
      {hasValues ? (
        <PackLineSvg
          trend={trend}
          unit={appendix.unit}
          label={`Trend chart of ${appendix.code} ${appendix.indicatorTitle}: value each period against the target`}
          describedBy={summaryId}
        />
      ) : null}
      <figcaption id={summaryId} className="pack-chart__summary">
        {describePackTrend(appendix)}
      </figcaption>
      {hasValues ? <PackChartLegend valueText="Value each period" target={trend.some((p) => p.target !== null)} /> : null}
      {trend.length ? (
        <details className="pack-chart__figures">
          <summary>The figures of the chart as a table</summary>
          <TableRegion label={`Figures of the trend chart, ${appendix.code}`}>
            <table className="pack-table pack-table--narrow">
              <caption>
                {appendix.code} {appendix.indicatorTitle}: the value each period against its target
              </caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col" className="pack-numeric">
                    Value
                  </th>
                  <th scope="col" className="pack-numeric">
                    Target
                  </th>
                </tr>
              </thead>
              <tbody>
                {trend.map((p) => (
                  <tr key={p.period}>
                    <th scope="row">{p.periodText}</th>
                    <td className="pack-numeric">{p.value === null ? "No data" : format(p.value)}</td>
                    <td className="pack-numeric">{p.target === null ? "No target" : format(p.target)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </details>
      ) : null}
    </figure>
  );
}
