/*
 * The authorization matrix: for every page and API route (each Remix route module under
 * app/routes, its loader and its action), every socket.io event and every kind of shared
 * (Yjs) document, the answer each kind of caller gets, in their own organisation and in
 * another. authorization-matrix.test.ts asks every cell and fails when a route module or
 * an event is missing from this table.
 *
 * Answers:
 * - "allowed": the request gets past authentication and authorization (a page, a redirect
 *   elsewhere than the sign-in page, or a refusal of the input or the state of things
 *   made after the authorization, such as 409 "the meeting has closed").
 * - "read" / "write": for shared documents, the access the connection gets.
 * - "sign-in": a redirect to the sign-in page (pages without a session).
 * - 401: no identity an API, a socket or a document accepts.
 * - 403: known, in the organisation, but not allowed.
 * - 404: not found, as for everything of another organisation (its existence is not given away).
 * - 405: the method is not served, to anyone: there is nothing to authorize.
 */

export const CALLERS = [
  "anonymous",
  "own:viewer",
  "own:member",
  "own:chair",
  "own:officer",
  "own:admin",
  "own:api-token",
  "other:viewer",
  "other:member",
  "other:officer",
  "other:admin",
  "other:api-token",
] as const;
export type Caller = (typeof CALLERS)[number];
export type Answer = "allowed" | "read" | "write" | "sign-in" | 401 | 403 | 404 | 405;
export type Row = Record<Caller, Answer>;

const OWN_ROLES = ["own:viewer", "own:member", "own:chair", "own:officer", "own:admin"] as const;
const OTHER_ROLES = ["other:viewer", "other:member", "other:officer", "other:admin"] as const;
type OwnRole = (typeof OWN_ROLES)[number];
const RANK: Record<OwnRole, number> = { "own:viewer": 0, "own:member": 1, "own:chair": 1, "own:officer": 2, "own:admin": 3 };
const RANK_OF = { viewer: 0, member: 1, officer: 2, admin: 3 } as const;

function row(anonymous: Answer, own: (role: OwnRole) => Answer, ownToken: Answer, other: Answer, otherToken: Answer): Row {
  const result = { anonymous, "own:api-token": ownToken, "other:api-token": otherToken } as Row;
  for (const role of OWN_ROLES) result[role] = own(role);
  for (const role of OTHER_ROLES) result[role] = other;
  return result;
}

/** A page of the organisation: sign in first, 404 for another organisation, 403 below the role needed. */
export const orgPage = (minimum: keyof typeof RANK_OF = "viewer", overrides: Partial<Row> = {}): Row => ({
  ...row("sign-in", (role) => (RANK[role] >= RANK_OF[minimum] ? "allowed" : 403), "sign-in", 404, "sign-in"),
  ...overrides,
});

/** An API route: a session or an API token; 401 without either, 404 for another organisation. */
export const apiRoute = (minimum: keyof typeof RANK_OF | "token-or-admin" = "viewer", overrides: Partial<Row> = {}): Row => ({
  ...row(
    401,
    (role) =>
      minimum === "token-or-admin" ? (role === "own:admin" ? "allowed" : 403) : RANK[role] >= RANK_OF[minimum] ? "allowed" : 403,
    minimum === "viewer" || minimum === "token-or-admin" ? "allowed" : 403,
    404,
    404,
  ),
  ...overrides,
});

/** Open to everyone, signed in or not, in any organisation. */
export const publicRoute = (): Row => everyoneGets("allowed");
/** The same answer whoever asks. */
export const everyoneGets = (answer: Answer): Row => row(answer, () => answer, answer, answer, answer);

/** A socket.io event on the authenticated namespace: the session cookie is the only identity. */
const socketEvent = (own: (role: OwnRole) => Answer, other: Answer = 404): Row => row(401, own, 401, other, 401);
const everyone = () => "allowed" as const;
const chairOnly = (role: OwnRole): Answer => (role === "own:chair" || role === "own:admin" ? "allowed" : 403);
const participants = (role: OwnRole): Answer => (role === "own:viewer" ? 403 : "allowed");
const clerkOnly = (role: OwnRole): Answer => (role === "own:officer" || role === "own:admin" ? "allowed" : 403);
/** Voting: a seated member of the body, present, with no interest declared (the member and the chair here). */
const seatedMembers = (role: OwnRole): Answer => (role === "own:member" || role === "own:chair" ? "allowed" : 403);

/**
 * GET (the loader) and POST (the action) of every route module, by its name under app/routes.
 * A module without an action has no POST entry; one with an action must have one.
 */
export const ROUTES: Record<string, { GET?: Row; POST?: Row }> = {
  "_index.tsx": { GET: row("sign-in", everyone, "sign-in", "allowed", "sign-in") },
  "account.tsx": {
    GET: row("sign-in", everyone, "sign-in", "allowed", "sign-in"),
    POST: row("sign-in", everyone, "sign-in", "allowed", "sign-in"),
  },
  "api.v1.o.$orgSlug.collab-tokens.ts": { GET: everyoneGets(405), POST: apiRoute("viewer") },
  "api.v1.o.$orgSlug.imports.$kind.ts": { GET: everyoneGets(405), POST: apiRoute("token-or-admin") },
  "api.v1.o.$orgSlug.packs.$packId.versions.$version.verify.ts": { GET: apiRoute("viewer") },
  "api.v1.o.$orgSlug.scorecard.ts": { GET: apiRoute("viewer") },
  "api.v1.o.$orgSlug.exceptions.ts": { GET: apiRoute("viewer") },
  // The golden thread's reads (ADR 021): anyone of the organisation, API tokens included.
  "api.v1.o.$orgSlug.indicators.$code.thread.ts": { GET: apiRoute("viewer"), POST: everyoneGets(405) },
  "api.v1.o.$orgSlug.objectives.$objectiveId.thread.ts": { GET: apiRoute("viewer"), POST: everyoneGets(405) },
  "api.v1.o.$orgSlug.reporting-months._index.ts": { GET: apiRoute("viewer"), POST: everyoneGets(405) },
  "api.v1.o.$orgSlug.reporting-months.$period.publish.ts": { GET: everyoneGets(405), POST: apiRoute("token-or-admin") },
  "invite.$token.tsx": { GET: publicRoute(), POST: publicRoute() },
  "o.$orgSlug._index.tsx": { GET: orgPage() },
  "o.$orgSlug.actions.$actionId.tsx": { GET: orgPage(), POST: orgPage("officer") },
  "o.$orgSlug.actions._index.tsx": { GET: orgPage(), POST: orgPage("officer") },
  "o.$orgSlug.admin.tsx": { GET: orgPage("admin"), POST: orgPage("admin") },
  "o.$orgSlug.areas.$area.tsx": { GET: orgPage() },
  "o.$orgSlug.areas._index.tsx": { GET: orgPage(), POST: orgPage("admin") },
  "o.$orgSlug.bodies.$bodyId.tsx": { GET: orgPage(), POST: orgPage("officer") },
  "o.$orgSlug.bodies._index.tsx": { GET: orgPage(), POST: orgPage("officer") },
  // Moving a commentary back to draft: an admin, or an officer who owns the indicator (the demo's officer only manages it).
  "o.$orgSlug.exceptions.$code.tsx": { GET: orgPage(), POST: orgPage("admin") },
  "o.$orgSlug.exceptions.tsx": { GET: orgPage() },
  "o.$orgSlug.exception-setting.tsx": { GET: orgPage("admin"), POST: orgPage("admin") },
  "o.$orgSlug.imports.tsx": { GET: orgPage("admin"), POST: orgPage("admin") },
  // A register of interests: members and above keep their own (the clerk also reads everyone's).
  "o.$orgSlug.interests.tsx": { GET: orgPage("member"), POST: orgPage("member") },
  "o.$orgSlug.my-papers.tsx": { GET: orgPage() },
  // The golden thread (ADR 021): everyone reads; progress is recorded by officers, admins and the action's owner
  // (neither of the matrix's members owns the demo's action); improvements are logged by officers and admins.
  "o.$orgSlug.objectives._index.tsx": { GET: orgPage() },
  "o.$orgSlug.objectives.$objectiveId.tsx": { GET: orgPage() },
  "o.$orgSlug.plans._index.tsx": { GET: orgPage() },
  "o.$orgSlug.plans.$planId._index.tsx": { GET: orgPage() },
  "o.$orgSlug.plans.$planId.actions.$planActionId.tsx": { GET: orgPage(), POST: orgPage("officer") },
  "o.$orgSlug.improvements.tsx": { GET: orgPage(), POST: orgPage("officer") },
  "o.$orgSlug.months.tsx": { GET: orgPage("admin"), POST: orgPage("admin") },
  // Recording a figure: an admin, or an officer who owns or manages the indicator (the demo's officer manages this one).
  "o.$orgSlug.indicators.$code": { GET: orgPage(), POST: orgPage("officer") },
  // The indicator library (list, themes, retiring, the forms and its CSV): the performance team (admins).
  "o.$orgSlug.indicators.$code_.edit.tsx": { GET: orgPage("admin"), POST: orgPage("admin") },
  "o.$orgSlug.indicators._index.tsx": { GET: orgPage("admin"), POST: orgPage("admin") },
  "o.$orgSlug.indicators.new.tsx": { GET: orgPage("admin"), POST: orgPage("admin") },
  "o.$orgSlug.indicators[.csv].tsx": { GET: orgPage("admin") },
  "o.$orgSlug.meetings.$meetingId._index": { GET: orgPage(), POST: orgPage("officer") },
  // Apologies: a person seated on the meeting's body, for themselves (the demo's officer and admin hold no seat).
  "o.$orgSlug.meetings.$meetingId.apologies.tsx": {
    GET: orgPage("member", { "own:officer": 403, "own:admin": 403 }),
    POST: orgPage("member", { "own:officer": 403, "own:admin": 403 }),
  },
  "o.$orgSlug.meetings.$meetingId.pack.tsx": { GET: orgPage(), POST: orgPage("officer") },
  // Starting a cover report (the page itself creates nothing): the clerk, before the meeting opens.
  "o.$orgSlug.meetings.$meetingId.reports.$itemId": { GET: orgPage(), POST: orgPage("officer") },
  "o.$orgSlug.meetings.$meetingId.session": {
    GET: orgPage(),
    // Signing the minutes: the seated chair alone (an admin chairs the meeting but does not sign for the chair).
    POST: orgPage("viewer", { "own:viewer": 403, "own:member": 403, "own:officer": 403, "own:admin": 403 }),
  },
  "o.$orgSlug.meetings._index.tsx": { GET: orgPage(), POST: orgPage("officer") },
  "o.$orgSlug.packs.$packId.v.$version._index.tsx": { GET: orgPage() },
  "o.$orgSlug.packs.$packId.v.$version.html.ts": { GET: orgPage() },
  "o.$orgSlug.packs.$packId.v.$version.pdf.ts": { GET: orgPage() },
  "o.$orgSlug.packs._index.tsx": { GET: orgPage() },
  "o.$orgSlug.scorecard.tsx": { GET: orgPage() },
  "o.$orgSlug.scorecard[.csv].tsx": { GET: orgPage() },
  "o.$orgSlug.tsx": { GET: orgPage() },
  "o.$orgSlug_.meetings.$meetingId.present.tsx": { GET: orgPage() },
  "p.$orgSlug._index.tsx": { GET: publicRoute() },
  "p.$orgSlug.packs.$packId.v.$version.ts": { GET: publicRoute() },
  "p.$orgSlug.packs.$packId.v.$version[.pdf].ts": { GET: publicRoute() },
  "p.$orgSlug.screen.tsx": { GET: publicRoute() },
  "reset.$token.tsx": { GET: publicRoute(), POST: publicRoute() },
  "sign-in.tsx": { GET: publicRoute(), POST: publicRoute() },
  // Signing out always ends on the sign-in page, signed in or not.
  "sign-out.tsx": { GET: publicRoute(), POST: everyoneGets("sign-in") },
  "switch-organisation.tsx": { GET: orgPage() },
};

/** Every socket.io event a client may send, by name. */
export const SOCKET_EVENTS: Record<string, Row> = {
  // The organisation's live figures: its members; another organisation's slug is "not found".
  "org:join": socketEvent(everyone),
  // The public namespace (reception screens): no identity at all.
  "public:join": publicRoute(),
  "meeting:join": socketEvent(everyone),
  // Leaving a room tells nothing and changes nothing for a room one is not in: anyone signed in may ask.
  "meeting:leave": socketEvent(everyone, "allowed"),
  "meeting:move": socketEvent(chairOnly),
  "hand:raise": socketEvent(participants),
  // Lowering one's own hand (the chair may name another's: that is the chair's rule).
  "hand:lower": socketEvent(participants),
  "hand:call-next": socketEvent(chairOnly),
  "interest:declare": socketEvent(participants),
  "motion:propose": socketEvent(chairOnly),
  "vote:cast": socketEvent(seatedMembers),
  "motion:count": socketEvent(clerkOnly),
  "motion:close": socketEvent(chairOnly),
  "motion:withdraw": socketEvent(chairOnly),
};

/** Every kind of shared document: opening it at /collab/<name> (a session, or a token from collab-tokens). */
export const COLLAB_DOCUMENTS: Record<string, Row> = {
  // An exception commentary: its indicator's owner or manager if an officer (the demo's officer manages it), or an admin, writes.
  exception: row(401, (role) => (RANK[role] >= 2 ? "write" : "read"), "read", 403, 403),
  // The meeting's record (minutes, actions): members and above write, viewers read.
  meeting: row(401, (role) => (role === "own:viewer" ? "read" : "write"), "read", 403, 403),
  // A cover report: officers and admins write.
  report: row(401, (role) => (RANK[role] >= 2 ? "write" : "read"), "read", 403, 403),
};
