import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as importApi } from "../../app/routes/api.v1.o.$orgSlug.imports.$kind";
import { action as importPage } from "../../app/routes/o.$orgSlug.imports";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createApiToken } from "../../server/commands/api-token-creator";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { listAreas } from "../../db/queries/performance-library";
import { IMPORTS_BUSY_MESSAGE, ImportThreads } from "../../server/imports/import-threads";
import { cookieFor, createTestServices, loadContext } from "../support/test-services";

/*
 * Every thread busy and the queue full: an upload through the API or the import page is
 * refused at once (503, Retry-After), nothing is written, and once a thread is free the
 * same file goes in.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let adminCookie: string;
let organisationId: string;
let token: string;

beforeAll(async () => {
  services = await createTestServices();
  services.importThreads = new ImportThreads({ running: 1, waiting: 0 });
  const org = await createOrganisation(services.db, { slug: "northfield", name: "Northfield" }, SYSTEM_ACTOR);
  organisationId = org.id;
  const admin = await addMember(
    services.db,
    { organisationId: org.id, email: "admin@example.org", role: "admin", password: "the-right-password" },
    SYSTEM_ACTOR,
  );
  adminCookie = await cookieFor(services, admin.id);
  ({ token } = await createApiToken(services.db, { organisationId, name: "Housing system", createdBy: null }, SYSTEM_ACTOR));
});
afterAll(() => services.cleanup());

const AREAS = "area,homes\nNorth,1200\n";

const apiUpload = () =>
  importApi({
    request: new Request("http://localhost/api/v1/o/northfield/imports/areas", {
      method: "POST",
      body: AREAS,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/csv" },
    }),
    context: loadContext(services),
    params: { orgSlug: "northfield", kind: "areas" },
  }) as Promise<Response>;

function pageUpload() {
  const form = new FormData();
  form.set("kind", "areas");
  form.set("file", new File([AREAS], "areas.csv", { type: "text/csv" }));
  return importPage({
    request: new Request("http://localhost/o/northfield/imports", {
      method: "POST",
      body: form,
      headers: { Cookie: adminCookie, Origin: "http://localhost" },
    }),
    context: loadContext(services),
    params: { orgSlug: "northfield" },
  });
}

/** Holds the only thread until the test releases it. */
function occupyTheThread() {
  let release!: () => void;
  const holding = services.importThreads.run(() => new Promise<void>((resolve) => (release = resolve)));
  return async () => {
    release();
    await holding;
  };
}

describe("uploads when every import thread is busy", () => {
  it("are refused at once with 503 and Retry-After, write nothing, and go in once a thread is free", async () => {
    const release = occupyTheThread();

    const refused = await apiUpload();
    expect(refused.status).toBe(503);
    expect(refused.headers.get("Retry-After")).toBe("30");
    expect(await refused.json()).toEqual({ error: IMPORTS_BUSY_MESSAGE });

    // The page says the server is busy, not that the file is wrong.
    const page = (await pageUpload()) as unknown as {
      init: { status: number; headers: Record<string, string> };
      data: { stage: string; message: string; retry: unknown };
    };
    expect(page.init.status).toBe(503);
    expect(page.data).toMatchObject({ stage: "busy", message: IMPORTS_BUSY_MESSAGE, retry: null });

    expect(await listAreas(services.db, organisationId)).toEqual([]);

    await release();
    const accepted = await apiUpload();
    expect(accepted.status).toBe(200);
    expect((await listAreas(services.db, organisationId)).map((a) => a.name)).toEqual(["North"]);
  });
});
