// The projector view: the item the chair has open, large and readable from the back of
// the room, following the chair live. Outside the application's shell: nothing else on
// the screen.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { lazy, Suspense, useEffect, useState } from "react";
import { AGENDA_ITEM_KIND_LABELS } from "~/shared/meetings/labels";
import { actionStylesLinks } from "~/components/meetings/action-styles";
import sessionStyles from "~/styles/session.css?url";
import { ItemContentView } from "./o.$orgSlug.meetings.$meetingId.session/item-content-view";
import { loadSessionData, type SessionData } from "./o.$orgSlug.meetings.$meetingId.session/session-data.server";

const FollowChair = lazy(() => import("./o.$orgSlug.meetings.$meetingId.session/follow-chair.client"));

export const links = () => [{ rel: "stylesheet", href: sessionStyles }, ...actionStylesLinks()];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.meeting.title}: projector view – Minuted` : "Projector view – Minuted" },
];

export async function loader(args: LoaderFunctionArgs) {
  return loadSessionData(args);
}

export default function PresentView() {
  const page = useLoaderData<typeof loader>();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return (
    <main className="present" id="main">
      {mounted ? (
        <Suspense fallback={<PresentedItem page={page} itemId={page.meeting.currentItemId} />}>
          <FollowChair meetingId={page.meeting.id}>
            {(itemId) => <PresentedItem page={page} itemId={itemId ?? page.meeting.currentItemId} />}
          </FollowChair>
        </Suspense>
      ) : (
        <PresentedItem page={page} itemId={page.meeting.currentItemId} />
      )}
    </main>
  );
}

export function PresentedItem({ page, itemId }: { page: SessionData; itemId: string | null }) {
  const item = page.items.find((i) => i.id === itemId);
  if (!item) {
    return (
      <>
        <h1>{page.meeting.title}</h1>
        <p className="present__meta">
          {page.meeting.status === "in_session"
            ? "The chair has not opened an item yet."
            : `The meeting starts ${page.meeting.when}.`}
        </p>
      </>
    );
  }
  return (
    <>
      <h1 aria-live="polite" data-testid="presented-item">
        {item.minuteNumber ? <span className="present__number">{item.minuteNumber}</span> : null}
        {item.title}
      </h1>
      <p className="present__meta">
        {AGENDA_ITEM_KIND_LABELS[item.kind]}
        {item.presenter ? `, presented by ${item.presenter}` : ""}
      </p>
      {item.exempt ? (
        <p className="notification notification--exempt">Exempt item: the public and press are excluded for this item.</p>
      ) : (
        <ItemContentView content={page.contents[item.id]} orgSlug={page.orgSlug} large />
      )}
      <p className="present__footer">
        {page.meeting.title}, {page.meeting.when}
      </p>
    </>
  );
}
