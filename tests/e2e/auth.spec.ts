import { demoUser, expect, expectAccessible, signIn, test } from "./support/fixtures";

test.describe("signing in and out", () => {
  test("the demo admin signs in and sees the shell of Minuted", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
    await expectAccessible(page);
    await signIn(page, demoUser("admin"));
    await expect(page).toHaveURL(/\/o\/northfield$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Northfield Homes (demo)");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const item of ["Scorecard", "Meetings", "Actions", "Packs", "Admin"]) {
      await expect(nav.getByRole("link", { name: item })).toBeVisible();
    }
    await expect(page.getByText("Demo organisation")).toBeVisible();
    await expectAccessible(page);
  });

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(demoUser("member"));
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText("The email address or password is not right");
    await expect(page).toHaveURL(/\/sign-in/);
    await expectAccessible(page);
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, demoUser("viewer"));
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/o/northfield");
    await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fo%2Fnorthfield/);
  });

  test("a visitor asking for an organisation page is sent to sign in, then back", async ({ page }) => {
    await page.goto("/o/northfield/meetings");
    await expect(page).toHaveURL(/\/sign-in\?redirectTo=/);
    await page.getByLabel("Email address").fill(demoUser("member"));
    await page.getByLabel("Password").fill("northfield-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/o\/northfield\/meetings$/);
  });
});

test.describe("roles and organisations", () => {
  test("a member has no Admin link and is refused the admin page", async ({ page }) => {
    await signIn(page, demoUser("member"));
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
    const response = await page.goto("/o/northfield/admin");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You cannot do that");
    await expectAccessible(page);
  });

  test("another organisation's page answers 404, like one that does not exist", async ({ page }) => {
    await signIn(page, demoUser("admin"));
    const other = await page.goto("/o/southbank");
    expect(other?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    const missing = await page.goto("/o/no-such-organisation");
    expect(missing?.status()).toBe(404);
    await expectAccessible(page);
  });

  test("a person of two organisations switches between them", async ({ page }) => {
    await signIn(page, "admin@southbank.example", "southbank-password");
    await expect(page).toHaveURL(/\/o\/southbank$/);
    await page.goto("/o/northfield");
    expect((await page.goto("/o/northfield"))?.status()).toBe(404);
  });
});

test.describe("invitations", () => {
  test("an admin invites a person, who accepts and lands in the organisation", async ({ page, browser }) => {
    await signIn(page, demoUser("admin"));
    await page.goto("/o/northfield/admin");
    await expectAccessible(page);
    const email = `clerk-${Date.now()}@northfield.example`;
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Role").selectOption("officer");
    await page.getByRole("button", { name: "Create invitation link" }).click();
    const link = (await page.getByTestId("one-time-secret").textContent())!.trim();
    expect(link).toMatch(/\/invite\//);
    await expect(page.getByRole("table", { name: "Invitations waiting" })).toContainText(email);

    const invitee = await browser.newContext();
    const invitePage = await invitee.newPage();
    await invitePage.goto(link);
    await expect(invitePage.getByRole("heading", { level: 1 })).toHaveText("Accept your invitation");
    await expectAccessible(invitePage);
    await invitePage.getByLabel("Your name").fill("Chris Clerk");
    await invitePage.getByLabel("New password").fill("clerk-password-1");
    await invitePage.getByLabel("Confirm the password").fill("clerk-password-1");
    await invitePage.getByRole("button", { name: "Create account and sign in" }).click();
    await expect(invitePage).toHaveURL(/\/o\/northfield$/);
    await expect(invitePage.getByText("Welcome, Chris Clerk.")).toBeVisible();

    await invitePage.goto(link);
    await expect(invitePage.getByText("This link has expired or has already been used")).toBeVisible();
    await invitee.close();
  });
});

test.describe("every page is accessible", () => {
  for (const path of [
    "/o/northfield",
    "/o/northfield/scorecard",
    "/o/northfield/meetings",
    "/o/northfield/actions",
    "/o/northfield/packs",
    "/account",
  ]) {
    test(`${path} has no serious accessibility problems`, async ({ page }) => {
      await signIn(page, demoUser("officer"));
      await page.goto(path);
      await expectAccessible(page);
    });
  }
});
