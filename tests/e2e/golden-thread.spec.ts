import { demoUser, expect, expectAccessible, signIn, test } from "./support/fixtures";

// The golden thread (ADR 021) in the browser: the demo's business plan, its SIPs, an
// officer recording quarterly progress, and a slipped milestone as an exception.

test("an officer records quarterly progress on a plan action, and explains a slipped milestone seen on the exceptions page", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, demoUser("officer"));

  await page.goto("/o/northfield/objectives");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Business plan objectives");
  await expect(page.getByRole("heading", { level: 2, name: "Decent Homes" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "DH2: Put repairs right first time" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Put repairs right first time");
  await expect(page.locator('[data-indicator="xBV72"]')).toBeVisible();
  await expectAccessible(page);

  await page.goto("/o/northfield/plans");
  await expect(page.locator("[data-plan]")).toHaveCount(4);
  await expectAccessible(page);
  await page.getByRole("link", { name: "SIP-REP: Repairs service improvement plan" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Progress in Q2 2026\/27/ })).toBeVisible();
  await expect(page.locator("[data-slipped-milestone]")).toContainText("Scheduling system live for responsive repairs");
  await expectAccessible(page);

  // The slipped milestone is an exception of Q2, still without its commentary.
  await page.goto("/o/northfield/exceptions?period=2026-09");
  const slipped = page.locator('[data-slipped-milestone="Scheduling system live for responsive repairs"]');
  await expect(slipped).toContainText("Commentary needed");
  await expectAccessible(page);
  await slipped.getByRole("link").click();

  // The officer records the quarter's progress on the action, then the milestone's commentary.
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Book every repair to a two-hour appointment slot");
  await expect(page.getByRole("heading", { name: "What its indicators did since it began" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Quarter", { exact: true }).selectOption("2026/27 Q3");
  await page.getByRole("radio", { name: "At risk" }).check();
  await page
    .getByRole("textbox", { name: "Progress this quarter" })
    .fill("Supplier's fix tested — Tŷ Gwyn depot live first; £0 extra cost.");
  await page.getByRole("button", { name: "Record progress" }).click();
  await expect(page.getByRole("status")).toHaveText("Your progress has been recorded.");
  await expect(page.getByTestId("plan-progress-entry").first()).toContainText(
    "Supplier's fix tested — Tŷ Gwyn depot live first; £0 extra cost.",
  );

  await page
    .getByLabel("Milestone", { exact: true })
    .selectOption({ label: "Scheduling system live for responsive repairs (due 31 August 2026)" });
  await page.getByLabel("Quarter of the commentary").selectOption("2026/27 Q2");
  await page.getByRole("textbox", { name: "Commentary" }).fill("The supplier's link to the repairs system failed testing.");
  await page.getByLabel("Now expected (optional)").fill("2026-12-15");
  await page.getByRole("button", { name: "Record milestone progress" }).click();
  await expect(page.getByRole("status")).toHaveText("Your progress has been recorded.");

  await page.goto("/o/northfield/exceptions?period=2026-09");
  await expect(slipped).toContainText("The supplier's link to the repairs system failed testing.");
  await expect(slipped).toContainText("now expected 15 December 2026");
  await expect(slipped).not.toContainText("Commentary needed");

  await page.goto("/o/northfield/improvements");
  await expect(page.locator("[data-improvement]")).toHaveCount(3);
  await expectAccessible(page);
});
