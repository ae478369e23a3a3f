import { isBeforeOpening } from "../../app/shared/meetings/meeting-stage";
import type { SeatPosition } from "../../db/schema/meetings";
import { hasRole, inOrganisation, type Principal } from "./principal";

/** The person's seat on the meeting's body, if they hold one. */
export type Seat = { position: SeatPosition } | null;

type InOrganisation = { organisationId: string };

const holdsChairSeat = (seat: Seat) => seat?.position === "chair" || seat?.position === "vice_chair";

/**
 * Who is who at a meeting: the one definition of each, used by every meeting, pack and
 * cover report rule, over HTTP and in the session room alike.
 *
 * - clerk: an officer or admin of the meeting's organisation (API tokens never).
 * - seatedChair: a person holding the chair or vice-chair seat of the meeting's body,
 *   with a role of member or above: a viewer given a chair's seat is not the chair.
 *   Signing the minutes is theirs alone (the signature is personal).
 * - chair: who may run the meeting from the chair: the seated chair, or an admin (the
 *   company secretary drives the meeting on the chair's instruction).
 * - beforeOpening: the meeting has not yet been opened (app/shared/meetings/meeting-stage).
 */
export const meetingRoles = {
  clerk: (p: Principal, m: InOrganisation) => inOrganisation(p, m.organisationId) && hasRole(p, "officer"),
  seatedChair: (p: Principal, m: InOrganisation, seat: Seat) =>
    inOrganisation(p, m.organisationId) && hasRole(p, "member") && holdsChairSeat(seat),
  chair: (p: Principal, m: InOrganisation, seat: Seat) =>
    meetingRoles.seatedChair(p, m, seat) || (inOrganisation(p, m.organisationId) && hasRole(p, "admin")),
  beforeOpening: isBeforeOpening,
} as const;
