import type { Browser, Page } from "@playwright/test";
import { demoUser, expect, expectAccessible, signIn, test } from "./support/fixtures";

/*
 * WCAG 2.2 reflow (1.4.10): every page of the application, for every role that sees it,
 * at 320 and 390 CSS px wide, is no wider than the window (wide tables scroll inside
 * their own named region, everything else wraps), and axe finds nothing serious there.
 * One signed-in context per role; the page is loaded once and resized, which is how a
 * phone turned on its side or a zoomed window behaves.
 */

test.describe.configure({ mode: "parallel" });

const WIDTHS = [320, 390] as const;
type Role = "admin" | "officer" | "member" | "viewer";
const ROLES: Role[] = ["admin", "officer", "member", "viewer"];
const ORG = "/o/northfield";

/** The addresses of the demo's records, found once per worker by following links as an admin would. */
type Places = {
  october: string;
  november: string;
  december: string;
  panel: string;
  coverReport: string;
  action: string;
  body: string;
  packVersion: string;
  publicPack: string;
  invitation: string;
};

async function hrefOf(page: Page, locator: ReturnType<Page["locator"]>): Promise<string> {
  const href = await locator.first().getAttribute("href");
  if (!href) throw new Error(`No link found on ${page.url()}`);
  return new URL(href, page.url()).pathname;
}

async function findPlaces(browser: Browser): Promise<Places> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demoUser("admin"));
  await page.goto(`${ORG}/meetings`);
  const meeting = (date: string, body: string) =>
    hrefOf(page, page.getByRole("row").filter({ hasText: date }).filter({ hasText: body }).getByRole("link"));
  const october = await meeting("19 October 2026", "Performance Committee");
  const november = await meeting("30 November 2026", "Performance Committee");
  const december = await meeting("14 December 2026", "Performance Committee");
  const panel = await meeting("7 December 2026", "North Area Panel");
  await page.goto(october);
  const coverReport = await hrefOf(page, page.getByRole("link", { name: /^Cover report/ }));
  await page.goto(`${ORG}/actions`);
  const action = await hrefOf(page, page.locator(`a[href^="${ORG}/actions/"]`));
  await page.goto(`${ORG}/bodies`);
  const body = await hrefOf(page, page.locator(`a[href^="${ORG}/bodies/"]`));
  await page.goto(`${november}/pack`);
  const packVersion = await hrefOf(page, page.getByRole("link", { name: /^Web page/ }));
  await page.goto("/p/northfield");
  const publicPack = await hrefOf(page, page.getByRole("link", { name: /^Read the/ }));
  // An invitation to a new address, to see the page that accepts it.
  await page.goto(`${ORG}/admin`);
  await page.getByLabel("Email address").fill(`reflow-${Date.now()}@northfield.example`);
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const invitation = new URL((await page.getByTestId("one-time-secret").textContent())!.trim()).pathname;
  await context.close();
  return { october, november, december, panel, coverReport, action, body, packVersion, publicPack, invitation };
}

type PageCase = { name: string; path: (p: Places) => string; roles: Role[] | "public" };
const EVERYONE = ROLES;
const ADMIN: Role[] = ["admin"];

const PAGES: PageCase[] = [
  // Public pages, signed out.
  { name: "sign-in", path: () => "/sign-in", roles: "public" },
  { name: "public page", path: () => "/p/northfield", roles: "public" },
  { name: "reception screen", path: () => "/p/northfield/screen", roles: "public" },
  { name: "public pack", path: (p) => p.publicPack, roles: "public" },
  { name: "invitation", path: (p) => p.invitation, roles: "public" },
  { name: "expired reset link", path: () => "/reset/no-such-token", roles: "public" },
  { name: "page not found", path: () => "/o/no-such-organisation", roles: "public" },
  // The organisation's pages.
  { name: "home", path: () => ORG, roles: EVERYONE },
  { name: "account", path: () => "/account", roles: EVERYONE },
  { name: "scorecard", path: () => `${ORG}/scorecard?period=2026-10`, roles: EVERYONE },
  { name: "exceptions", path: () => `${ORG}/exceptions?period=2026-10`, roles: EVERYONE },
  { name: "exception", path: () => `${ORG}/exceptions/TP06?period=2026-10`, roles: EVERYONE },
  { name: "indicator", path: () => `${ORG}/indicators/BV212?period=2026-10`, roles: EVERYONE },
  { name: "areas", path: () => `${ORG}/areas?period=2026-10`, roles: EVERYONE },
  { name: "area", path: () => `${ORG}/areas/North?period=2026-10`, roles: EVERYONE },
  { name: "actions", path: () => `${ORG}/actions`, roles: EVERYONE },
  { name: "action", path: (p) => p.action, roles: EVERYONE },
  { name: "bodies", path: () => `${ORG}/bodies`, roles: EVERYONE },
  { name: "body", path: (p) => p.body, roles: EVERYONE },
  { name: "meetings", path: () => `${ORG}/meetings`, roles: EVERYONE },
  { name: "held meeting", path: (p) => p.october, roles: EVERYONE },
  { name: "published meeting", path: (p) => p.november, roles: EVERYONE },
  { name: "draft meeting", path: (p) => p.december, roles: EVERYONE },
  { name: "meeting without items", path: (p) => p.panel, roles: EVERYONE },
  { name: "cover report", path: (p) => p.coverReport, roles: EVERYONE },
  { name: "meeting packs", path: (p) => `${p.november}/pack`, roles: EVERYONE },
  { name: "minuted packs", path: (p) => `${p.october}/pack`, roles: EVERYONE },
  { name: "pack version", path: (p) => p.packVersion, roles: EVERYONE },
  { name: "packs", path: () => `${ORG}/packs`, roles: EVERYONE },
  { name: "projector", path: (p) => `${p.november}/present`, roles: EVERYONE },
  // The performance team's pages.
  { name: "indicator library", path: () => `${ORG}/indicators`, roles: ADMIN },
  { name: "new indicator", path: () => `${ORG}/indicators/new`, roles: ADMIN },
  { name: "edit indicator", path: () => `${ORG}/indicators/BV212/edit`, roles: ADMIN },
  { name: "month in progress", path: () => `${ORG}/months`, roles: ADMIN },
  { name: "imports", path: () => `${ORG}/imports`, roles: ADMIN },
  { name: "admin", path: () => `${ORG}/admin`, roles: ADMIN },
];

/** The elements that reach past the right edge of the window outside a region that scrolls them: what to fix. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const clipped = (el: Element) => {
      for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
        if (getComputedStyle(e).overflowX !== "visible") return e.getBoundingClientRect().right <= width + 0.5;
      }
      return false;
    };
    return [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !clipped(el))
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).join(".")} (right ${Math.round(el.getBoundingClientRect().right)} px)`,
      );
  });
}

/** Loads the page at 320 px, then widens it to 390 px: at each width no sideways scrolling, and axe finds nothing serious. */
async function expectReflows(page: Page, path: string) {
  await page.setViewportSize({ width: WIDTHS[0], height: 720 });
  const response = await page.goto(path, { waitUntil: "networkidle" });
  expect.soft(response?.status(), path).toBeLessThan(path.includes("no-such") ? 500 : 400);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 720 });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    const culprits = scrollWidth > innerWidth ? (await overflowing(page)).join("; ") : "";
    expect.soft(scrollWidth, `${path} at ${width} px is ${scrollWidth} px wide: ${culprits}`).toBeLessThanOrEqual(innerWidth);
    await expectAccessible(page, { soft: true });
  }
}

let places: Places | undefined;
test.beforeAll(async ({ browser }) => {
  places = await findPlaces(browser);
});
const placesFound = () => {
  if (!places) throw new Error("The demo's records were not found");
  return places;
};

/** Every page in the list in one signed-in browser: a failing page is reported and the others still checked. */
async function checkPages(page: Page, pages: PageCase[]) {
  for (const pageCase of pages) {
    await test.step(pageCase.name, () => expectReflows(page, pageCase.path(placesFound())));
  }
}

test("the public pages reflow at 320 and 390 px", async ({ page }) => {
  await checkPages(
    page,
    PAGES.filter((p) => p.roles === "public"),
  );
});

for (const role of ROLES) {
  test(`the pages ${role}s see reflow at 320 and 390 px`, async ({ page }) => {
    test.setTimeout(240_000);
    await signIn(page, demoUser(role));
    await checkPages(
      page,
      PAGES.filter((p) => p.roles !== "public" && p.roles.includes(role)),
    );
  });

  // The live session page is being reworked (the current item first, the room panel after): its own test.
  test(`the meeting session reflows at 320 and 390 px for ${role}s`, async ({ page }) => {
    await signIn(page, demoUser(role));
    const p = placesFound();
    await test.step("session before it opens", () => expectReflows(page, `${p.november}/session`));
    await test.step("session of a held meeting", () => expectReflows(page, `${p.october}/session`));
  });
}
