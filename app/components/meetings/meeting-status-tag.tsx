import type { MeetingStatus } from "~/shared/vocabulary";
import { MEETING_STATUS_LABELS } from "~/shared/meetings/labels";

/** A meeting's status in words; the colour only repeats what the words say. */
export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  return <span className={`meeting-status meeting-status--${status.replaceAll("_", "-")}`}>{MEETING_STATUS_LABELS[status]}</span>;
}
