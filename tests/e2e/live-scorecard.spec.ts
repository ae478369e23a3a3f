import { demoUser, expect, signIn, test } from "./support/fixtures";

test("an officer corrects a figure in one browser and another browser's scorecard updates live", async ({ browser }) => {
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, demoUser("member"));
  await member.goto("/o/northfield/scorecard?period=2026-10&area=East");
  await expect(member.getByText("Live: this scorecard updates when figures change.")).toBeVisible();
  const eastValue = member.locator("tr[data-code=xBV73] td[data-column=value]");
  const before = await eastValue.textContent();

  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await signIn(officer, demoUser("officer"));
  await officer.goto("/o/northfield/indicators/xBV73?period=2026-10&area=East");
  await officer.getByLabel("Value").fill("");
  await officer.getByLabel("Numerator").fill("1234.5");
  await officer.getByLabel("Denominator").fill("100");
  await officer.getByLabel(/^Reason for the change/).fill("Repairs system re-run for October");
  await officer.getByRole("button", { name: "Save the figure" }).click();
  await expect(officer.getByRole("status").filter({ hasText: "figure for October 2026, East" })).toBeVisible();

  await expect(eastValue).toHaveText("12.35 days", { timeout: 5_000 });
  expect(before).not.toBe("12.35 days");
  await expect(member.getByText(/Figures updated .*xBV73/)).toBeVisible();
  await memberContext.close();
  await officerContext.close();
});
