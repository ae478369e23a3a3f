import path from "node:path";
import { demoUser, expect, expectAccessible, signIn, test } from "./support/fixtures";

test.describe("the scorecard", () => {
  test("shows the demo figures grouped by theme, with status in words and shapes", async ({ page }) => {
    await signIn(page, demoUser("member"));
    await page.goto("/o/northfield/scorecard?period=2026-10");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Scorecard: October 2026");
    const bv212 = page.locator("tr[data-code=BV212]");
    await expect(bv212).toContainText("33.01 days");
    await expect(bv212).toContainText("Off target");
    await expect(bv212).toContainText("Worse");
    await expect(page.getByRole("rowheader", { name: "Fair Access" })).toBeVisible();
    await expectAccessible(page);
  });

  test("filters to the exception view and to one area", async ({ page }) => {
    await signIn(page, demoUser("viewer"));
    await page.goto("/o/northfield/scorecard?period=2026-10");
    await page.getByLabel("Exceptions only").check();
    await page.getByLabel("Area").selectOption("North");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/offTarget=1/);
    await expect(page.getByText("North area.")).toBeVisible();
    const statuses = await page
      .locator("tbody tr[data-status]")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status")));
    expect(statuses.length).toBeGreaterThan(0);
    // The demo's rule is the default: any figure not on target (amber and red).
    expect(statuses.every((s) => s === "off_target" || s === "within_tolerance")).toBe(true);
    await expectAccessible(page);
  });

  test("exports the scorecard as CSV", async ({ page }) => {
    await signIn(page, demoUser("viewer"));
    await page.goto("/o/northfield/scorecard?period=2026-10");
    const response = await page.request.get("/o/northfield/scorecard.csv?period=2026-10");
    expect(response.headers()["content-type"]).toContain("text/csv");
    const text = await response.text();
    expect(text).toContain("code,title,theme");
    expect(text).toContain("BV212");
  });

  test("the area view sets an area beside the others", async ({ page }) => {
    await signIn(page, demoUser("member"));
    await page.goto("/o/northfield/areas/North?period=2026-10");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("North area: October 2026");
    await expect(page.getByRole("columnheader", { name: "East" })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("imports", () => {
  test("a bad file is refused with every problem by line; nothing changes", async ({ page }) => {
    await signIn(page, demoUser("admin"));
    await page.goto("/o/northfield/imports");
    await expectAccessible(page);
    await page.getByLabel("What the file holds").selectOption("actuals");
    await page.getByLabel("File", { exact: true }).setInputFiles(path.join(import.meta.dirname, "fixtures/bad-actuals.csv"));
    await page.getByRole("button", { name: "Check the file" }).click();
    const problems = page.getByRole("alert");
    await expect(problems).toContainText("bad-actuals.csv cannot be imported");
    await expect(problems).toContainText("Unknown indicator code “NOPE”");
    // Unknown code, not a number, over 100% and a duplicate of line 4.
    await expect(problems.locator("tbody tr")).toHaveCount(4);
    await expectAccessible(page);
  });

  test("a good file is previewed, then imported, and open scorecards update live", async ({ page, browser }) => {
    const watcherContext = await browser.newContext();
    const watcher = await watcherContext.newPage();
    await signIn(watcher, demoUser("viewer"));
    await watcher.goto("/o/northfield/scorecard?period=2026-10");
    await expect(watcher.getByText("Live: this scorecard updates when figures change.")).toBeVisible();
    const empties = watcher.locator("tr[data-code=LPI-06] td[data-column=value]");
    await expect(empties).toHaveText("192");

    await signIn(page, demoUser("admin"));
    await page.goto("/o/northfield/imports");
    await page.getByLabel("What the file holds").selectOption("actuals");
    await page.getByLabel("File", { exact: true }).setInputFiles({
      name: "october-update.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("indicator,period,area,value,numerator,denominator\nLPI-06,2026-10,All,187,,\n"),
    });
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Check before importing" })).toContainText("Changed");
    await page.getByRole("button", { name: "Import 1 changes" }).click();
    await expect(page.getByText("Imported october-update.csv")).toBeVisible();

    await expect(empties).toHaveText("187", { timeout: 5_000 });
    await expect(watcher.getByText(/Figures updated .*LPI-06/)).toBeVisible();
    await watcherContext.close();
  });
});
