// The projector view: the item the chair has open, large and readable from the back of
// the room, following the chair live, with the motion being voted on, its live count
// and its result. Outside the application's shell: nothing else on the screen, inside
// safe margins (projectors crop the edges), and never taller or wider than the screen.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { lazy, Suspense, useEffect, useState } from "react";
import { actionStylesLinks } from "~/components/meetings/action-styles";
import { MOTION_STATUS_LABELS, VOTE_CHOICE_LABELS } from "~/shared/meetings/labels";
import { motionStatement } from "~/shared/meetings/motion-wording";
import { distinctLines, kindCaption, projectedMotion, projectorPage } from "~/shared/meetings/projector-view";
import type { MeetingRoomState, RoomMotion } from "~/shared/meetings/room-events";
import sessionStyles from "~/styles/session.css?url";
import presentStyles from "~/styles/present.css?url";
import { ItemContentView } from "./o.$orgSlug.meetings.$meetingId.session/item-content-view";
import { loadSessionData } from "./o.$orgSlug.meetings.$meetingId.session/session-data.server";

const FollowChair = lazy(() => import("./o.$orgSlug.meetings.$meetingId.session/follow-chair.client"));

export const links = () => [
  { rel: "stylesheet", href: sessionStyles },
  { rel: "stylesheet", href: presentStyles },
  ...actionStylesLinks(),
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.meeting.title}: projector view – Minuted` : "Projector view – Minuted" },
];

export async function loader(args: LoaderFunctionArgs) {
  return projectorPage(await loadSessionData(args));
}

type ProjectorPage = Awaited<ReturnType<typeof loader>>;

export default function PresentView() {
  const page = useLoaderData<typeof loader>();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const still = <PresentedItem page={page} itemId={page.meeting.currentItemId} room={null} />;
  return (
    <main className="present" id="main">
      {mounted ? (
        <Suspense fallback={still}>
          <FollowChair meetingId={page.meeting.id}>
            {(room) => <PresentedItem page={page} itemId={room?.currentItemId ?? page.meeting.currentItemId} room={room} />}
          </FollowChair>
        </Suspense>
      ) : (
        still
      )}
    </main>
  );
}

export function PresentedItem({
  page,
  itemId,
  room,
}: {
  page: ProjectorPage;
  itemId: string | null;
  room: MeetingRoomState | null;
}) {
  const item = page.items.find((i) => i.id === itemId);
  // The organisation, then the meeting, each once (a meeting titled as its body is not named twice).
  const [organisation, ...meetingLines] = distinctLines([page.organisationName, page.meeting.title, page.meeting.when]);
  const header = (
    <header className="present__header">
      <p className="present__organisation">{organisation}</p>
      <p className="present__meeting">{meetingLines.join(", ")}</p>
    </header>
  );
  if (!item) {
    return (
      <>
        {header}
        <div className="present__body">
          <h1 className="present__title">{page.meeting.title}</h1>
          <p className="present__meta">
            {(room?.status ?? page.meeting.status) === "in_session"
              ? "The chair has not opened an item yet."
              : `The meeting starts ${page.meeting.when}.`}
          </p>
        </div>
      </>
    );
  }
  const motion = room ? projectedMotion(room.motions, item.id) : null;
  const caption = [kindCaption(item), item.presenter ? `Presented by ${item.presenter}` : ""].filter(Boolean).join(". ");
  return (
    <>
      {header}
      {/* A long item scrolls here, inside the screen; the page itself never scrolls. */}
      <div className="present__body" role="region" aria-labelledby="presented-item" tabIndex={0}>
        <h1 className="present__title" id="presented-item" data-testid="presented-item">
          <span className="present__number">{item.minuteNumber ?? `Item ${item.position}`}</span> {item.title}
        </h1>
        {caption ? <p className="present__meta">{caption}</p> : null}
        {item.exempt ? (
          <p className="notification notification--exempt">Exempt item: the public and press are excluded for this item.</p>
        ) : (
          <ItemContentView content={page.contents[item.id]} orgSlug={page.orgSlug} large />
        )}
      </div>
      {motion ? <ProjectedMotion motion={motion} /> : null}
    </>
  );
}

/** The motion before the room: its words, the count as named votes come in, then the result. */
function ProjectedMotion({ motion }: { motion: RoomMotion }) {
  const open = motion.status === "open";
  return (
    <section className={`present__motion present__motion--${motion.status}`} aria-label="Motion" data-testid="projected-motion">
      <p className="present__motion-state">
        {open ? (motion.method === "named" ? "Voting now" : "Voting now: show of hands") : MOTION_STATUS_LABELS[motion.status]}
      </p>
      <p className="present__motion-words">{motionStatement(motion.status, motion.wording)}</p>
      {motion.tally ? (
        <dl className="present__count" data-testid="projected-count">
          {(["for", "against", "abstain"] as const).map((choice) => (
            <div key={choice} className="present__count-item">
              <dt>{VOTE_CHOICE_LABELS[choice]}</dt>
              <dd>{motion.tally![choice]}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}
