import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as exceptionsApi } from "../../app/routes/api.v1.o.$orgSlug.exceptions";
import { loader as exceptionsPage } from "../../app/routes/o.$orgSlug.exceptions";
import { action, loader } from "../../app/routes/o.$orgSlug.exception-setting";
import { exceptionRuleOf } from "../../db/queries/organisations";
import { auditLog } from "../../db/schema/identity";
import { SYSTEM_ACTOR } from "../../server/audit";
import { importFile } from "../../server/commands/import-committer";
import { createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";
import { riversideAndSouthbank, type Caller } from "../support/two-organisations";

/*
 * What counts as an exception (issue 14, section 3), set on /o/:org/exception-setting:
 * admins only, never another organisation's, audited, and the exceptions page and API
 * follow it. On an organisation made as the command line makes one (no demo), with one
 * amber and one red indicator imported through the same imports as a performance team's.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let riverside: { id: string };
let southbank: { id: string };
let cookies: Record<Caller, string>;
let adminId: string;

const PERIOD = "2026-10";

const csv = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  services = await createTestServices();
  let ids: Record<Caller, string>;
  ({ riverside, southbank, ids, cookies } = await riversideAndSouthbank(services));
  adminId = ids.admin;

  // RA1 is amber (27 days against 25, tolerance 3); RR1 is red (95% against 98, tolerance 1); RG1 is green.
  const files: [Parameters<typeof importFile>[1]["kind"], string][] = [
    [
      "indicators",
      [
        "code,title,theme,category,unit,polarity,frequency,aggregation,decimals",
        "RA1,Average days to re-let empty homes,Fair Access,National KPI,days,lower,monthly,mean,1",
        "RR1,Rent collected as a percentage of rent due,Valuing Resources,National KPI,%,higher,monthly,ratio,1",
        "RG1,Gas safety certificates in date,Decent Homes,Local indicator,%,higher,monthly,snapshot,1",
      ].join("\n"),
    ],
    ["targets", "indicator,year,target,tolerance\nRA1,2026/27,25,3\nRR1,2026/27,98,1\nRG1,2026/27,99,0.5\n"],
    [
      "actuals",
      [
        "indicator,period,area,value,numerator,denominator",
        `RA1,${PERIOD},All,27,,`,
        `RR1,${PERIOD},All,95,950,1000`,
        `RG1,${PERIOD},All,99.8,,`,
      ].join("\n"),
    ],
  ];
  for (const [kind, text] of files) {
    const outcome = await importFile(services.db, {
      organisationId: riverside.id,
      kind,
      bytes: csv(`${text}\n`),
      filename: `${kind}.csv`,
      actor: SYSTEM_ACTOR,
    });
    if (!outcome.ok) throw new Error(`${kind} did not import: ${JSON.stringify(outcome.problems)}`);
  }
}, 300_000);
afterAll(() => services.cleanup());

const get = (cookie: string, orgSlug = "riverside") =>
  loader({
    request: new Request(`http://localhost/o/${orgSlug}/exception-setting`, { headers: { Cookie: cookie } }),
    context: loadContext(services),
    params: { orgSlug },
  });
const post = (exceptionRule: string, cookie: string, orgSlug = "riverside") =>
  action({
    request: formRequest(`/o/${orgSlug}/exception-setting`, { exceptionRule }, cookie),
    context: loadContext(services),
    params: { orgSlug },
  });
const dataOf = (result: unknown) =>
  ((result as { data?: unknown }).data ?? result) as { fieldErrors?: Record<string, string>; message?: string };

/** The codes the exceptions page lists for the period, and the rule it says it follows. */
async function pageExceptions(cookie: string) {
  const page = await exceptionsPage({
    request: new Request(`http://localhost/o/riverside/exceptions?period=${PERIOD}`, { headers: { Cookie: cookie } }),
    context: loadContext(services),
    params: { orgSlug: "riverside" },
  });
  if (!page || !("items" in page)) throw new Error("the exceptions page answered nothing");
  return { codes: page.items.map((i) => i.code).sort(), rule: page.rule.label };
}

/** The codes the exceptions API answers for the period. */
async function apiExceptions(cookie: string) {
  const response = (await exceptionsApi({
    request: new Request(`http://localhost/api/v1/o/riverside/exceptions?period=${PERIOD}`, { headers: { Cookie: cookie } }),
    context: loadContext(services),
    params: { orgSlug: "riverside" },
  })) as Response;
  const body = (await response.json()) as { exceptions: { code: string; status: string }[] };
  return body.exceptions.map((e) => `${e.code} ${e.status}`).sort();
}

const ruleAudits = (organisationId: string) =>
  services.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, organisationId), eq(auditLog.action, "organisation.set_exception_rule")));

describe("the exception setting page", () => {
  it("shows an admin the setting, which starts as any figure not on target", async () => {
    expect(await get(cookies.admin)).toEqual({ orgSlug: "riverside", exceptionRule: "not_on_target" });
  });

  it("refuses officers, members and viewers, both to see and to change it", async () => {
    for (const role of ["officer", "member", "viewer"] as const) {
      expect(await statusOf(get(cookies[role])), role).toBe(403);
      expect(await statusOf(post("off_target_only", cookies[role])), role).toBe(403);
    }
    expect(await exceptionRuleOf(services.db, riverside.id)).toBe("not_on_target");
    expect(await ruleAudits(riverside.id)).toHaveLength(0);
  });

  it("keeps another organisation's admin out as if the organisation did not exist, and changes nothing", async () => {
    expect(await statusOf(get(cookies.outsider))).toBe(404);
    expect(await statusOf(post("off_target_only", cookies.outsider))).toBe(404);
    expect(await exceptionRuleOf(services.db, riverside.id)).toBe("not_on_target");
    // Their own organisation's setting is theirs alone.
    expect(await get(cookies.outsider, "southbank")).toEqual({ orgSlug: "southbank", exceptionRule: "not_on_target" });
  });

  it("answers a rule that does not exist as a form problem", async () => {
    const result = post("amber_only", cookies.admin);
    expect(await statusOf(result)).toBe(400);
    expect(dataOf(await result).fieldErrors?.exceptionRule).toBe("Choose what counts as an exception");
    expect(await exceptionRuleOf(services.db, riverside.id)).toBe("not_on_target");
  });

  it("by default counts amber and red as exceptions, on the page and in the API", async () => {
    expect(await pageExceptions(cookies.viewer)).toEqual({
      codes: ["RA1", "RR1"],
      rule: "Any figure not on target (within tolerance or off target)",
    });
    expect(await apiExceptions(cookies.officer)).toEqual(["RA1 within_tolerance", "RR1 off_target"]);
  });

  it("lets an admin count red only: the exceptions page and the API follow, and the change is audited", async () => {
    const result = dataOf(await post("off_target_only", cookies.admin));
    expect(result.message).toBe("Saved: what counts as an exception is now “Off target only”.");
    expect(await exceptionRuleOf(services.db, riverside.id)).toBe("off_target_only");
    expect(await pageExceptions(cookies.viewer)).toEqual({ codes: ["RR1"], rule: "Off target only" });
    expect(await apiExceptions(cookies.officer)).toEqual(["RR1 off_target"]);

    const [entry] = await ruleAudits(riverside.id);
    expect(entry).toMatchObject({
      actorUserId: adminId,
      actorLabel: "admin@riverside.example",
      subjectType: "organisation",
      subjectId: riverside.id,
      before: { exceptionRule: "not_on_target" },
      after: { exceptionRule: "off_target_only" },
    });
    // Another organisation's setting is untouched.
    expect(await exceptionRuleOf(services.db, southbank.id)).toBe("not_on_target");
  });

  it("says when nothing changed, and audits only changes", async () => {
    const result = dataOf(await post("off_target_only", cookies.admin));
    expect(result.message).toBe("No change: it was already “Off target only”.");
    expect(await ruleAudits(riverside.id)).toHaveLength(1);
  });

  it("puts amber back when the admin chooses any figure not on target again", async () => {
    await post("not_on_target", cookies.admin);
    expect(await apiExceptions(cookies.officer)).toEqual(["RA1 within_tolerance", "RR1 off_target"]);
    const audits = await ruleAudits(riverside.id);
    expect(audits).toHaveLength(2);
  });
});
