import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";

/*
 * The room for every member, at the North Area Panel's meeting of 7 December 2026 (no
 * other spec touches it): the clerk opens it, the chair (Joan Whitaker) takes the panel
 * to the report on empty homes, a member (Ravi Patel) reads its summary and votes by
 * keyboard alone while his screen reader is told what happens, and the projector shows
 * the paper, the motion, the live count and the result on a 1920×1080 and a 1280×720
 * screen without scrolling, inside safe margins.
 */

const REPORT = "Empty homes in the North: letting homes before major works";
const WORDING = "the panel supports letting the eight homes before their major works.";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`[${email}] ${error.message}`));
  await signIn(page, email);
  return page;
}

async function panelMeetingHref(page: Page): Promise<string> {
  await page.goto("/o/northfield/meetings");
  const href = await page
    .getByRole("row")
    .filter({ hasText: "7 December 2026" })
    .filter({ hasText: "North Area Panel" })
    .getByRole("link")
    .first()
    .getAttribute("href");
  if (!href) throw new Error("No panel meeting on 7 December 2026");
  return href;
}

/** The one live region of the session, as the accessibility tree has it. */
const announcer = (page: Page) => page.getByRole("status").and(page.getByTestId("room-announcer"));

/** The page neither scrolls nor is wider than the window. */
async function fitsTheWindow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return {
      sideways: root.scrollWidth - window.innerWidth,
      down: root.scrollHeight - window.innerHeight,
    };
  });
}

/** The projector's parts, as fractions of the window from each edge (the smallest of them). */
async function smallestMargin(page: Page) {
  return page.evaluate(() => {
    const parts = Array.from(document.querySelectorAll("main.present > *"));
    const w = window.innerWidth;
    const h = window.innerHeight;
    return Math.min(
      ...parts.map((part) => {
        const r = part.getBoundingClientRect();
        return Math.min(r.left / w, r.top / h, (w - r.right) / w, (h - r.bottom) / h);
      }),
    );
  });
}

test("a member reads the report, votes by keyboard and hears the room; the projector shows the paper, the count and the result", async ({
  page: clerk,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(clerk, "admin@northfield.example");
  const meeting = await panelMeetingHref(clerk);
  await clerk.goto(`${meeting}/session`);
  await expect(clerk.getByText("Session: Connected")).toBeVisible();
  await clerk.getByRole("button", { name: "Open the meeting" }).click();
  await expect(clerk.getByText("The meeting is open")).toBeVisible();

  const chair = await signedIn(browser, "joan.whitaker@northfield.example");
  const member = await signedIn(browser, "ravi.patel@northfield.example");
  for (const p of [chair, member]) {
    await p.goto(`${meeting}/session`);
    await expect(p.getByText("Session: Connected")).toBeVisible();
  }
  const projector = await signedIn(browser, "admin@northfield.example");
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(`${meeting}/present`);

  // The chair takes the panel to the report; the member reads its summary where he decides, as presented.
  await chair
    .getByRole("navigation", { name: "Agenda" })
    .getByRole("button", { name: new RegExp(REPORT) })
    .click();
  await chair.getByRole("button", { name: "Move everyone to this item" }).click();
  const item = member.getByTestId("viewed-item");
  await expect(member.locator("#viewed-item-title")).toContainText(REPORT);
  await expect(item.getByRole("heading", { name: "Summary" })).toBeVisible();
  await expect(item).toContainText("Empty homes in the North took 31 days on average to relet in October 2026");
  await expect(item.getByRole("heading", { name: "Recommendation" })).toBeVisible();
  await expect(item).toContainText("As presented: the papers captured when the meeting opened");
  // The rest of the report is one click away.
  await item.getByText("Read the whole report").click();
  await expect(item).toContainText("Lost rent on the eight homes is about £1,150 a week.");
  await expect(announcer(member)).toContainText(`: ${REPORT}`);

  // The projector: the organisation, the minute number, the summary and recommendation.
  await expect(projector.getByTestId("presented-item")).toContainText(REPORT);
  await expect(projector.getByTestId("presented-item")).toContainText(/NAP 26\/\d+/);
  await expect(projector.locator(".present__organisation")).not.toBeEmpty();
  await expect(projector.getByRole("heading", { name: "Summary" })).toBeVisible();
  await expect(projector.getByText("Empty homes in the North took 31 days on average")).toBeVisible();
  await expect(projector.getByRole("heading", { name: "Recommendation" })).toBeVisible();

  // The chair opens a named vote: the member's screen reader hears it.
  await chair.getByLabel(/^Propose a motion/).fill(WORDING);
  await chair.getByRole("button", { name: "Propose and open the vote" }).click();
  await expect(announcer(member)).toHaveText(
    `Voting is open. Proposed: that ${WORDING} Members vote For, Against or Abstain under Your vote.`,
  );
  await expect(member.getByTestId("room-announcer")).toHaveAttribute("aria-live", "polite");

  // By keyboard alone, from the item's heading: Tab, Enter ("Your vote"), Tab, Enter ("For"): four presses.
  await member.locator("#viewed-item-title").focus();
  const presses = ["Tab", "Enter", "Tab", "Enter"];
  await member.keyboard.press(presses[0]);
  await expect(member.getByRole("link", { name: "Your vote" })).toBeFocused();
  await member.keyboard.press(presses[1]);
  await expect(member.locator("#your-vote")).toBeFocused();
  await member.keyboard.press(presses[2]);
  await expect(member.getByRole("button", { name: "For", exact: true })).toBeFocused();
  await member.keyboard.press(presses[3]);
  expect(presses.length).toBeLessThanOrEqual(8);
  await expect(member.getByText("Your vote (for) is recorded.")).toBeVisible();

  // The projector shows the motion and the count as it comes in.
  const motion = projector.getByTestId("projected-motion");
  await expect(motion).toContainText("Voting now");
  await expect(motion).toContainText(`Proposed: that ${WORDING}`);
  await expect(projector.getByTestId("projected-count")).toContainText(/For\s*1/);
  await chair.getByRole("button", { name: "For", exact: true }).click();
  await expect(projector.getByTestId("projected-count")).toContainText(/For\s*2/);
  await expectAccessible(member);

  // The chair closes the vote: the result is announced and on the wall.
  await chair.getByRole("button", { name: "Close the vote" }).click();
  await expect(announcer(member)).toHaveText(
    `The vote has closed: carried, 2 for, 0 against, 0 abstentions. RESOLVED that ${WORDING}`,
  );
  await expect(motion).toContainText("Carried");
  await expect(motion).toContainText(`RESOLVED that ${WORDING}`);

  // The projector fits a 1920×1080 and a 1280×720 screen, inside margins of at least 5%.
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    await projector.setViewportSize(size);
    await expect(motion).toBeVisible();
    expect(await fitsTheWindow(projector), `projector at ${size.width}×${size.height}`).toEqual({ sideways: 0, down: 0 });
    expect(await smallestMargin(projector)).toBeGreaterThanOrEqual(0.05);
  }
  // "Any other business" is never captioned "Any other business" again.
  await expect(projector.locator(".present__meta")).not.toHaveText(REPORT);
  await expectAccessible(projector);

  // The member asks to speak; when the chair calls him, he is told he has the floor.
  await member.getByRole("button", { name: "Raise your hand to speak" }).click();
  await chair.getByRole("button", { name: "Call Ravi Patel" }).click();
  await expect(announcer(member)).toHaveText("The chair has given you the floor: you may speak now.");

  // Browsing ahead and back: the paper reads the same, and focus stays where it was on "Rejoin the chair".
  await member
    .getByRole("navigation", { name: "Agenda" })
    .getByRole("button", { name: /Apologies/ })
    .click();
  await member.getByRole("button", { name: "Rejoin the chair" }).focus();
  await member.keyboard.press("Enter");
  await expect(member.getByText("Following the chair")).toBeVisible();
  expect(await member.evaluate(() => document.activeElement?.className ?? "")).toContain("follow-chair__state");
  await expect(item).toContainText("31 days on average");

  // On a phone the item comes first and the room panel after; nothing scrolls sideways at 320 px.
  await member.setViewportSize({ width: 320, height: 640 });
  const itemTop = (await item.boundingBox())!.y;
  const agendaTop = (await member.getByRole("navigation", { name: "Agenda" }).boundingBox())!.y;
  expect(itemTop).toBeLessThan(agendaTop);
  expect((await fitsTheWindow(member)).sideways).toBeLessThanOrEqual(0);
  await projector.setViewportSize({ width: 320, height: 640 });
  expect((await fitsTheWindow(projector)).sideways).toBeLessThanOrEqual(0);

  // The clerk closes the meeting: everyone hears it.
  await clerk.getByRole("button", { name: "Close the meeting" }).click();
  await clerk.getByRole("button", { name: "Close the meeting now" }).click();
  await expect(announcer(member)).toHaveText("The meeting has closed.");

  for (const p of [chair, member, projector]) await p.context().close();
});
