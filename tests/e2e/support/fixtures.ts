import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "northfield-demo";
export const demoUser = (role: "admin" | "officer" | "member" | "viewer") => `${role}@northfield.example`;

/** Every test fails on a console error in the page, as the Epic Stack's do. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" && !/the server responded with a status of 4\d\d/.test(message.text()))
          errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "console errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/**
 * WCAG 2.2 AA through axe: no serious or critical violations on the page as it stands
 * (`everyImpact`: none at all). `soft` reports them and carries on, for a test that checks
 * many pages in turn. Axe runs inside the page (legacy mode: the app has no frames) and
 * lists violations only: about half the time of the default, which opens a second page
 * for every check (3.0 s against 6.2 s for the action log on this machine under load).
 */
export async function expectAccessible(page: Page, { soft = false, everyImpact = false } = {}) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .options({ resultTypes: ["violations"] })
    .setLegacyMode(true)
    .analyze();
  const serious = results.violations.filter((v) => everyImpact || v.impact === "serious" || v.impact === "critical");
  (soft ? expect.soft : expect)(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    `accessibility violations on ${page.url()}`,
  ).toEqual([]);
  // Axe no longer reports a repeated id, and counts a label as found when its `for` matches
  // any of them: the browser ties it to the first, leaving the other control without a name
  // (two "period" selects on the indicator page did). So ids are checked here.
  const repeatedIds = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const element of document.querySelectorAll("[id]")) seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
    return [...seen].filter(([, count]) => count > 1).map(([id, count]) => `${id} (${count} times)`);
  });
  (soft ? expect.soft : expect)(repeatedIds, `ids used more than once on ${page.url()}`).toEqual([]);
}
