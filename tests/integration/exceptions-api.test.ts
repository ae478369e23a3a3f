import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as exceptionsApi } from "../../app/routes/api.v1.o.$orgSlug.exceptions";
import { loader as exceptionsPage } from "../../app/routes/o.$orgSlug.exceptions";
import { defaultReportingPeriod } from "../../server/performance/scorecard";
import { requestAs, seedDemoCallers, type DemoCallers } from "../support/demo-callers";
import { createTestServices, loadContext, statusOf } from "../support/test-services";

/*
 * GET /api/v1/o/:orgSlug/exceptions (issue 14, section 2): the indicators that need a
 * commentary, with their status and the commentary's state, for a token or a session of
 * the organisation, and never for another organisation.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let orgId: string;
let cookies: DemoCallers["cookies"];
let token: string;
let otherToken: string;

beforeAll(async () => {
  services = await createTestServices("demo");
  ({ orgId, cookies, token, otherToken } = await seedDemoCallers(services));
}, 300_000); // seeding the demo takes a minute or more on a busy machine
afterAll(() => services.cleanup());

const api = (query: string, auth: { cookie?: string; token?: string }, orgSlug = "northfield") =>
  exceptionsApi({
    request: requestAs(`/api/v1/o/${orgSlug}/exceptions${query}`, auth),
    context: loadContext(services),
    params: { orgSlug },
  }) as Promise<Response>;

type ApiException = {
  code: string;
  period: string;
  status: string;
  commentary: { state: "missing" | "draft" | "ready"; stateText: string; missing: string[] };
};

describe("GET /api/v1/o/:orgSlug/exceptions", () => {
  it("answers a token with the last published month's exceptions: the exceptions page's list, with each commentary's state", async () => {
    const response = await api("", { token });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { organisation: string; period: string; exceptions: ApiException[] };
    expect(body.organisation).toBe("northfield");
    expect(body.period).toBe(await defaultReportingPeriod(services.db, orgId));
    expect(body.exceptions.length).toBeGreaterThan(0);

    // The page and the API read one list, so one rule decides what is an exception.
    const page = (await exceptionsPage({
      request: requestAs(`/o/northfield/exceptions?period=${body.period}`, { cookie: cookies.viewer }),
      context: loadContext(services),
      params: { orgSlug: "northfield" },
    }))!;
    expect(body.exceptions.map((e) => [e.code, e.status, e.commentary.state])).toEqual(
      page.items.map((i) => [i.code, i.line.status, i.status]),
    );
    for (const e of body.exceptions) {
      expect(["missing", "draft", "ready"]).toContain(e.commentary.state);
      if (e.commentary.state === "missing") expect(e.commentary.missing.length).toBeGreaterThan(0);
    }
  });

  it("answers a chosen period, and 400 to a malformed one", async () => {
    const october = (await (await api("?period=2026-10", { token })).json()) as { period: string };
    expect(october.period).toBe("2026-10");
    const bad = await api("?period=October", { token });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/YYYY-MM/);
  });

  it("answers every role of the organisation signed in", async () => {
    for (const role of ["admin", "officer", "viewer"] as const) {
      expect(await statusOf(api("", { cookie: cookies[role] }))).toBe(200);
    }
  });

  it("refuses no credentials (401) and another organisation's token or member (404)", async () => {
    expect(await statusOf(api("", {}))).toBe(401);
    expect(await statusOf(api("", { token: otherToken }))).toBe(404);
    expect(await statusOf(api("", { cookie: cookies.outsider }))).toBe(404);
    // Their own organisation's path answers them, with nothing of Northfield's.
    const own = (await (await api("", { token: otherToken }, "southbank")).json()) as { exceptions: unknown[] };
    expect(own.exceptions).toEqual([]);
  });
});
