import { demoUser, expect, expectAccessible, signIn, test } from "./support/fixtures";

/*
 * The indicator library and the people on the Admin page, as the performance team uses
 * them in a browser: each page and form passes axe (WCAG 2.2 AA).
 */

test.describe("the indicator library", () => {
  test("lists the library, adds an indicator through the form, changes and retires it", async ({ page }) => {
    await signIn(page, demoUser("admin"));
    await page.goto("/o/northfield/indicators");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Indicator library");
    await expect(page.getByRole("rowheader", { name: "BV66a" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Themes" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Add an indicator" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("New indicator");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Add the indicator" }).click();
    await expect(page.getByRole("alert")).toContainText("Enter the indicator's code");
    await expectAccessible(page);

    await page.getByLabel("Code").fill("E2E-01");
    await page.getByLabel("Title").fill("Tenancies sustained beyond twelve months");
    await page.getByLabel("Category").fill("Local indicator");
    await page.getByLabel("Theme").selectOption({ index: 1 });
    await page.getByLabel("Unit").fill("%");
    await page.getByLabel("Frequency").selectOption("biennial");
    await page.getByLabel("Decimal places").fill("1");
    await page.getByLabel("Owner").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Add the indicator" }).click();
    await expect(page.getByRole("status")).toContainText("E2E-01 saved");

    await page.getByRole("link", { name: "Change E2E-01" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Change E2E-01");
    await expect(page.getByLabel("Frequency")).toHaveValue("biennial");
    await expectAccessible(page);
    await page.getByLabel("Title").fill("Tenancies sustained");
    await page.getByRole("button", { name: "Save the indicator" }).click();
    await expect(page.getByRole("status")).toContainText("E2E-01 saved");

    await page.getByRole("button", { name: "Retire E2E-01" }).click();
    await expect(page.getByRole("status")).toContainText("E2E-01 is retired");
    await expect(page.getByRole("row", { name: /E2E-01/ })).toContainText("No (retired)");
  });
});

test.describe("people on the Admin page", () => {
  test("lists what a member answers for before removing them", async ({ page }) => {
    await signIn(page, demoUser("admin"));
    await page.goto("/o/northfield/admin");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Remove Tom Okafor" }).click();
    await expect(page.getByRole("heading", { name: /^Remove / })).toBeVisible();
    await expect(page.getByLabel(/^Manager of BV66a/)).toBeVisible();
    await expectAccessible(page);
  });
});
