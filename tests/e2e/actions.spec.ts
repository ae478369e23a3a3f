import type { Browser, Page } from "@playwright/test";
import { demoUser, expect, expectAccessible, signIn, test } from "./support/fixtures";

const LOG = "/o/northfield/actions";

/** A date some days from today, as a date input takes it (YYYY-MM-DD). */
function daysFromNow(days: number): string {
  const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return date.toISOString().slice(0, 10);
}

/** A second browser, signed in, that fails the test on a console error like the main page does. */
async function openBrowser(browser: Browser, role: "member" | "viewer", errors: string[]): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error" && !/the server responded with a status of 4\d\d/.test(message.text()))
      errors.push(`${role}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${role}: ${error.message}`));
  await signIn(page, demoUser(role));
  return page;
}

test("an officer adds an action, its owner reports progress, a viewer reads it, and the log filters it", async ({
  page: officer,
  browser,
}) => {
  test.setTimeout(120_000);
  const otherErrors: string[] = [];
  const description = `Bring in a second voids contractor (${Date.now()})`;

  // The officer adds an action for the member, linked to BV212 (off target in the demo data).
  await signIn(officer, demoUser("officer"));
  await officer.goto(LOG);
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Action log");
  await officer.getByRole("button", { name: "Add the action" }).click();
  await expect(officer.getByRole("alert")).toContainText("There is a problem");
  await expect(officer.getByRole("link", { name: "Say what the action is" })).toBeVisible();

  await officer.getByLabel("Action", { exact: true }).fill(description);
  await officer.getByLabel("Owner").selectOption({ label: "Cllr Margaret Hughes" });
  await officer.getByLabel("Due date").fill(daysFromNow(30));
  await officer.getByLabel("Linked indicator (optional)").selectOption({ label: "BV212 Average time to re-let empty homes" });
  await officer.getByRole("button", { name: "Add the action" }).click();
  await expect(officer.getByRole("status")).toHaveText("The action has been added to the log.");
  await expect(officer.getByRole("heading", { level: 1 })).toContainText(description);
  await expect(officer.locator("[data-action-status]").first()).toHaveText("Not started");
  await expect(officer.locator(".action-indicator")).toContainText("BV212");
  await expect(officer.locator(".action-indicator")).toContainText("When agreed: Off target");
  await expect(officer.getByTestId("action-history-entry")).toHaveCount(1);
  await expectAccessible(officer);
  const actionUrl = new URL(officer.url()).pathname;

  // The owner reports progress and marks it at risk.
  const member = await openBrowser(browser, "member", otherErrors);
  await member.goto(actionUrl);
  await member.getByRole("radio", { name: "At risk" }).check();
  await member.getByRole("textbox", { name: "Progress note" }).fill("The contractor cannot start until February.");
  await member.getByRole("button", { name: "Save progress update" }).click();
  await expect(member.getByRole("status")).toHaveText("Your progress update has been saved.");
  await expect(member.getByTestId("action-history-entry")).toHaveCount(2);
  await expect(member.getByTestId("action-history-entry").first()).toContainText("Cllr Margaret Hughes");
  await expect(member.getByTestId("action-history-entry").first()).toContainText("At risk");
  await expect(member.getByTestId("action-history-entry").first()).toContainText("The contractor cannot start until February.");

  // Only my actions: the member's own, with the latest note and status in words.
  await member.goto(`${LOG}?status=open&mine=1`);
  const row = member.getByRole("row").filter({ hasText: description });
  await expect(row).toContainText("At risk");
  await expect(row).toContainText("The contractor cannot start until February.");
  await expect(row).toContainText("BV212");
  await expectAccessible(member);

  // A viewer reads the action but gets no form.
  const viewer = await openBrowser(browser, "viewer", otherErrors);
  await viewer.goto(actionUrl);
  await expect(viewer.getByRole("heading", { level: 1 })).toContainText(description);
  await expect(viewer.getByRole("heading", { name: "Report progress" })).toHaveCount(0);
  await expect(viewer.getByText("Only the action’s owner, officers and administrators can report progress on it.")).toBeVisible();

  // The officer filters the log to overdue actions: the demo's October action on the voids
  // plan (due 16 November 2026) is flagged in words; the new one is not there.
  await officer.goto(LOG);
  await officer.getByLabel("Status").selectOption("overdue");
  await officer.getByRole("button", { name: "Show" }).click();
  await expect(officer).toHaveURL(/status=overdue/);
  const overdue = officer.getByRole("row").filter({ hasText: "Bring the voids improvement plan to the next meeting" });
  await expect(overdue.locator("[data-action-status]")).toHaveText("Overdue");
  await expect(overdue).toContainText("Was due 16 November 2026");
  await expect(officer.getByRole("row").filter({ hasText: description })).toHaveCount(0);
  await expectAccessible(officer);
  await officer.getByLabel("Status").selectOption("open");
  await officer.getByRole("button", { name: "Show" }).click();
  await expect(officer.getByRole("row").filter({ hasText: description })).toHaveCount(1);
  await expect(officer.getByTestId("action-counts")).toContainText("open");
  await expectAccessible(officer);

  expect(otherErrors, "console errors in the other browsers").toEqual([]);
});
