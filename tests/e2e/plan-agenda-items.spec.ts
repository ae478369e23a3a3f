import type { Page } from "@playwright/test";
import { demoUser, expect, expectAccessible, signIn, test } from "./support/fixtures";
import { arrangeMeetingOfNewCommittee, runSuffix } from "./support/meetings";
import { pdfTextOf } from "./support/pdf-text";

/*
 * The golden thread on an agenda (issue 17 item 5): an officer adds a "plan progress"
 * item (the repairs improvement plan in Q2 2026/27, when its scheduling milestone
 * slipped) and a "service improvement log" item through the meeting page, publishes the
 * agenda pack, and both are in its web page and its PDF, in the plan and improvements
 * pages' words.
 */

const suffix = runSuffix();
/** The demo's service improvement log. */
const improvements = [
  "Repairs booked to two-hour appointment slots",
  "Empty homes inspected within two days of the keys coming back",
  "A call in the first week of arrears",
];

async function addItem(page: Page, kind: string, position: number, choose: () => Promise<void> = async () => {}) {
  const kindOfItem = page.getByLabel("Kind of item");
  // After an item is added the form is made afresh (its key counts the items): choosing
  // before that happens is undone by it, and the form then asks for a report's title.
  await expect(kindOfItem).toHaveValue("report");
  await kindOfItem.selectOption({ label: kind });
  await expect(kindOfItem).not.toHaveValue("report");
  await choose();
  await page.getByRole("button", { name: "Add the item" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toHaveText(
    `Added “${kind}” to the agenda as item ${position}.`,
  );
}

test("plan progress and the service improvement log, added to an agenda on its page, are in the published pack's web page and PDF", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await signIn(page, demoUser("officer"));
  await arrangeMeetingOfNewCommittee(page, {
    name: `Service improvement board ${suffix}`,
    minutePrefix: `S${suffix}`,
    date: "2027-02-18",
    place: "Committee Room 2, Civic Centre",
  });

  await addItem(page, "Plan progress", 5, async () => {
    // The period's quarter is the item's: September 2026 is in Q2 2026/27.
    await page.getByLabel("Period", { exact: true }).selectOption({ label: "September 2026" });
    await page.getByLabel("Plan", { exact: true }).selectOption({ label: "SIP-REP Repairs service improvement plan" });
  });
  await addItem(page, "Service improvement log", 6);
  const agenda = page.getByRole("table", { name: "Agenda" });
  await expect(agenda).toContainText("Plan progress");
  await expect(agenda).toContainText("Service improvement log");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Publish the agenda" }).click();
  await expect(page.getByText(/The agenda pack is published/)).toBeVisible();
  await page.getByRole("link", { name: "Agenda pack version 1" }).click();
  await expect(page.getByText("Verified: this is the version as it was frozen")).toBeVisible();
  const versionPath = new URL(page.url()).pathname;

  // The web page: the plan's actions and its slipped milestone in the quarter, and the log's improvements.
  const progressTitle = "Plan progress: SIP-REP Repairs service improvement plan, Q2 2026/27 (July to September 2026)";
  const progress = page.getByRole("region", { name: progressTitle, exact: true });
  await expect(progress).toContainText("Book every repair to a two-hour appointment slot");
  await expect(progress).toContainText("Scheduling system live for responsive repairs");
  const log = page.getByRole("region", { name: "Service improvement log", exact: true });
  for (const improvement of improvements) await expect(log).toContainText(improvement);
  await expectAccessible(page);

  // The PDF has both appendices, in the same words.
  const { flowing } = await pdfTextOf(page, versionPath);
  expect(flowing).toContain(progressTitle);
  expect(flowing).toContain("Slipped milestones");
  expect(flowing).toContain("Scheduling system live for responsive repairs");
  expect(flowing).toContain("Book every repair to a two-hour appointment slot");
  expect(flowing).toContain("Service improvement log");
  for (const improvement of improvements) expect(flowing).toContain(improvement);
});
