import { demoUser, expect, expectAccessible, signIn, test } from "./support/fixtures";

/*
 * Where each person starts (issue 14, section 4): the home page a committee member and a
 * viewer land on, each checked with axe. The officer's and the performance team's home
 * pages are checked in tests/e2e/real-organisation.spec.ts. The demo's last published
 * month is September 2026 (October is in progress).
 */

test.describe("the home page of each role", () => {
  test("a committee member starts on their meetings and the published scorecard, and nothing of the month's work", async ({
    page,
  }) => {
    await signIn(page, demoUser("member"));
    await expect(page).toHaveURL(/\/o\/northfield$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Northfield Homes (demo)");
    await expect(page.getByRole("heading", { name: "Scorecard: September 2026" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Month in progress/ })).toHaveCount(0);
    // No figures or commentaries (a member answers for no indicator); their own actions, once
    // a meeting gives them some, are listed under "What you owe".
    await expect(page.getByTestId("owed-figures")).toHaveCount(0);
    await expect(page.getByTestId("owed-commentaries")).toHaveCount(0);
    // Their next meetings (the demo's are dated, so there may be none left to come): each
    // with its papers and a way to send apologies.
    const meetings = page.getByTestId("next-meetings").getByRole("listitem");
    for (const meeting of await meetings.all()) {
      await expect(meeting.getByRole("link", { name: /^Send apologies for / })).toBeVisible();
    }
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Committees" })).toBeVisible();
    await expectAccessible(page, { everyImpact: true });
  });

  test("a viewer starts on the published scorecard, with nothing owed and no meetings of their own", async ({ page }) => {
    await signIn(page, demoUser("viewer"));
    await expect(page).toHaveURL(/\/o\/northfield$/);
    const scorecard = page.getByRole("region", { name: "Scorecard: September 2026" });
    await expect(scorecard).toBeVisible();
    await expect(scorecard.getByRole("listitem").first()).toContainText(/: \d+$/);
    await expect(page.getByRole("heading", { name: /^What you owe/ })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Your next meetings" })).toHaveCount(0);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Imports" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Committees" })).toHaveCount(0);
    await expectAccessible(page, { everyImpact: true });
  });
});
