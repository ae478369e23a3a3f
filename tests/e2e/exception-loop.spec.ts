import type { Page } from "@playwright/test";
import { demoUser, expect, expectAccessible, signIn, test } from "./support/fixtures";

// LPI-03 (current tenant rent arrears) is off target in October 2026, the month in progress, and no other spec
// writes its commentary or changes its figures. Its owner is Priya Shah (the demo admin), its manager Tom Okafor.
const ORG = "/o/northfield";
const OCTOBER = `${ORG}/exceptions/LPI-03?period=2026-10`;
const NOVEMBER = `${ORG}/exceptions/LPI-03?period=2026-11`;

/** A date some days from today, as a date input takes it (YYYY-MM-DD). */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

async function openLiveCommentary(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId("live-commentary")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
}

test("a commentary's remedial action enters the action log and is carried into next month's commentary with the log's status", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // What a person typed comes out as typed: Welsh, £ and an emoji.
  const reason = "Universal Credit migration in Gŵyr ŷ delayed housing costs: £41,000 more owed 📈.";
  const description = `Phone every tenant newly on Universal Credit in week one (${Date.now()})`;

  // The owner writes the October commentary, with one remedial action, and marks it ready.
  await signIn(page, demoUser("admin"));
  await openLiveCommentary(page, OCTOBER);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("October 2026");
  await page.getByRole("textbox", { name: "Reason for the variance" }).click();
  await page.keyboard.type(reason);
  await page.getByRole("textbox", { name: "Forecast year-end outturn" }).click();
  await page.keyboard.type("£1.35m at the year end, above the £1.2m target.");
  await page.getByRole("button", { name: "Add an action" }).click();
  await page.getByLabel("What will be done").fill(description);
  await page.getByLabel("Owner", { exact: true }).selectOption({ label: "Tom Okafor" });
  await page.getByLabel("Due date").fill(daysFromNow(60));
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "On track" });
  await page.getByRole("textbox", { name: "Expected recovery date" }).fill("2027-03-31");
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Mark as ready for committee" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Marked ready" })).toHaveText(
    "Marked ready for committee: LPI-03 Current tenant rent arrears, October 2026.",
  );

  // The action log has the action, with its owner and the indicator.
  await page.goto(`${ORG}/actions`);
  const logged = page.getByRole("row").filter({ hasText: description });
  await expect(logged).toHaveCount(1);
  await expect(logged).toContainText("Tom Okafor");
  await expect(logged).toContainText("LPI-03");
  await expect(logged).toContainText("On track");

  // Progress is reported on the action in the log: it is now at risk.
  await logged.getByRole("link", { name: description }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(description);
  await page.getByRole("radio", { name: "At risk" }).check();
  await page.getByRole("textbox", { name: "Progress note" }).fill("Two of the three income officers are on leave.");
  await page.getByRole("button", { name: "Save progress update" }).click();
  await expect(page.getByRole("status")).toHaveText("Your progress update has been saved.");
  await expect(page.getByRole("radio", { name: "At risk" })).toBeChecked();
  await expectAccessible(page);

  // November's commentary carries the action with the log's status, and October's reason.
  await openLiveCommentary(page, NOVEMBER);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("November 2026");
  // The demo has no November figures: LPI-03 is no exception yet, and its commentary page still loads.
  await expect(page.getByText("LPI-03 is not an exception in November 2026")).toBeVisible();
  const carried = page.getByRole("region", { name: "Carried forward from earlier months" });
  await expect(page.getByRole("heading", { name: "Carried forward from earlier months" })).toBeVisible();
  const row = carried.getByRole("row").filter({ hasText: description });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Tom Okafor");
  await expect(row).toContainText("At risk");
  await expect(row).toContainText("October 2026");
  await expect(row.getByRole("link", { name: description })).toHaveAttribute("href", /\/o\/northfield\/actions\/[0-9a-f-]+$/);
  await expect(carried.getByRole("heading", { name: "Last time (October 2026)" })).toBeVisible();
  await expect(carried).toContainText(reason);
  await expect(carried).toContainText("Expected recovery date then:");
  // While the carried action is open, this month's commentary needs no new one.
  const gaps = page.locator(".commentary-gaps");
  await expect(gaps).toContainText("Write the reason for the variance");
  await expect(gaps).not.toContainText("remedial action");
  await expectAccessible(page);
});

test("an area panel sees its area's exceptions", async ({ page }) => {
  await signIn(page, demoUser("member"));
  await page.goto(`${ORG}/exceptions?period=2026-10`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Exceptions: October 2026");
  await page.getByLabel("Area", { exact: true }).selectOption({ label: "North" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/[?&]area=[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Exceptions: October 2026, North");
  await expect(page.getByText("Exceptions in North, on the area's own figures")).toBeVisible();
  await expect(page.getByLabel("Area", { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  const rows = page.locator("table.exceptions tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  await expect(rows.first()).toHaveAttribute("data-code", /\S/);
  await expectAccessible(page);
});
