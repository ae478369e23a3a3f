import { demoUser, expect, expectAccessible, signIn, test } from "./support/fixtures";

test.describe("the indicator page", () => {
  test("an officer reads BV212, corrects an area's figure with a note and a reason, and sees the revision", async ({ page }) => {
    await signIn(page, demoUser("officer"));
    await page.goto("/o/northfield/indicators/BV212");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Average time to re-let empty homes");
    await expect(page.getByRole("heading", { level: 2, name: "Performance in October 2026" })).toBeVisible();
    await expect(page.getByText("Lower is better").first()).toBeVisible();

    // The chart is an image with a summary, and its figures are a real table.
    const chart = page.getByRole("img", {
      name: /^Line chart of Average time to re-let empty homes, April 2024 to October 2026/,
    });
    await expect(chart).toBeVisible();
    await page.getByText("Show the figures as a table").click();
    const figures = page.getByRole("table", { name: /the value each month against its target/ });
    await expect(figures.getByRole("rowheader", { name: "October 2026" })).toBeVisible();

    // The areas side by side.
    const areas = page.getByRole("table", { name: /by area, October 2026/ });
    for (const area of ["North", "East", "South", "West"])
      await expect(areas.getByRole("rowheader", { name: area })).toBeVisible();
    await expectAccessible(page);

    // Correct North's October figure.
    await areas.getByRole("link", { name: "Enter or correct the figure for North" }).click();
    await expect(page).toHaveURL(/area=North/);
    await expect(page.getByLabel("Area", { exact: true }).locator("option:checked")).toHaveText("North");
    await expect(page.getByText(/The figure for October 2026, North is now/)).toBeVisible();
    await page.getByLabel("Numerator").fill("540");
    await page.getByLabel("Denominator").fill("18");
    await page.getByLabel("Note (optional)").fill("Checked against the lettings system");
    await page.getByLabel(/^Reason for the change/).fill("Two lets were recorded in the wrong month");
    await page.getByRole("button", { name: "Save the figure" }).click();

    await expect(page.getByRole("status").filter({ hasText: "Changed the figure" })).toHaveText(
      "Changed the figure for October 2026, North: 30.00 days. It is now waiting to be verified.",
    );
    const latest = page
      .getByRole("table", { name: /changes to this indicator’s figures/ })
      .getByRole("row")
      .nth(1);
    await expect(latest).toContainText("Tom Okafor");
    await expect(latest).toContainText("October 2026, North");
    await expect(latest).toContainText("30.00 days");
    await expect(latest).toContainText("Two lets were recorded in the wrong month");
    await expect(latest).toContainText("Note: Checked against the lettings system");
    await expect(areas.getByRole("row", { name: /North/ })).toContainText("30.00 days");
    await expectAccessible(page);
  });

  test("a viewer reads the page but is offered no entry form and no Verify button", async ({ page }) => {
    await signIn(page, demoUser("viewer"));
    await page.goto("/o/northfield/indicators/BV212");
    await expect(page.getByRole("img", { name: /^Line chart of/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Enter or correct a figure" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Verify/ })).toHaveCount(0);
    await expectAccessible(page);
    // On a phone the chart and the tables scroll sideways, and still pass.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByText("Show the figures as a table").click();
    await expectAccessible(page);
  });

  test("an admin verifies a figure", async ({ page }) => {
    await signIn(page, demoUser("admin"));
    await page.goto("/o/northfield/indicators/BV66a");
    const waiting = page.getByRole("table", { name: /not yet checked by the performance team/ });
    await waiting.getByRole("button", { name: "Verify the figure for October 2026, Whole organisation" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Verified" })).toContainText(
      "Verified the figure for October 2026, whole organisation",
    );
    await expect(waiting.getByRole("rowheader", { name: "October 2026, Whole organisation" })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("an unknown indicator answers 404", async ({ page }) => {
    await signIn(page, demoUser("officer"));
    const response = await page.goto("/o/northfield/indicators/NO-SUCH-CODE");
    expect(response?.status()).toBe(404);
  });
});
