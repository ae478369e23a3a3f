import { Form } from "@remix-run/react";
import { useEffect, useRef, useState, type MouseEvent } from "react";
import { useSharedDocument } from "~/components/collab/use-shared-document.client";
import { ItemRecord } from "~/components/meetings/item-record.client";
import { useMeetingRoom } from "~/components/meetings/use-meeting-room.client";
import { kindCaption } from "~/shared/meetings/projector-view";
import { EXEMPT_PARAGRAPHS, INTEREST_KIND_LABELS } from "~/shared/meetings/labels";
import { isBeforeOpening } from "~/shared/meetings/meeting-stage";
import { lastNPeriods, monthLabel, addMonths } from "~/shared/performance/periods";
import { AgendaOverview } from "./agenda-overview";
import { ItemContentView } from "./item-content-view";
import { Motions } from "./motions";
import { RoomPanel } from "./room-panel";
import type { SessionData } from "./route";

/**
 * The live session: the room (socket.io) decides which item the chair has open, who is
 * here, the queue and the votes; the record (Yjs) holds the minutes and actions. Both
 * come from the server, so a reload or a reconnect shows the meeting as it is.
 */
export default function SessionRoom({ page }: { page: SessionData }) {
  const room = useMeetingRoom(page.meeting.id);
  const record = useSharedDocument(page.documentName, page.user.colour);
  const [notice, setNotice] = useState<{ ok: boolean; message: string } | null>(null);
  const state = room.state;
  const currentItemId = state?.currentItemId ?? page.meeting.currentItemId;
  const viewedId = room.viewedItemId ?? currentItemId ?? page.items[0]?.id ?? null;
  const item = page.items.find((i) => i.id === viewedId) ?? null;
  const you = state?.you ?? null;
  const status = state?.status ?? page.meeting.status;

  // The item heading and the vote, for keyboards: "Your vote" jumps from one to the other.
  const yourVoteOpen = Boolean(
    item &&
    you?.permissions.vote &&
    !you.cannotVoteOn.includes(item.id) &&
    state?.motions.some((m) => m.agendaItemId === item.id && m.status === "open" && m.method === "named"),
  );
  const skipToVote = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById("your-vote");
    if (!target) return;
    event.preventDefault();
    target.focus();
  };

  // Screen-reader users hear where the chair has taken the meeting, as sighted people see it.
  const announce = room.announce;
  // Only the chair's moves in session (not the page's first item, nor the close, which clears it).
  const movedTo = room.following && status === "in_session" ? (state?.currentItemId ?? null) : null;
  const lastMove = useRef(movedTo);
  useEffect(() => {
    if (lastMove.current === movedTo) return;
    lastMove.current = movedTo;
    const now = page.items.find((i) => i.id === movedTo);
    if (now) announce([`Now on ${now.minuteNumber ?? `item ${now.position}`}: ${now.title}`]);
  }, [movedTo, page.items, announce]);

  const followingRef = useRef<HTMLParagraphElement>(null);
  const [rejoined, setRejoined] = useState(false);
  const rejoin = () => {
    setRejoined(true);
    room.rejoinChair();
  };
  useEffect(() => {
    if (rejoined && room.following) {
      followingRef.current?.focus();
      setRejoined(false);
    }
  }, [rejoined, room.following]);

  const report = (result: { ok: true } | { ok: false; error: string }, success?: string) => {
    setNotice(result.ok ? (success ? { ok: true, message: success } : null) : { ok: false, message: result.error });
    return result.ok;
  };

  const declared = item && you ? you.cannotWriteMinutesFor.includes(item.id) : false;
  const writable = !declared && !(record.status?.readOnly ?? false) && !record.status?.stopped;
  const minutesEditable = Boolean(you?.permissions.writeMinutes) && writable;
  const suggest = Boolean(you?.permissions.suggestMinutes) && writable;
  // Where the clerk holds the pen, members still write actions and challenges; only the minutes are the clerk's.
  const recordEditable = (minutesEditable || suggest) && writable;
  const canRemove = Boolean(you?.permissions.removeRecordEntries) && writable;

  return (
    <div className="session__layout">
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="room-announcer">
        {/* One live region for the room: votes, the floor, the chair's moves, opening and closing. */}
        {room.announcement ? `${room.announcement.text}${room.announcement.seq % 2 ? "" : "\u00a0"}` : ""}
      </p>
      <div className="session__main">
        {notice ? (
          <div
            className={notice.ok ? "notification notification--success" : "error-summary"}
            role={notice.ok ? "status" : "alert"}
          >
            {notice.message}
          </div>
        ) : null}
        {item ? (
          <section className="session-item" aria-labelledby="viewed-item-title" data-testid="viewed-item" data-item-id={item.id}>
            <h2 id="viewed-item-title" tabIndex={-1}>
              {item.minuteNumber ? <span className="session-item__number">{item.minuteNumber}</span> : null} {item.title}
            </h2>
            {yourVoteOpen ? (
              // The first stop after the heading while a vote is open: two key presses to the vote.
              <p className="session-item__skip">
                <a href="#your-vote" className="button button--secondary button--small" onClick={skipToVote}>
                  Your vote
                </a>
              </p>
            ) : null}
            <p className="session-item__meta">
              {[
                kindCaption(item),
                item.presenter ? `Presented by ${item.presenter}` : "",
                item.minutesAllowed ? `${item.minutesAllowed} minutes` : "",
              ]
                .filter(Boolean)
                .join(". ")}
              {item.id === currentItemId ? <span className="tag tag--current">The chair has this item open</span> : null}
            </p>
            {item.exempt ? (
              <p className="notification notification--exempt">
                Exempt item (part 2): not for publication
                {item.exemptParagraph ? `, paragraph ${item.exemptParagraph}: ${EXEMPT_PARAGRAPHS[item.exemptParagraph]}` : ""}.
              </p>
            ) : null}
            {you?.permissions.chair && item.id !== currentItemId && status === "in_session" ? (
              <button type="button" className="button" onClick={async () => report(await room.actions.move(item.id))}>
                Move everyone to this item
              </button>
            ) : null}
            <ItemContentView content={page.contents[item.id]} orgSlug={page.orgSlug} />
            {item.kind === "declarations" && state ? <AllDeclarations page={page} state={state} /> : null}
            {item.kind === "scorecard_review" && (page.permissions.chair || page.permissions.manage) ? (
              <ReferToClinic page={page} itemId={item.id} />
            ) : null}
            {state ? <Motions page={page} state={state} room={room} item={item} onResult={report} /> : null}
            {record.session && record.ready ? (
              <ItemRecord
                key={item.id}
                session={record.session}
                itemId={item.id}
                itemTitle={item.title}
                editable={recordEditable}
                minutesEditable={minutesEditable}
                suggest={suggest}
                canRemove={canRemove}
                readOnlyReason={declared ? "You declared an interest in this item, so you cannot edit its minutes." : null}
                user={{ id: page.user.id, name: page.user.name, colour: page.user.colour }}
                people={page.people}
                indicators={page.indicators}
                challenges={item.kind === "scorecard_review"}
                clinic={
                  item.kind === "performance_clinic"
                    ? {
                        indicators: clinicIndicators(page, item.id),
                        periods: lastNPeriods(addMonths(currentMonth(), 6), 6).map((p) => ({ value: p, label: monthLabel(p) })),
                      }
                    : null
                }
              />
            ) : (
              <p className="hint">Loading the minutes…</p>
            )}
          </section>
        ) : (
          <p>This meeting has no agenda items yet.</p>
        )}
      </div>
      <div className="session__side">
        <p className="session__connection" role="status">
          Session: {room.statusLabel}. Minutes: {record.status?.message ?? "Connecting…"}
          {record.status?.saved ? ". All changes saved" : ""}
        </p>
        {room.error ? (
          <p className="error-summary" role="alert">
            {room.error}
          </p>
        ) : null}
        {isBeforeOpening({ status }) ? (
          page.permissions.manage ? (
            <Form method="post" className="session__control">
              <input type="hidden" name="intent" value="open" />
              <button type="submit" className="button">
                Open the meeting
              </button>
            </Form>
          ) : (
            <p className="notification">The meeting has not opened yet.</p>
          )
        ) : null}
        <div className="follow-chair">
          {room.following ? (
            // Focus comes here from "Rejoin the chair" (which is then gone), not to the page's body.
            <p ref={followingRef} tabIndex={-1} className="follow-chair__state">
              <span className="tag tag--following">Following the chair</span> Your screen moves with the chair.
            </p>
          ) : (
            <p>
              You are browsing freely.{" "}
              <button type="button" className="button button--secondary button--small" onClick={rejoin}>
                Rejoin the chair
              </button>
            </p>
          )}
        </div>
        {status === "closed" || status === "minutes_approved" ? (
          // Every screen in the room hears the close at once (the room's state event), not at the next reload.
          <p className="notification notification--success" role="status" data-testid="meeting-closed">
            <strong>Closed.</strong> The meeting has closed; the minutes are frozen from the Packs page.
          </p>
        ) : null}
        <AgendaOverview items={page.items} currentItemId={currentItemId} viewedItemId={viewedId} onView={room.browse} />
        {state ? <RoomPanel page={page} state={state} room={room} itemId={viewedId} onResult={report} /> : null}
        {status === "in_session" && page.permissions.manage ? (
          <Form method="post" className="session__control">
            <input type="hidden" name="intent" value="review-close" />
            <button type="submit" className="button button--warning">
              Close the meeting
            </button>
            <p className="hint">You see what is still open first, then confirm. Agreed actions then enter the action log.</p>
          </Form>
        ) : null}
      </div>
    </div>
  );
}

/** The clinic's indicators with their last twelve values and current target, from the item's content. */
function clinicIndicators(page: SessionData, itemId: string) {
  const content = page.contents[itemId];
  if (content?.kind !== "clinic") return [];
  return content.indicators.flatMap((data) => {
    const indicator = page.indicators.find((i) => i.code === data.indicator.code);
    if (!indicator) return [];
    const known = data.chart.points.filter((p) => p.period <= data.period);
    const recent = known
      .filter((p): p is typeof p & { value: number } => p.value !== null)
      .slice(-12)
      .map((p) => ({ period: p.period, value: p.value }));
    return [{ ...indicator, rule: data.rule, recent, target: known.at(-1)?.target ?? null }];
  });
}

/** The "Declarations of interest" item: every declaration of the meeting, as it will be minuted. */
function AllDeclarations({ page, state }: { page: SessionData; state: NonNullable<ReturnType<typeof useMeetingRoom>["state"]> }) {
  if (state.declarations.length === 0) return <p>No interests have been declared.</p>;
  const titleOf = (itemId: string) => {
    const found = page.items.find((i) => i.id === itemId);
    return found ? `${found.minuteNumber ?? found.position} ${found.title}` : "an item";
  };
  return (
    <ul className="declarations" data-testid="all-declarations">
      {state.declarations.map((d) => (
        <li key={d.id}>
          {d.name} declared a {INTEREST_KIND_LABELS[d.kind].toLowerCase()} in {titleOf(d.agendaItemId)}
          {d.note ? `: ${d.note}` : ""}.
        </li>
      ))}
    </ul>
  );
}

function currentMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
}

function ReferToClinic({ page, itemId }: { page: SessionData; itemId: string }) {
  return (
    <details className="details">
      <summary>Refer an indicator to a performance clinic</summary>
      <Form method="post" className="refer-form">
        <input type="hidden" name="intent" value="refer" />
        <input type="hidden" name="agendaItemId" value={itemId} />
        <div className="form-group">
          <label htmlFor="refer-indicator">Indicator</label>
          <select id="refer-indicator" name="indicatorId" required>
            <option value="">Choose an indicator</option>
            {page.indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {i.code} {i.title}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label htmlFor="refer-reason">Why (optional)</label>
          <textarea id="refer-reason" name="reason" rows={2} maxLength={1000} />
        </div>
        <button type="submit" className="button button--secondary">
          Refer to a clinic
        </button>
      </Form>
    </details>
  );
}
