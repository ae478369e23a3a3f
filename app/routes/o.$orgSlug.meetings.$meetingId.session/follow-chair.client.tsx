import type { ReactNode } from "react";
import { useMeetingRoom } from "~/components/meetings/use-meeting-room.client";

/** Renders whatever item the chair has open, live: for the projector, which never browses away. */
export default function FollowChair({
  meetingId,
  children,
}: {
  meetingId: string;
  children: (itemId: string | null) => ReactNode;
}) {
  const room = useMeetingRoom(meetingId);
  return <>{children(room.state?.currentItemId ?? null)}</>;
}
