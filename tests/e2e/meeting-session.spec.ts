import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";

/*
 * A Performance Committee meeting of the demo organisation, held in separate browsers:
 * the clerk (admin), the chair (member@), an officer and three members. The demo's
 * committee has six members; quorum is four including a tenant.
 */

type Person = { context: BrowserContext; page: Page };

async function person(browser: Browser, email: string): Promise<Person> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`[${email}] ${error.message}`));
  await signIn(page, email);
  return { context, page };
}

async function meetingHref(page: Page, date: string): Promise<string> {
  await page.goto("/o/northfield/meetings");
  const link = page
    .getByRole("row")
    .filter({ hasText: date })
    .filter({ hasText: "Performance Committee" })
    .getByRole("link")
    .first();
  const href = await link.getAttribute("href");
  if (!href) throw new Error(`No meeting on ${date}`);
  return href;
}

async function openSession(p: Person, href: string) {
  await p.page.goto(`${href}/session`);
  await expect(p.page.getByText("Session: Connected")).toBeVisible();
}

const viewedTitle = (page: Page) => page.locator("#viewed-item-title");

test("the clerk freezes October's minuted pack: a verified version with its hash, its PDF and web page", async ({ page }) => {
  await signIn(page, "admin@northfield.example");
  const october = await meetingHref(page, "19 October 2026");
  await page.goto(`${october}/pack`);
  await expect(page.getByRole("heading", { name: "Minuted pack" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Freeze minuted pack" }).click();
  await expect(page.getByText(/Minuted pack version 1 is frozen\. SHA-256 [0-9a-f]{64}/)).toBeVisible();
  await page.getByRole("link", { name: "Read the frozen version" }).click();
  await expect(page.getByText("Verified: this is the version as it was frozen")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Contents" })).toContainText(/page \d+/);
  await expect(page.getByText("Priya Shah presented the exception reports for September")).toBeVisible();
  await expectAccessible(page);
  const pdf = await page.request.get(`${page.url()}/pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  // The minutes are read-only from now on.
  await page.goto(`${october}/session`);
  await expect(page.getByText("Session: Connected")).toBeVisible();
});

test("a committee meeting held live: follow the chair, co-written minutes, quorum, a declared interest, a vote, and the actions carried to the next meeting", async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  // The clerk opens the meeting.
  await signIn(page, "admin@northfield.example");
  const november = await meetingHref(page, "30 November 2026");
  await page.goto(`${november}/session`);
  await expect(page.getByText("Session: Connected")).toBeVisible();
  await page.getByRole("button", { name: "Open the meeting" }).click();
  await expect(page.getByText("The meeting is open")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Agenda" })).toContainText("PC 26/");

  const chair = await person(browser, "member@northfield.example");
  const officer = await person(browser, "officer@northfield.example");
  const independent = await person(browser, "sarah.lin@northfield.example");
  const tenant = await person(browser, "joan.whitaker@northfield.example");
  const tenant2 = await person(browser, "ravi.patel@northfield.example");
  for (const p of [chair, officer, independent, tenant, tenant2]) await openSession(p, november);

  // Attendance is taken as people join: four members present, a tenant among them: quorate.
  await expect(page.getByTestId("quorum")).toHaveText(/Quorate: 4 of 6 members, including a tenant member/);
  for (const name of ["Sarah Lin", "Joan Whitaker", "Ravi Patel"]) await expect(page.getByTestId("presence")).toContainText(name);
  await expectAccessible(chair.page);

  // The members approve October's minutes as a correct record, and the chair signs them.
  await chair.page
    .getByRole("navigation", { name: "Agenda" })
    .getByRole("button", { name: /Minutes of the last meeting/ })
    .click();
  await chair.page.getByRole("button", { name: "Move everyone to this item" }).click();
  await expect(viewedTitle(tenant.page)).toContainText("Minutes of the last meeting");
  await chair.page
    .getByLabel(/^Propose a motion/)
    .fill("the minutes of the meeting held on 19 October 2026 be approved as a correct record.");
  await chair.page.getByRole("button", { name: "Propose and open the vote" }).click();
  for (const voter of [chair, tenant, tenant2, independent])
    await voter.page.getByRole("button", { name: "For", exact: true }).click();
  await expect(chair.page.getByTestId("tally")).toHaveText("4 for, 0 against, 0 abstentions");
  await chair.page.getByRole("button", { name: "Close the vote" }).click();
  await expect(page.getByTestId("motion")).toContainText("Carried");
  await chair.page.getByRole("button", { name: "Sign the minutes as a correct record" }).click();
  await expect(chair.page.getByText(/The minutes are approved and signed\. Signed version: SHA-256 [0-9a-f]{64}/)).toBeVisible();
  await expect(chair.page.getByText("Session: Connected")).toBeVisible();

  // The chair moves to the scorecard; the members' screens follow.
  await chair.page
    .getByRole("navigation", { name: "Agenda" })
    .getByRole("button", { name: /Corporate scorecard/ })
    .click();
  await chair.page.getByRole("button", { name: "Move everyone to this item" }).click();
  await expect(viewedTitle(tenant.page)).toContainText("Corporate scorecard");
  await expect(viewedTitle(independent.page)).toContainText("Corporate scorecard");
  await expect(viewedTitle(page)).toContainText("Corporate scorecard");

  // The clerk and the officer write the minutes together.
  const clerkMinutes = page.locator('[data-field^="minutes:"] .ProseMirror');
  const officerMinutes = officer.page.locator('[data-field^="minutes:"] .ProseMirror');
  await expect(viewedTitle(officer.page)).toContainText("Corporate scorecard");
  await clerkMinutes.click();
  await page.keyboard.type("The committee reviewed the corporate scorecard. ");
  // The officer adds to the end of what the clerk wrote, once it has reached her screen
  // (typing before then would put her words in the middle of the clerk's, as it should).
  await expect(officerMinutes).toContainText("The committee reviewed the corporate scorecard.");
  await officerMinutes.click();
  await officer.page.keyboard.press("Control+End");
  await officer.page.keyboard.type("Rent collection is recovering.");
  await expect(clerkMinutes).toContainText("The committee reviewed the corporate scorecard. Rent collection is recovering.");

  // An independent member declares an interest: no vote for her on this item.
  await independent.page.getByText("Declare an interest in this item").click();
  await independent.page.getByLabel("Prejudicial interest").check();
  await independent.page.getByLabel("What the interest is").fill("My firm bids for the repairs contract");
  await independent.page.getByRole("button", { name: "Declare the interest" }).click();
  await expect(independent.page.getByText("Your declaration is recorded in the minutes.")).toBeVisible();
  await expect(page.getByTestId("declarations")).toContainText("Sarah Lin declared a prejudicial interest");
  // A prejudicial interest: she has left the meeting for this item and does not count towards its quorum.
  await expect(page.getByTestId("presence").getByRole("listitem").filter({ hasText: "Sarah Lin" })).toContainText(
    "left the meeting for this item",
  );
  await expect(tenant.page.getByTestId("quorum")).toHaveText(
    /Not quorate: 3 of 6 members present, 4 needed including a tenant member \(1 member left the meeting for this item\)/,
  );

  // The committee's clerk holds the pen: a member cannot type in the minutes but suggests wording, which the clerk accepts.
  const tenantMinutes = tenant.page.locator('[data-field^="minutes:"] .ProseMirror');
  await expect(tenantMinutes).toHaveAttribute("contenteditable", "false");
  await tenant.page.getByLabel("Suggest wording for the minutes").fill("Members asked for arrears by area.");
  await tenant.page.getByRole("button", { name: "Suggest", exact: true }).click();
  await expect(page.getByTestId("suggestions")).toContainText("Joan Whitaker suggests: Members asked for arrears by area.");
  await page.getByRole("button", { name: "Accept the suggestion of Joan Whitaker" }).click();
  await expect(tenantMinutes).toContainText("Members asked for arrears by area.");
  await expect(clerkMinutes).toContainText("Rent collection is recovering.");
  await expect(tenant.page.getByTestId("suggestions").getByRole("listitem")).toHaveCount(0);

  // The chair proposes a resolution; members vote; the result is recorded.
  await chair.page.getByLabel(/^Propose a motion/).fill("the corporate scorecard for October 2026 be noted.");
  await chair.page.getByRole("button", { name: "Propose and open the vote" }).click();
  await expect(tenant.page.getByTestId("motion")).toContainText("Proposed: that the corporate scorecard");
  await expect(independent.page.getByText("You declared an interest in this item, so you cannot vote on it.")).toBeVisible();
  await expect(independent.page.getByRole("button", { name: "For", exact: true })).toHaveCount(0);
  await tenant.page.getByRole("button", { name: "For", exact: true }).click();
  await expect(tenant.page.getByText("Your vote (for) is recorded.")).toBeVisible();
  await tenant2.page.getByRole("button", { name: "Against", exact: true }).click();
  await chair.page.getByRole("button", { name: "For", exact: true }).click();
  await expect(chair.page.getByTestId("tally")).toHaveText("2 for, 1 against, 0 abstentions");
  await chair.page.getByRole("button", { name: "Close the vote" }).click();
  await expect(page.getByTestId("motion")).toContainText("Carried");

  // A tenant member leaves: three members are left, no longer quorate.
  await tenant2.context.close();
  await expect(page.getByTestId("quorum")).toHaveText(/Not quorate: 2 of 6 members present/);

  // The clerk records an agreed action on the item and closes the meeting.
  await page.getByRole("button", { name: "Add an agreed action" }).click();
  const action = page.getByRole("group", { name: "Action 1" });
  await action.getByLabel("What will be done").fill("Report arrears by area to the December meeting");
  await action.getByLabel("Owner").selectOption({ label: "Tom Okafor" });
  await action.getByLabel("Due date").fill("2026-12-10");
  await action.getByLabel("Indicator (optional)").selectOption({ label: "BV66a Rent collected as a percentage of rent due" });
  await expect(tenant.page.getByRole("group", { name: "Action 1" }).getByLabel("What will be done")).toHaveValue(
    "Report arrears by area to the December meeting",
  );
  // Closing asks first; once confirmed, a member's screen shows it closed at once.
  await page.getByRole("button", { name: "Close the meeting" }).click();
  await expect(page.getByTestId("close-confirmation")).toBeVisible();
  await page.getByRole("button", { name: "Close the meeting now" }).click();
  await expect(page.getByText("The meeting is closed. 1 agreed action entered the action log.")).toBeVisible();
  await expect(tenant.page.getByTestId("meeting-closed")).toContainText("Closed.");

  // The action is in the log, and in December's review of the action log with the indicator's movement.
  await page.goto("/o/northfield/actions");
  await expect(page.getByRole("table")).toContainText("Report arrears by area to the December meeting");
  const december = await meetingHref(page, "14 December 2026");
  await page.goto(`${december}/session`);
  await page
    .getByRole("navigation", { name: "Agenda" })
    .getByRole("button", { name: /Review of the action log/ })
    .click();
  const review = page.getByTestId("viewed-item");
  await expect(review).toContainText("Report arrears by area to the December meeting");
  await expect(review).toContainText(/since agreed|Not known/);

  for (const p of [chair, officer, independent, tenant]) await p.context.close();
});

test("the approved minutes are on the public page, without their exempt item", async ({ page }) => {
  await page.goto("/p/northfield");
  const minutes = page.getByRole("region", { name: "Approved minutes" });
  await expect(minutes).toContainText("19 October 2026");
  await expect(minutes).toContainText(/signed by/i);
  await expectAccessible(page);
  const pdfHref = await minutes.getByRole("link", { name: /^PDF/ }).first().getAttribute("href");
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await minutes
    .getByRole("link", { name: /Read the minutes/ })
    .first()
    .click();
  await expect(page.getByText("Exempt information: not for publication (paragraph 3)").first()).toBeVisible();
  const body = await page.content();
  expect(body).not.toContain("preferred bidder");
  expect(body).not.toContain("Responsive repairs contract");
  await expectAccessible(page);
});

test("the projector view shows the chair's item, large", async ({ page }) => {
  await signIn(page, "admin@northfield.example");
  const december = await meetingHref(page, "14 December 2026");
  await page.goto(`${december}/present`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
});

test("a viewer watches the session but has no chair's or member's controls", async ({ page }) => {
  await signIn(page, "viewer@northfield.example");
  const november = await meetingHref(page, "30 November 2026");
  await page.goto(`${november}/session`);
  await expect(page.getByText("Session: Connected")).toBeVisible();
  await expect(page.getByRole("button", { name: "Move everyone to this item" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Raise your hand to speak" })).toHaveCount(0);
  await expectAccessible(page);
});
