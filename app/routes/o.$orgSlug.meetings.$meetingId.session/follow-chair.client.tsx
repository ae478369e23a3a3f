import type { ReactNode } from "react";
import { useMeetingRoom } from "~/components/meetings/use-meeting-room.client";
import type { MeetingRoomState } from "~/shared/meetings/room-events";

/** Renders whatever item the chair has open, live, with the room's votes: for the projector, which never browses away. */
export default function FollowChair({
  meetingId,
  children,
}: {
  meetingId: string;
  children: (state: MeetingRoomState | null) => ReactNode;
}) {
  const room = useMeetingRoom(meetingId);
  return <>{children(room.state)}</>;
}
