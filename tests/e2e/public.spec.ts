import { demoUser, expect, expectAccessible, signIn, test } from "./support/fixtures";

// The public pages need no sign-in. LPI-02 (homes with a valid gas safety certificate,
// a tenant top ten indicator) is changed by the live test below and by no other spec.

test.describe("an organisation's public page", () => {
  test("shows the packs, the minutes and the tenant top ten in plain words, with no way into the signed-in app but staff sign in", async ({
    page,
  }) => {
    const response = await page.goto("/p/northfield");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Committee papers and performance");
    await expect(page.getByRole("banner").getByRole("link", { name: "Northfield Homes (demo)" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Staff sign in" })).toHaveAttribute("href", "/sign-in");
    expect(await page.locator('a[href^="/o/"]').count()).toBe(0);

    // The demo may or may not have published packs by the time this runs (other specs publish).
    const agenda = page.getByRole("region", { name: "Agenda packs" });
    await expect(
      agenda
        .getByText("No agenda packs have been published yet.")
        .or(agenda.getByRole("link", { name: /^Read the agenda pack/ }).first()),
    ).toBeVisible();
    const minutes = page.getByRole("region", { name: "Approved minutes" });
    await expect(
      minutes
        .getByText("No minutes have been approved yet.")
        .or(minutes.getByText(/^Approved on \d+ \w+ \d{4}, signed by /).first()),
    ).toBeVisible();

    const topTen = page.getByRole("region", { name: "How we are doing: the tenant top ten" });
    // The demo's last published month is September; October is still open (not public).
    await expect(topTen.getByText("Our latest published figures, for September 2026.", { exact: false })).toBeVisible();
    const relets = topTen.locator("li[data-code=BV212]");
    await expect(relets.getByRole("heading", { name: "Average time to re-let empty homes" })).toBeVisible();
    await expect(relets).toContainText("Off target");
    await expect(relets).toContainText(
      "On average it took us 33.45 days to re-let empty homes in September 2026. Our target is no more than 22 days: we are over target, and doing worse than a year ago.",
    );
    await expect(relets.locator("svg.status-badge__glyph")).toHaveCount(1); // a shape as well as the word
    await expectAccessible(page);
  });

  test("an organisation with nothing published says so", async ({ page }) => {
    await page.goto("/p/southbank");
    await expect(page.getByText("No agenda packs have been published yet.")).toBeVisible();
    await expect(page.getByText("No minutes have been approved yet.")).toBeVisible();
    await expect(page.getByText("No figures have been published yet.")).toBeVisible();
    await expectAccessible(page);
  });

  test("an organisation that does not exist is not found", async ({ page }) => {
    const response = await page.goto("/p/no-such-organisation");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    const pack = await page.request.get("/p/northfield/packs/00000000-0000-4000-8000-000000000000/v/1.pdf");
    expect(pack.status()).toBe(404);
  });
});

test.describe("the reception screen", () => {
  test("shows one indicator at a time, large, and pauses and plays by keyboard", async ({ page }) => {
    await page.goto("/p/northfield/screen?seconds=5");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("How we are doing: the tenant top ten");
    const carousel = page.getByRole("region", { name: "The tenant top ten, one at a time" });
    const slides = carousel.getByTestId("screen-slides");
    const position = carousel.locator(".screen-rotation__position");
    await expect(position).toHaveText(/^1 of \d+$/);
    await expect(carousel.locator(".screen-slide:not([hidden])")).toHaveCount(1);
    await expect(slides).toHaveAttribute("aria-live", "off");
    await expectAccessible(page);

    // Tab to the button: focus alone pauses the rotation and makes the region polite.
    await page.keyboard.press("Tab");
    const pause = carousel.getByRole("button", { name: "Pause" });
    await expect(pause).toBeFocused();
    await expect(slides).toHaveAttribute("aria-live", "polite");
    await page.keyboard.press("Enter");
    const play = carousel.getByRole("button", { name: "Play" });
    await expect(play).toBeFocused();
    await page.waitForTimeout(6_000);
    await expect(position).toHaveText(/^1 of /); // paused: nothing moved

    // The visitor moves on by hand.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(carousel.getByRole("button", { name: "Next indicator" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(position).toHaveText(/^2 of /);

    // Play again, then leave the carousel: it rotates by itself, silently.
    await play.focus();
    await page.keyboard.press("Space");
    await expect(carousel.getByRole("button", { name: "Pause" })).toBeFocused();
    await expect(slides).toHaveAttribute("aria-live", "off");
    await expect(position).toHaveText(/^3 of /, { timeout: 8_000 });
    await expectAccessible(page);
  });

  test("without JavaScript, lists every indicator", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/p/northfield/screen");
    const items = page.locator("ol.screen-list > li");
    expect(await items.count()).toBeGreaterThanOrEqual(9);
    await expect(page.getByRole("button", { name: "Pause" })).toHaveCount(0);
    await expect(page.locator("li[data-code=BV66a]")).toContainText("98.47%");
    await context.close();
  });

  test("updates live, without a reload, once a corrected tenant top ten figure is verified", async ({ page, browser }) => {
    await page.goto("/p/northfield/screen");
    await expect(page.getByText("These figures update by themselves when they change.")).toBeVisible();
    const gasSafety = page.locator(".screen-slide[data-code=LPI-02]").getByTestId("screen-value");
    await expect(gasSafety).toHaveText("100.00%"); // September, the last published month
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // The officer corrects September's figure: unverified, so not yet public.
    const officerContext = await browser.newContext();
    const officer = await officerContext.newPage();
    await signIn(officer, demoUser("officer"));
    await officer.goto("/o/northfield/indicators/LPI-02?period=2026-09");
    await officer.getByLabel("Value").fill("97.25");
    await officer.getByLabel(/^Reason for the change/).fill("Late certificates found in the September audit");
    await officer.getByRole("button", { name: "Save the figure" }).click();
    await expect(officer.getByRole("status").filter({ hasText: "figure for September 2026" })).toBeVisible();
    // Until it is verified the public never sees it (the slide may leave the rotation meanwhile).
    await expect(page.locator(".screen-slide[data-code=LPI-02]").getByText("97.25%")).toHaveCount(0);

    // The performance team verifies it: the screen shows it at once.
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, demoUser("admin"));
    await admin.goto("/o/northfield/indicators/LPI-02?period=2026-09");
    await admin
      .getByRole("button", { name: /^Verify the figure for (September 2026|2026-09)/ })
      .first()
      .click();
    await expect(gasSafety).toHaveText("97.25%", { timeout: 5_000 });
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await officerContext.close();
    await adminContext.close();
  });
});
