import type { Browser, Page } from "@playwright/test";
import { demoUser, expect, expectAccessible, signIn, test } from "./support/fixtures";

/*
 * A cover report written by two people at once: an officer adds a report item to a
 * meeting of the North Area Panel (no other spec touches the panel's meetings), opens
 * its cover report, and an admin writes it with them in another browser; a viewer
 * follows it read only.
 */

// Each run has a fresh database, but a title of its own keeps a rerun against a kept server apart.
const suffix = Array.from({ length: 3 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join("");
const reportTitle = `Tenancy fraud review ${suffix}`;

/** A second browser, signed in, that fails the test on a console error like the main page does. */
async function openBrowser(browser: Browser, role: "admin" | "viewer", errors: string[]): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${role}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${role}: ${error.message}`));
  await signIn(page, demoUser(role));
  return page;
}

const sectionBox = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

/** The words of an editor, without the names on other people's carets. */
const wordsOf = (page: Page, name: string) =>
  sectionBox(page, name).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return copy.textContent;
  });

async function openLive(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByTestId("live-cover-report")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
}

/** Arranges a panel meeting with a report item; gives the cover report's address. */
async function reportItemOnNewMeeting(page: Page): Promise<string> {
  await page.goto("/o/northfield/meetings");
  await page.getByLabel("Committee or panel").selectOption({ label: "North Area Panel" });
  await page.getByLabel("Date").fill("2027-03-08");
  await page.getByLabel("Start time").fill("18:30");
  await page.getByLabel("Place").fill("North Community Centre");
  await page.getByRole("button", { name: "Arrange the meeting" }).click();
  await page.waitForURL(/\/o\/northfield\/meetings\/[0-9a-f-]{36}$/);
  const meetingPath = new URL(page.url()).pathname;

  await page.getByLabel("Kind of item").selectOption({ label: "Report" });
  await page.getByLabel("Title", { exact: true }).fill(reportTitle);
  await page.getByLabel("Presenter (optional)").fill("Tom Okafor");
  await page.getByRole("button", { name: "Add the item" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toContainText(`Added “${reportTitle}” to the agenda`);
  const row = page.getByTestId("agenda-row").filter({ hasText: reportTitle });
  const rowId = await row.getAttribute("id");
  expect(rowId).toMatch(/^item-[0-9a-f-]{36}$/);
  return `${meetingPath}/reports/${rowId!.slice("item-".length)}`;
}

test("an officer and an admin write a cover report together, and a viewer follows it read only", async ({
  page: officer,
  browser,
}) => {
  test.setTimeout(120_000);
  const otherErrors: string[] = [];

  await signIn(officer, demoUser("officer"));
  const reportPath = await reportItemOnNewMeeting(officer);

  // Opening the page changes nothing; the officer starts the report, and everything required is still to write.
  await officer.goto(reportPath);
  await expect(officer.getByTestId("no-cover-report")).toHaveText("No cover report has been written yet.");
  await officer.getByRole("button", { name: "Start the cover report" }).click();
  await expect(officer.getByTestId("live-cover-report")).toBeVisible();
  await expect(officer.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  await expect(officer.getByRole("heading", { level: 1 })).toContainText(reportTitle);
  await expect(officer.getByRole("heading", { level: 1 })).toContainText("Item 5: cover report");
  const gaps = (page: Page) => page.getByTestId("cover-report-gaps");
  await expect(gaps(officer)).toContainText("Still to write before the pack can be published:");
  await expect(gaps(officer).getByRole("listitem")).toHaveText([
    "Summary is empty",
    "Recommendation is empty",
    "Matters for consideration is empty",
    "Equalities impact assessment is empty",
    "No author is named",
    "No contact is given",
  ]);
  await expectAccessible(officer);

  // The admin opens the same report in another browser.
  const admin = await openBrowser(browser, "admin", otherErrors);
  await openLive(admin, reportPath);
  await expect(admin.locator(".presence-list")).toContainText("Tom Okafor");
  await expect(officer.locator(".presence-list")).toContainText("Priya Shah");

  // Each writes in the summary and sees the other's words and caret.
  await sectionBox(officer, "Summary").click();
  await officer.keyboard.type("Twelve tenancies were recovered this year.");
  await expect(sectionBox(admin, "Summary")).toContainText("Twelve tenancies were recovered this year.");
  await sectionBox(admin, "Summary").click();
  await admin.keyboard.press("Control+End");
  await admin.keyboard.type(" Two cases are in court.");
  const summary = "Twelve tenancies were recovered this year. Two cases are in court.";
  await expect.poll(() => wordsOf(officer, "Summary")).toBe(summary);
  await expect.poll(() => wordsOf(admin, "Summary")).toBe(summary);
  await expect(officer.locator(".collaboration-carets__label", { hasText: "Priya Shah" })).toBeVisible();
  await expect(admin.locator(".collaboration-carets__label", { hasText: "Tom Okafor" })).toBeVisible();

  // The admin writes the recommendation; the officer ticks the checklist and gives the details.
  await sectionBox(admin, "Recommendation").click();
  await admin.keyboard.type("The panel is asked to note the report.");
  await officer.getByRole("group", { name: "No implications arising" }).getByRole("checkbox", { name: "Risk" }).check();
  await officer.getByRole("checkbox", { name: "Personnel" }).check();
  await officer.getByRole("textbox", { name: "Author", exact: true }).fill("Tom Okafor, Tenancy Services Manager");
  await admin.getByRole("textbox", { name: "Contact", exact: true }).fill("tom.okafor@northfield.example");
  await expect.poll(() => wordsOf(officer, "Recommendation")).toBe("The panel is asked to note the report.");
  await expect(admin.getByRole("checkbox", { name: "Risk" })).toBeChecked();
  await expect(admin.getByRole("checkbox", { name: "Personnel" })).toBeChecked();
  await expect(admin.getByRole("checkbox", { name: "Legal and confidentiality" })).not.toBeChecked();
  await expect(admin.getByRole("textbox", { name: "Author", exact: true })).toHaveValue("Tom Okafor, Tenancy Services Manager");
  await expect(officer.getByRole("textbox", { name: "Contact", exact: true })).toHaveValue("tom.okafor@northfield.example");
  await expect(gaps(officer).getByRole("listitem")).toHaveText([
    "Matters for consideration is empty",
    "Equalities impact assessment is empty",
  ]);
  await expect(gaps(admin).getByRole("listitem")).toHaveText([
    "Matters for consideration is empty",
    "Equalities impact assessment is empty",
  ]);
  await expect(officer.getByText("Saved", { exact: true })).toBeVisible();
  await expect(admin.getByText("Saved", { exact: true })).toBeVisible();
  await expectAccessible(admin);

  // A viewer follows it read only.
  const viewer = await openBrowser(browser, "viewer", otherErrors);
  await openLive(viewer, reportPath);
  await expect.poll(() => wordsOf(viewer, "Summary")).toBe(summary);
  await expect(sectionBox(viewer, "Summary")).toHaveAttribute("contenteditable", "false");
  await expect(sectionBox(viewer, "Summary")).toHaveAttribute("aria-readonly", "true");
  await expect(viewer.getByText("Read only: you can follow the cover report as it is written, but not change it.")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Bold" })).toHaveCount(0);
  await expect(viewer.getByRole("checkbox", { name: "Risk" })).toBeChecked();
  await expect(viewer.getByRole("checkbox", { name: "Risk" })).toBeDisabled();
  await expect(viewer.getByRole("textbox", { name: "Author", exact: true })).toHaveCount(0);
  await expect(viewer.locator(".cover-report-details")).toContainText("Tom Okafor, Tenancy Services Manager");
  await expectAccessible(viewer);

  // What the viewer sees changes as the others write.
  await sectionBox(officer, "Matters for consideration").click();
  await officer.keyboard.type("Data matching with the council found most cases.");
  await expect.poll(() => wordsOf(viewer, "Matters for consideration")).toBe("Data matching with the council found most cases.");
  await expect(gaps(viewer).getByRole("listitem")).toHaveText(["Equalities impact assessment is empty"]);

  // After a reload, the page shows the stored words even before the editor has loaded.
  await viewer.reload();
  await expect(viewer.getByTestId("live-cover-report")).toBeVisible();
  await expect.poll(() => wordsOf(viewer, "Summary")).toBe(summary);

  expect(otherErrors, "console errors in the other browsers").toEqual([]);
  await admin.context().close();
  await viewer.context().close();
});

test("a member finds no cover report where none has been started", async ({ page, browser }) => {
  // An officer adds a report item without opening its cover report.
  const context = await browser.newContext();
  const officer = await context.newPage();
  await signIn(officer, demoUser("officer"));
  const reportPath = await reportItemOnNewMeeting(officer);
  await context.close();

  await signIn(page, demoUser("member"));
  await page.goto(reportPath);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reportTitle);
  await expect(page.getByTestId("no-cover-report")).toHaveText("No cover report has been written yet.");
  await expect(page.getByRole("button", { name: "Start the cover report" })).toHaveCount(0);
  await expectAccessible(page);
});
