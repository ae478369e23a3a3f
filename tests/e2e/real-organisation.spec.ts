import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { addMonths, financialYearOf } from "../../app/shared/performance/periods";
import { ukToday } from "../../app/shared/meetings/action-status";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";

/*
 * Issue 14's "Done when": a real organisation runs its month without the demo. An
 * installation of its own (MINUTED_SEED_DEMO=never, port 3503, a fresh embedded database);
 * the organisation, its admin and an officer are made with the command line; everything
 * else goes through the pages an admin and an officer use.
 */

// Beside the shared end-to-end server's port, so that runs on other ports do not collide.
const PORT = Number(process.env.E2E_PORT ?? 3300) + 203;
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = "riverside-password";
const ADMIN = "rhian@riverside.example";
const OFFICER = "owain@riverside.example";

// Last month is the month being reported; this month's figures are early.
const THIS_MONTH = ukToday().slice(0, 7);
const LAST_MONTH = addMonths(THIS_MONTH, -1);
const YEAR = financialYearOf(LAST_MONTH);
const LAST_MONTH_LABEL = new Date(`${LAST_MONTH}-15T12:00:00Z`).toLocaleDateString("en-GB", { month: "long", year: "numeric" });

const csv = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

const AREAS = csv("areas.csv", "area,homes\nRiverside North,2100\nRiverside South,1850\n");
const LIBRARY = csv(
  "indicators.csv",
  [
    "code,title,theme,category,unit,polarity,frequency,aggregation,decimals,tenant_top_ten,by_area,definition,data_source,owner_email,manager_email",
    `RH01,Rent collected as a percentage of rent due,Valuing Resources,National KPI,%,higher,monthly,ratio,1,yes,no,Rent collected over rent due,Rent accounts,${ADMIN},${OFFICER}`,
    `RH02,Average days to re-let empty homes,Fair Access,National KPI,days,lower,monthly,mean,1,yes,no,Days from keys in to new tenancy,Lettings system,${ADMIN},${OFFICER}`,
    `RH03,Complaints received,Customer Care,Local indicator,count,lower,monthly,sum,0,no,yes,Stage 1 complaints logged,Complaints log,${ADMIN},${OFFICER}`,
  ].join("\n") + "\n",
);
// RH02's target is profiled month by month (30 days in April falling to 22 in March): 25 from October to November.
const TARGETS = csv(
  "targets.csv",
  [
    "indicator,year,area,target,tolerance,apr,may,jun,jul,aug,sep,oct,nov,dec,jan,feb,mar",
    `RH01,${YEAR},,98,0.5,,,,,,,,,,,,`,
    `RH02,${YEAR},All,25,3,30,30,28,28,26,26,25,25,24,24,22,22`,
    `RH03,${YEAR},Riverside North,20,5,,,,,,,,,,,,`,
    `RH03,${YEAR},Riverside South,15,5,,,,,,,,,,,,`,
  ].join("\n") + "\n",
);
// Last month's figures, all but RH02 (the officer enters that one).
const FIGURES = csv(
  "figures.csv",
  [
    "indicator,period,area,value,numerator,denominator",
    `RH01,${LAST_MONTH},All,98.4,984,1000`,
    `RH03,${LAST_MONTH},Riverside North,18,,`,
    `RH03,${LAST_MONTH},Riverside South,14,,`,
    `RH03,${LAST_MONTH},All,32,,`,
  ].join("\n") + "\n",
);

/*
 * An amber indicator, as the issue asks: 27 days against a target of 25 with a tolerance
 * of 3 is within tolerance, which the default setting ("any figure not on target") counts
 * as an exception needing a commentary.
 */
const RH02_FIGURE = "27";

let server: ChildProcess | null = null;
let serverOutput = "";

test.use({ baseURL: BASE });
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const dataDir = path.resolve(`.cache/e2e-real-organisation-${PORT}`);
  rmSync(dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, MINUTED_DATA_DIR: dataDir, MINUTED_SEED_DEMO: "never" };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const cli = (args: string[], input?: string) =>
    execFileSync("node", ["--import", "tsx", "server/cli.ts", ...args], { input, env, stdio: ["pipe", "pipe", "inherit"] });
  cli(["org:create", "riverside", "Riverside Homes"]);
  cli(["user:create", "riverside", ADMIN, "admin", "--name", "Rhian Davies"], `${PASSWORD}\n`);
  cli(["user:create", "riverside", OFFICER, "officer", "--name", "Owain Jones"], `${PASSWORD}\n`);
  server = spawn("node", ["server/start.mjs"], { env: { ...env, PORT: String(PORT), HOST: "127.0.0.1" } });
  server.stdout?.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
  await expect
    .poll(
      async () => {
        if (server?.exitCode !== null) throw new Error(`the server stopped:\n${serverOutput}`);
        try {
          return (await fetch(`${BASE}/healthz`)).status;
        } catch {
          return 0;
        }
      },
      { timeout: 150_000, message: "the server did not start (its output is printed below)" },
    )
    .toBe(200);
});

// Playwright reads the fixtures a hook needs from its first argument: this one needs none.
// eslint-disable-next-line no-empty-pattern
test.afterEach(({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.log(`The server's output:\n${serverOutput.slice(-5000)}`);
});

test.afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server!.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
});

async function importFile(page: import("@playwright/test").Page, kind: string, file: ReturnType<typeof csv>) {
  await page.goto("/o/riverside/imports");
  await page.getByLabel("What the file holds").selectOption(kind);
  await page.getByLabel("File", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check before importing" })).toBeVisible();
  await page.getByRole("button", { name: /^Import \d+ changes$/ }).click();
  await expect(page.getByText(`Imported ${file.name}`)).toBeVisible();
}

test("a real organisation sets up, reports and publishes its month without the demo", async ({ page, browser }) => {
  test.setTimeout(420_000);

  // The admin sets the organisation up through the import page, and the timetable.
  await signIn(page, ADMIN, PASSWORD);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Riverside Homes");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Imports" })).toBeVisible();
  await importFile(page, "areas", AREAS);
  await importFile(page, "indicators", LIBRARY);
  await importFile(page, "targets", TARGETS);
  await importFile(page, "actuals", FIGURES);

  await page.goto("/o/riverside/months");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Month in progress: ${LAST_MONTH_LABEL}`);
  await page.getByLabel("Figures due by working day").fill("6");
  await page.getByLabel("Commentaries due by working day").fill("9");
  await page.getByRole("button", { name: "Save the timetable" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Timetable saved" })).toContainText(
    "figures are due by the 6th working day",
  );
  await expect(page.getByTestId("month-due-dates")).toContainText(`Figures for ${LAST_MONTH_LABEL} are due by`);
  await expectAccessible(page);

  // The admin's home page shows the month in progress.
  await page.goto("/o/riverside");
  await expect(page.getByRole("heading", { name: `Month in progress: ${LAST_MONTH_LABEL}` })).toBeVisible();
  await expectAccessible(page);

  // The officer named as manager sees what they owe, enters RH02 and writes its commentary.
  const officerContext = await browser.newContext({ baseURL: BASE });
  const officer = await officerContext.newPage();
  await signIn(officer, OFFICER, PASSWORD);
  await expect(officer.getByRole("heading", { name: `What you owe for ${LAST_MONTH_LABEL}` })).toBeVisible();
  const owedFigure = officer.getByTestId("owed-figures").locator("li[data-code=RH02]");
  await expect(owedFigure).toContainText("no figure yet");
  await expect(owedFigure).toContainText(/Due by \d+ \w+ \d{4}\./);
  await expect(officer.getByTestId("owed-figures").locator("li[data-code=RH01]")).toHaveCount(0);
  await expectAccessible(officer);

  await owedFigure.getByRole("link").click();
  const officerForm = officer.locator("form.figure-form");
  await officerForm.getByLabel("Period", { exact: true }).selectOption(LAST_MONTH);
  await officerForm.getByLabel("Value", { exact: true }).fill(RH02_FIGURE);
  await officerForm.getByRole("button", { name: "Save the figure" }).click();
  await expect(officer.getByRole("status").filter({ hasText: "Entered the figure for" })).toBeVisible();

  // Against a profiled 25 days with a tolerance of 3, the figure is an exception: a commentary is owed.
  await officer.goto("/o/riverside");
  await expect(officer.getByTestId("owed-figures")).toHaveCount(0);
  const owedCommentary = officer.getByTestId("owed-commentaries").locator("li[data-code=RH02]");
  await expect(owedCommentary).toContainText("not started");
  await owedCommentary.getByRole("link").click();
  await expect(officer.getByTestId("live-commentary")).toBeVisible();
  await expect(officer.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  await officer.getByRole("textbox", { name: "Reason for the variance" }).click();
  await officer.keyboard.type("Three homes needed major works after long tenancies ended.");
  await officer.getByRole("textbox", { name: "Forecast year-end outturn" }).click();
  await officer.keyboard.type("24 days at the year end.");
  await officer.getByRole("button", { name: "Add an action" }).click();
  await officer.getByLabel("What will be done").fill("Book void contractors before keys come back");
  await officer.getByLabel("Owner", { exact: true }).selectOption({ label: "Owain Jones" });
  await officer.getByLabel("Due date").fill(`${THIS_MONTH}-28`);
  await officer.getByLabel("Status", { exact: true }).selectOption({ label: "On track" });
  await officer.getByRole("textbox", { name: "Expected recovery date" }).fill(`${addMonths(THIS_MONTH, 2)}-28`);
  await expect(officer.getByText("Saved", { exact: true })).toBeVisible();
  await officerContext.close();

  // The admin (the indicator's owner) marks it ready, verifies the figures and publishes.
  await page.goto(`/o/riverside/exceptions/RH02?period=${LAST_MONTH}`);
  await page.getByRole("button", { name: "Mark as ready for committee" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Marked ready" })).toBeVisible();
  for (const code of ["RH01", "RH02", "RH03"]) {
    await page.goto(`/o/riverside/indicators/${code}?period=${LAST_MONTH}`);
    const verifyButtons = page.getByRole("button", { name: /^Verify the figure for/ });
    for (let left = await verifyButtons.count(); left > 0; left--) {
      await verifyButtons.first().click();
      await expect(verifyButtons).toHaveCount(left - 1);
    }
  }
  await page.goto("/o/riverside/months");
  await expect(page.getByText("0 figures missing, 0 not verified, 0 commentaries not ready.")).toBeVisible();
  await page.getByRole("button", { name: `Publish ${LAST_MONTH_LABEL}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "is published" })).toContainText(`${LAST_MONTH_LABEL} is published`);

  // The public page shows it.
  await page.goto("/p/riverside");
  const rh02 = page.locator(".tenant-top-ten__item[data-code=RH02]");
  await expect(rh02).toContainText("Average days to re-let empty homes");
  await expect(page.locator(".tenant-top-ten__item[data-code=RH01]")).toBeVisible();

  // An early figure for this month changes nobody's default and nothing public. The
  // officer (RH01's manager) enters it from the indicator page, where the page's own
  // period chooser and the entry form both have a "Period" select.
  const THIS_MONTH_LABEL = new Date(`${THIS_MONTH}-15T12:00:00Z`).toLocaleDateString("en-GB", {
    month: "long",
    year: "numeric",
  });
  const earlyContext = await browser.newContext({ baseURL: BASE });
  const early = await earlyContext.newPage();
  await signIn(early, OFFICER, PASSWORD);
  await early.goto(`/o/riverside/indicators/RH01?period=${THIS_MONTH}`);
  const form = early.locator("form.figure-form");
  // The form opens on the month asked for in the address.
  await expect(form.getByLabel("Period", { exact: true })).toHaveValue(THIS_MONTH);
  await form.getByLabel("Numerator").fill("970");
  await form.getByLabel("Denominator").fill("1000");
  await form.getByRole("button", { name: "Save the figure" }).click();
  await expect(early.getByRole("status").filter({ hasText: "Entered the figure for" })).toBeVisible();
  await expectAccessible(early);

  // The officer's home page: what they owe is the month in progress (RH01's figure is in),
  // and their scorecard stays on the published month, the new one a click away.
  await early.goto("/o/riverside");
  await expect(early.getByRole("heading", { name: `What you owe for ${THIS_MONTH_LABEL}` })).toBeVisible();
  await expect(early.getByTestId("owed-figures").locator("li[data-code=RH02]")).toContainText("no figure yet");
  await expect(early.getByTestId("owed-figures").locator("li[data-code=RH01]")).toHaveCount(0);
  await early.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Scorecard" }).click();
  await expect(early.getByRole("heading", { level: 1 })).toHaveText(`Scorecard: ${LAST_MONTH_LABEL}`);
  await expect(early.getByRole("link", { name: `Month in progress: ${THIS_MONTH_LABEL}` })).toBeVisible();
  await earlyContext.close();

  // The admin's scorecard and exceptions stay on the published month; the month in
  // progress is one click away, marked "Not yet published".
  await page.goto("/o/riverside/scorecard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Scorecard: ${LAST_MONTH_LABEL}`);
  await page.getByRole("link", { name: `Month in progress: ${THIS_MONTH_LABEL}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Scorecard: ${THIS_MONTH_LABEL}`);
  await expect(page.getByRole("note")).toContainText(
    `Not yet published. The figures for ${THIS_MONTH_LABEL} are still being entered`,
  );
  await page.goto("/o/riverside/exceptions");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Exceptions: ${LAST_MONTH_LABEL}`);
  await expect(page.getByRole("link", { name: `Month in progress: ${THIS_MONTH_LABEL}` })).toBeVisible();

  // The API without a period answers the published month.
  const scorecardApi = await (await page.request.get("/api/v1/o/riverside/scorecard")).json();
  expect(scorecardApi.period).toBe(LAST_MONTH);
  expect(scorecardApi.rows.find((r: { code: string }) => r.code === "RH01")?.value).toBe(98.4);
  const exceptionsApi = await (await page.request.get("/api/v1/o/riverside/exceptions")).json();
  expect(exceptionsApi.period).toBe(LAST_MONTH);

  // The public page still shows the published month's figure.
  await page.goto("/p/riverside");
  await expect(page.getByText(`${LAST_MONTH_LABEL}`).first()).toBeVisible();
  await expect(page.locator(".tenant-top-ten__item[data-code=RH01]")).toContainText("98.4");
  await expect(page.locator(".tenant-top-ten__item[data-code=RH01]")).not.toContainText("97.0");
});
