import { readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq } from "drizzle-orm";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  COLLAB_DOCUMENT_TYPES,
  exceptionDocumentName,
  meetingDocumentName,
  reportDocumentName,
} from "../../app/shared/collab/document-names";
import { roomPayloads } from "../../app/shared/meetings/room-events";
import type { Role } from "../../db/schema/identity";
import { actions, agendaItems, meetingAttendance, meetings, motions } from "../../db/schema/meetings";
import { coverReports } from "../../db/schema/packs";
import { indicators } from "../../db/schema/performance";
import { listAreas } from "../../db/queries/performance-library";
import { findPlanActionByCode, listObjectives } from "../../db/queries/plans";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { findUserByEmail } from "../../db/queries/users";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createApiToken } from "../../server/commands/api-token-creator";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { createHttpServer, type RunningHttpServer } from "../../server/http-server";
import { freezePack } from "../../server/packs/freeze-pack";
import { mintCollabToken } from "../../server/realtime/yjs/collab-token";
import { processResolvers } from "../../server/realtime/yjs/document-resolvers";
import { createPostgresStorage } from "../../server/realtime/yjs/document-storage";
import { decideUpgrade } from "../../server/realtime/yjs/upgrade-auth";
import { cookieFor, createTestServices, loadContext } from "../support/test-services";
import {
  CALLERS,
  COLLAB_DOCUMENTS,
  ROUTES,
  SOCKET_EVENTS,
  type Answer,
  type Caller,
  type Row,
} from "./authorization-matrix.table";

/*
 * The authorization matrix (see authorization-matrix.table.ts): every route module's
 * loader and action, every socket.io event and every kind of shared document, asked by
 * every kind of caller of the organisation and of another. One database, made once: the
 * demo organisation ("northfield") and a second organisation ("southbank"). Routes are
 * called as loaders and actions; socket events go through a real socket.io server on
 * port 0; documents through the upgrade's own decision (decideUpgrade).
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, "../..");
const ROUTES_DIR = path.join(root, "app/routes");

let services: Awaited<ReturnType<typeof createTestServices>>;
let http: RunningHttpServer;
let base: string;
const cookies: Partial<Record<Caller, string>> = {};
const tokens: Partial<Record<Caller, string>> = {};
const userIds: Partial<Record<Caller, string>> = {};
const ids = {} as {
  org: string;
  otherOrg: string;
  packId: string;
  publicPackId: string;
  october: string;
  november: string;
  december: string;
  previousMinutesItem: string;
  reportItem: string;
  reportId: string;
  bodyId: string;
  actionId: string;
  indicatorId: string;
  indicatorCode: string;
  motionId: string;
  agendaItem: string;
  otherItem: string;
  areaId: string;
  planId: string;
  planActionId: string;
  objectiveId: string;
};

beforeAll(async () => {
  services = await createTestServices("demo");
  const { db } = services;
  const org = (await findOrganisationBySlug(db, "northfield"))!;
  ids.org = org.id;
  ids.areaId = (await listAreas(db, org.id)).find((a) => a.name === "North")!.id;
  const emails: Partial<Record<Caller, string>> = {
    "own:viewer": "viewer@northfield.example",
    "own:member": "mark.ellis@northfield.example",
    "own:chair": "member@northfield.example",
    "own:officer": "officer@northfield.example",
    "own:admin": "admin@northfield.example",
  };
  for (const [caller, email] of Object.entries(emails) as [Caller, string][]) {
    userIds[caller] = (await findUserByEmail(db, email))!.id;
  }
  const other = await createOrganisation(db, { slug: "southbank", name: "Southbank" }, SYSTEM_ACTOR);
  ids.otherOrg = other.id;
  for (const role of ["viewer", "member", "officer", "admin"] as Role[]) {
    const person = await addMember(db, { organisationId: other.id, email: `${role}@southbank.example`, role }, SYSTEM_ACTOR);
    userIds[`other:${role}` as Caller] = person.id;
  }
  for (const [caller, id] of Object.entries(userIds) as [Caller, string][]) cookies[caller] = await cookieFor(services, id);
  tokens["own:api-token"] = (
    await createApiToken(db, { organisationId: org.id, name: "Matrix", createdBy: null }, SYSTEM_ACTOR)
  ).token;
  tokens["other:api-token"] = (
    await createApiToken(db, { organisationId: other.id, name: "Matrix", createdBy: null }, SYSTEM_ACTOR)
  ).token;

  const rows = await db.select().from(meetings).where(eq(meetings.organisationId, org.id)).orderBy(meetings.startsAt);
  const october = rows.find((m) => m.status === "closed")!;
  const november = rows.find((m) => m.status === "agenda_published")!;
  const december = rows.find((m) => m.status === "draft")!;
  Object.assign(ids, { october: october.id, november: november.id, december: december.id, bodyId: november.bodyId });
  const officer = { userId: userIds["own:officer"]!, label: "officer", name: "Officer" };
  ids.packId = (await freezePack(services, { meeting: october, kind: "minutes", reason: "", actor: officer })).packId;
  // December's published agenda pack is public: what the public pages serve.
  ids.publicPackId = (await freezePack(services, { meeting: december, kind: "agenda", reason: "", actor: officer })).packId;

  // November is in session, everyone seated is present, and a named vote is open on one of its items.
  await db.update(meetings).set({ status: "in_session" }).where(eq(meetings.id, november.id));
  const items = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, november.id)).orderBy(agendaItems.position);
  ids.previousMinutesItem = items.find((i) => i.kind === "previous_minutes")!.id;
  ids.agendaItem = items[items.length - 1].id;
  ids.otherItem = items[0].id;
  for (const caller of ["own:member", "own:chair"] as const) {
    await db
      .insert(meetingAttendance)
      .values({ meetingId: november.id, userId: userIds[caller]!, name: caller, capacity: "member", attendance: "present" })
      .onConflictDoNothing();
    await db
      .update(meetingAttendance)
      .set({ attendance: "present", leftAt: null })
      .where(and(eq(meetingAttendance.meetingId, november.id), eq(meetingAttendance.userId, userIds[caller]!)));
  }
  const [motion] = await db
    .insert(motions)
    .values({ meetingId: november.id, agendaItemId: ids.agendaItem, wording: "That the report be noted.", method: "named" })
    .returning();
  ids.motionId = motion.id;

  const [report] = await db
    .insert(agendaItems)
    .values({ meetingId: december.id, position: 99, kind: "report", title: "Damp and mould policy" })
    .returning();
  ids.reportItem = report.id;
  const [cover] = await db.insert(coverReports).values({ organisationId: org.id, agendaItemId: report.id }).returning();
  ids.reportId = cover.id;
  const [action] = await db.select().from(actions).where(eq(actions.organisationId, org.id)).limit(1);
  ids.actionId = action.id;
  const [indicator] = await db.select().from(indicators).where(eq(indicators.organisationId, org.id)).limit(1);
  Object.assign(ids, { indicatorId: indicator.id, indicatorCode: indicator.code });
  const planAction = (await findPlanActionByCode(db, org.id, "SIP-REP", "A1"))!;
  const [objective] = await listObjectives(db, org.id);
  Object.assign(ids, { planId: planAction.planId, planActionId: planAction.id, objectiveId: objective!.id });

  http = await createHttpServer(services, { withRemix: false });
  await new Promise<void>((resolve) => http.server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
}, 180_000);
afterAll(async () => {
  await http?.close();
  await services.cleanup();
});

// ---- What the table must cover ----

/** Route modules: each file or folder under app/routes. */
const routeModules = () => readdirSync(ROUTES_DIR).sort();

/** The event names a client may send, from where they are declared. */
function declaredEvents(): string[] {
  const fromInterface = (file: string, name: string) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const body = new RegExp(`interface ${name}\\s*{([\\s\\S]*?)\\n}`).exec(source)?.[1] ?? "";
    return [...body.matchAll(/^\s*"([^"]+)"\s*:/gm)].map((m) => m[1]);
  };
  return [
    ...fromInterface("app/shared/realtime-events.ts", "ClientToServerEvents"),
    ...fromInterface("app/components/public/public-channel.ts", "PublicClientToServerEvents"),
    ...Object.keys(roomPayloads),
  ].sort();
}

describe("the table", () => {
  it("names every route module under app/routes, with a POST entry exactly when the module has an action", async () => {
    expect(Object.keys(ROUTES).sort()).toEqual(routeModules());
    for (const name of routeModules()) {
      const module = await loadRoute(name);
      expect({ name, GET: "loader" in module, POST: "action" in module }).toEqual({
        name,
        GET: ROUTES[name].GET !== undefined,
        POST: ROUTES[name].POST !== undefined,
      });
    }
  });
  it("names every socket.io event a client may send", () => {
    expect(declaredEvents().length).toBeGreaterThan(10);
    expect(Object.keys(SOCKET_EVENTS).sort()).toEqual(declaredEvents());
  });
  it("names every kind of shared document", () => {
    expect(Object.keys(COLLAB_DOCUMENTS).sort()).toEqual([...COLLAB_DOCUMENT_TYPES].sort());
  });
  it("has an answer for every caller in every row", () => {
    const rows = [
      ...Object.values(ROUTES).flatMap((r) => [r.GET, r.POST].filter((x): x is Row => x !== undefined)),
      ...Object.values(SOCKET_EVENTS),
      ...Object.values(COLLAB_DOCUMENTS),
    ];
    for (const row of rows) expect(Object.keys(row).sort()).toEqual([...CALLERS].sort());
  });
});

// ---- Asking ----

async function loadRoute(name: string): Promise<{ loader?: Handler; action?: Handler }> {
  const file = readdirSync(ROUTES_DIR, { withFileTypes: true }).find((e) => e.name === name)!;
  const target = file.isDirectory()
    ? path.join(
        ROUTES_DIR,
        name,
        readdirSync(path.join(ROUTES_DIR, name)).find((f) => /^route\.tsx?$/.test(f))!,
      )
    : path.join(ROUTES_DIR, name);
  return (await import(/* @vite-ignore */ target)) as { loader?: Handler; action?: Handler };
}

type Handler = (args: { request: Request; context: ReturnType<typeof loadContext>; params: Record<string, string> }) => unknown;

/** The path parameters of a route (those its name has), pointing at the demo organisation's things. */
function paramsOf(name: string): Record<string, string> {
  const all = allParams();
  // The cover report is on December's agenda; the public pages serve a published agenda pack.
  if (name.includes(".reports.")) all.meetingId = ids.december;
  if (name.startsWith("p.")) all.packId = ids.publicPackId;
  const wanted = [...name.matchAll(/\$([a-zA-Z]+)/g)].map((m) => m[1]);
  return Object.fromEntries(wanted.map((key) => [key, all[key]]));
}

const allParams = (): Record<string, string> => ({
  orgSlug: "northfield",
  packId: ids.packId,
  version: "1",
  meetingId: ids.november,
  itemId: ids.reportItem,
  actionId: ids.actionId,
  bodyId: ids.bodyId,
  code: ids.indicatorCode,
  area: "North",
  token: "not-a-real-link-token-0000000000",
  kind: "actuals",
  period: "2026-10",
  planId: ids.planId,
  planActionId: ids.planActionId,
  objectiveId: ids.objectiveId,
});

/** Per route, what a POST sends (a real, harmless request, so that it reaches the authorization), and the meeting. */
const NOBODYS_ID = "00000000-0000-4000-8000-000000000000";

const libraryIndicatorFields = () => ({
  title: "Matrix indicator",
  category: "Local indicator",
  themeId: NOBODYS_ID,
  unit: "count",
  polarity: "lower",
  frequency: "monthly",
  aggregation: "sum",
  decimals: "0",
  ownerUserId: userIds["own:admin"]!,
});

function postFor(name: string): {
  fields?: Record<string, string>;
  json?: unknown;
  body?: string;
  meetingId?: string;
  itemId?: string;
} {
  switch (name) {
    case "api.v1.o.$orgSlug.collab-tokens.ts":
      return { json: { document: meetingDocumentName(ids.november), access: "read" } };
    case "api.v1.o.$orgSlug.imports.$kind.ts":
      return { body: "" };
    // Without a note, publishing the demo's October (figures not verified) is refused 409: nothing changes.
    case "api.v1.o.$orgSlug.reporting-months.$period.publish.ts":
      return { json: {} };
    case "o.$orgSlug.months.tsx":
      return { fields: { period: "2026-10" } };
    case "o.$orgSlug.actions.$actionId.tsx":
      return { fields: { status: "on_track", note: "Checked by the authorization matrix" } };
    case "o.$orgSlug.actions._index.tsx":
      return {
        fields: { intent: "add", description: "Matrix action", ownerUserId: userIds["own:officer"]!, dueDate: "2027-01-31" },
      };
    case "o.$orgSlug.admin.tsx":
      return { fields: { intent: "create-token", name: "Matrix token" } };
    // The demo's own setting again: allowed, and nothing changes for the other cells.
    case "o.$orgSlug.exception-setting.tsx":
      return { fields: { exceptionRule: "not_on_target" } };
    case "o.$orgSlug.meetings.$meetingId.reports.$itemId":
      return { fields: { intent: "start" } };
    case "o.$orgSlug.areas._index.tsx":
      return { fields: { intent: "update-area", areaId: ids.areaId, name: "North", homes: "4200" } };
    case "o.$orgSlug.bodies.$bodyId.tsx":
      return {
        fields: {
          intent: "update-body",
          name: "Performance Committee",
          kind: "committee",
          minutePrefix: "PC",
          termsOfReference: "",
          quorumCount: "4",
          quorumRequiresKind: "tenant",
          areaId: "",
        },
      };
    case "o.$orgSlug.bodies._index.tsx":
      return {
        fields: {
          name: "Matrix Panel",
          kind: "committee",
          minutePrefix: "MX",
          termsOfReference: "",
          quorumCount: "2",
          quorumRequiresKind: "",
          areaId: "",
        },
      };
    case "o.$orgSlug.exceptions.$code.tsx":
      return { fields: { intent: "draft", period: "2026-09" } };
    case "o.$orgSlug.imports.tsx":
      return { fields: { intent: "commit" } };
    case "o.$orgSlug.indicators.$code":
      return { fields: { intent: "record", period: "2020-01", value: "1", reason: "Matrix" } };
    // The library's forms: well formed, naming a theme that is nobody's, so that the command refuses after
    // the authorization and the demo's library stays as it is for the other rows.
    case "o.$orgSlug.indicators._index.tsx":
      return { fields: { intent: "move-theme", themeId: NOBODYS_ID, direction: "up" } };
    case "o.$orgSlug.indicators.new.tsx":
      return { fields: { ...libraryIndicatorFields(), code: "MATRIX1" } };
    case "o.$orgSlug.indicators.$code_.edit.tsx":
      return { fields: libraryIndicatorFields() };
    case "o.$orgSlug.meetings.$meetingId._index":
      return { fields: { intent: "publish" }, meetingId: ids.october };
    // Withdrawing apologies nobody sent (November is in session, its seated callers present): refused after authorization.
    case "o.$orgSlug.meetings.$meetingId.apologies.tsx":
      return { fields: { intent: "withdraw" } };
    case "o.$orgSlug.interests.tsx":
      return { fields: { intent: "remove", interestId: NOBODYS_ID } };
    case "o.$orgSlug.meetings.$meetingId.pack.tsx":
      return { fields: { intent: "minutes" }, meetingId: ids.october };
    case "o.$orgSlug.meetings.$meetingId.session":
      return { fields: { intent: "sign-minutes", itemId: ids.previousMinutesItem } };
    case "o.$orgSlug.meetings._index.tsx":
      return {
        fields: {
          bodyId: ids.bodyId,
          kind: "",
          title: "",
          date: "2027-02-01",
          time: "18:00",
          place: "Committee Room 1",
          onlineLink: "",
        },
      };
    case "sign-in.tsx":
      return { fields: { email: "nobody@example.org", password: "wrong password" } };
    default:
      return { fields: { intent: "matrix" } };
  }
}

function identityHeaders(caller: Caller): Record<string, string> {
  if (caller.endsWith("api-token")) return { Authorization: `Bearer ${tokens[caller]}` };
  return cookies[caller] ? { Cookie: cookies[caller]! } : {};
}

/** What a loader's or action's answer means: a status, or where it redirects. */
function answerOf(status: number, location: string | null): Answer {
  if (status >= 300 && status < 400 && location?.startsWith("/sign-in")) return "sign-in";
  if (status === 401 || status === 403 || status === 404 || status === 405) return status;
  return "allowed";
}

async function askRoute(name: string, method: "GET" | "POST", caller: Caller): Promise<Answer> {
  const module = await loadRoute(name);
  const handler = method === "GET" ? module.loader! : module.action!;
  const post = method === "POST" ? postFor(name) : {};
  const routeParams: Record<string, string> = { ...paramsOf(name), ...(post.meetingId ? { meetingId: post.meetingId } : {}) };
  const headers: Record<string, string> = { ...identityHeaders(caller), Origin: "http://localhost" };
  // Signing out ends the session it is sent with: it gets a session of its own.
  if (name === "sign-out.tsx" && userIds[caller]) headers.Cookie = await cookieFor(services, userIds[caller]!);
  let body: BodyInit | undefined;
  if (post.json !== undefined) {
    body = JSON.stringify(post.json);
    headers["Content-Type"] = "application/json";
  } else if (post.body !== undefined) {
    body = post.body;
    headers["Content-Type"] = "text/csv";
  } else if (post.fields) {
    body = new URLSearchParams(post.fields);
    headers["Content-Type"] = "application/x-www-form-urlencoded";
  }
  const query = name === "switch-organisation.tsx" ? "?to=northfield" : "";
  const url = `http://localhost/${name.replace(/\.tsx?$/, "").replace(/\$([a-zA-Z]+)/g, (_, p: string) => routeParams[p] ?? p)}${query}`;
  const request = new Request(url, { method, headers, body });
  try {
    const result = await handler({ request, context: loadContext(services), params: routeParams });
    if (result instanceof Response) return answerOf(result.status, result.headers.get("Location"));
    const init = (result as { init?: { status?: number } | null })?.init;
    return answerOf(init?.status ?? 200, null);
  } catch (thrown) {
    if (thrown instanceof Response) return answerOf(thrown.status, thrown.headers.get("Location"));
    throw thrown;
  }
}

// ---- Sockets ----

type AnyClient = ClientSocket;

async function connect(caller: Caller, namespace = ""): Promise<AnyClient | 401> {
  const client = connectClient(`${base}${namespace}`, {
    transports: ["websocket"],
    extraHeaders: { ...identityHeaders(caller), origin: base },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    client.once("connect", () => resolve(client));
    client.once("connect_error", (error) => {
      client.close();
      resolve(/unauthenticated/.test(error.message) ? 401 : (Promise.reject(error) as never));
    });
  });
}

/** Refusals that are the authorization's (meeting-room-access.ts): anything else came after it. */
const FORBIDDEN = [
  /^Only the chair or vice-chair can do that/,
  /^Only an officer acting as clerk can do that/,
  /^Your role lets you follow the meeting but not/,
  /^Only members of the body can vote/,
];

function socketAnswer(result: { ok: boolean; error?: string }): Answer {
  if (result.ok) return "allowed";
  if (result.error === "not found") return 404;
  if (FORBIDDEN.some((pattern) => pattern.test(result.error ?? ""))) return 403;
  return "allowed";
}

function eventPayload(event: string): unknown {
  const meetingId = ids.november;
  switch (event) {
    case "org:join":
    case "public:join":
      return "northfield";
    case "meeting:move":
      return { meetingId, itemId: ids.otherItem };
    case "hand:call-next":
      return { meetingId };
    case "interest:declare":
      return { meetingId, itemId: ids.otherItem, kind: "personal", note: "" };
    case "motion:propose":
      return { meetingId, itemId: ids.otherItem, wording: "That the matrix be noted.", method: "named" };
    case "vote:cast":
      return { motionId: ids.motionId, choice: "for" };
    case "motion:count":
      return { motionId: ids.motionId, for: 1, against: 0, abstain: 0 };
    case "motion:close":
    case "motion:withdraw":
      return { motionId: ids.motionId };
    default:
      return { meetingId };
  }
}

async function askSocket(event: string, caller: Caller): Promise<Answer> {
  const client = await connect(caller, event === "public:join" ? "/public" : "");
  if (client === 401) return 401;
  try {
    const result = (await client.timeout(5000).emitWithAck(event, eventPayload(event))) as { ok: boolean; error?: string };
    return socketAnswer(result);
  } finally {
    client.close();
  }
}

// ---- Shared documents ----

function documentName(type: string): string {
  if (type === "exception") return exceptionDocumentName(ids.indicatorId, "2026-09");
  if (type === "meeting") return meetingDocumentName(ids.november);
  return reportDocumentName(ids.reportId);
}

async function askDocument(type: string, caller: Caller): Promise<Answer> {
  const name = documentName(type);
  const headers: Record<string, string> = { host: "localhost", origin: "http://localhost" };
  let query = "";
  if (caller.endsWith("api-token")) {
    // What the collab-tokens route gives a token: read access, in the token's own organisation.
    const token = tokens[caller]!;
    const { findApiTokenOrganisation } = await import("../../server/commands/api-token-creator");
    const found = (await findApiTokenOrganisation(services.db, token))!;
    query = `?token=${
      mintCollabToken(services.config.sessionSecret, {
        document: name,
        access: "read",
        organisationId: found.organisationId,
        subject: { kind: "api-token", tokenId: found.tokenId },
      }).token
    }`;
  } else if (cookies[caller]) {
    headers.cookie = cookies[caller]!;
  }
  const request = { url: `/collab/${encodeURIComponent(name)}${query}`, headers } as unknown as IncomingMessage;
  const decision = await decideUpgrade(request, {
    db: services.db,
    sessionSecret: services.config.sessionSecret,
    publicUrl: undefined,
    resolvers: processResolvers,
    storage: createPostgresStorage(services.db),
  });
  if (decision.ok) return decision.access;
  return decision.code === 4401 ? 401 : decision.code === 4403 ? 403 : (decision.code as never);
}

// ---- The matrix ----

/** Asks every cell of a row and compares the whole row at once, so a failure shows every difference. */
async function expectRow(label: string, expected: Row, ask: (caller: Caller) => Promise<Answer>) {
  const actual = {} as Row;
  for (const caller of CALLERS) actual[caller] = await ask(caller);
  // MATRIX_PRINT=1 prints every row as answered, to write a new row from.
  if (process.env.MATRIX_PRINT) console.log(`MATRIX ${label} ${JSON.stringify(actual)}`);
  expect({ [label]: actual }).toEqual({ [label]: expected });
}

describe("pages and API routes", () => {
  for (const name of Object.keys(ROUTES)) {
    for (const method of ["GET", "POST"] as const) {
      const expected = ROUTES[name][method];
      if (expected)
        it(`${method} ${name}`, () => expectRow(`${method} ${name}`, expected, (caller) => askRoute(name, method, caller)));
    }
  }
});

describe("socket.io events", () => {
  for (const [event, expected] of Object.entries(SOCKET_EVENTS)) {
    it(event, () => expectRow(event, expected, (caller) => askSocket(event, caller)));
  }
});

describe("shared documents", () => {
  for (const [type, expected] of Object.entries(COLLAB_DOCUMENTS)) {
    it(type, () => expectRow(type, expected, (caller) => askDocument(type, caller)));
  }
});
