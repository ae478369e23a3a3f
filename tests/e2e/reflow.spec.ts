import type { Browser, BrowserContext, Page } from "@playwright/test";
import { demoUser, expect, expectAccessible, signIn, test } from "./support/fixtures";

/*
 * WCAG 2.2 reflow (1.4.10): every page of the application, for every role that sees it,
 * at 320 and 390 CSS px wide, is no wider than the window (wide tables scroll inside
 * their own named region, everything else wraps), and axe finds nothing serious there.
 * One signed-in context per role; the page is loaded once and resized, which is how a
 * phone turned on its side or a zoomed window behaves.
 */

test.describe.configure({ mode: "parallel" });
// A trace of a hundred page loads costs more than it tells: a failure names the page, the width and what sticks out.
test.use({ trace: "off" });

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

type Group = { name: string; roles: Role[] | "public"; pages: Record<string, (p: Places) => string> };
const EVERYONE = ROLES;

const GROUPS: Group[] = [
  {
    name: "the public pages",
    roles: "public",
    pages: {
      "sign-in": () => "/sign-in",
      "public page": () => "/p/northfield",
      "reception screen": () => "/p/northfield/screen",
      "public pack": (p) => p.publicPack,
      invitation: (p) => p.invitation,
      "expired reset link": () => "/reset/no-such-token",
      "page not found": () => "/o/no-such-organisation",
    },
  },
  {
    name: "the performance pages",
    roles: EVERYONE,
    pages: {
      home: () => ORG,
      account: () => "/account",
      scorecard: () => `${ORG}/scorecard?period=2026-10`,
      exceptions: () => `${ORG}/exceptions?period=2026-10`,
      exception: () => `${ORG}/exceptions/TP06?period=2026-10`,
      indicator: () => `${ORG}/indicators/BV212?period=2026-10`,
      areas: () => `${ORG}/areas?period=2026-10`,
      area: () => `${ORG}/areas/North?period=2026-10`,
    },
  },
  {
    name: "the performance team's pages",
    roles: ["admin"],
    pages: {
      "indicator library": () => `${ORG}/indicators`,
      "new indicator": () => `${ORG}/indicators/new`,
      "edit indicator": () => `${ORG}/indicators/BV212/edit`,
      "month in progress": () => `${ORG}/months`,
      imports: () => `${ORG}/imports`,
      admin: () => `${ORG}/admin`,
    },
  },
  {
    name: "the meeting pages",
    roles: EVERYONE,
    pages: {
      actions: () => `${ORG}/actions`,
      action: (p) => p.action,
      bodies: () => `${ORG}/bodies`,
      body: (p) => p.body,
      meetings: () => `${ORG}/meetings`,
      "held meeting": (p) => p.october,
      "published meeting": (p) => p.november,
      "draft meeting": (p) => p.december,
      "meeting without items": (p) => p.panel,
      "cover report": (p) => p.coverReport,
    },
  },
  {
    name: "the pack pages",
    roles: EVERYONE,
    pages: {
      packs: () => `${ORG}/packs`,
      "agenda pack": (p) => `${p.november}/pack`,
      "minuted pack": (p) => `${p.october}/pack`,
      "pack version": (p) => p.packVersion,
      projector: (p) => `${p.november}/present`,
    },
  },
  {
    name: "the golden thread and the members' own pages",
    roles: EVERYONE,
    pages: {
      "year-end view": () => `${ORG}/scorecard?period=2026-03&view=year-end`,
      objectives: () => `${ORG}/objectives`,
      plans: () => `${ORG}/plans`,
      improvements: () => `${ORG}/improvements`,
      "my papers": () => `${ORG}/my-papers`,
    },
  },
  {
    name: "the settings and registers",
    roles: ["admin"],
    pages: {
      "exception setting": () => `${ORG}/exception-setting`,
      "register of interests": () => `${ORG}/interests`,
    },
  },
  // The live session page is being reworked (the current item first, the room panel after):
  // a group of its own, to mark test.fixme should only its layout fail.
  {
    name: "the meeting session",
    roles: EVERYONE,
    pages: {
      "session before it opens": (p) => `${p.november}/session`,
      "session of a held meeting": (p) => `${p.october}/session`,
    },
  },
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

/**
 * Loads the page at 320 px, then widens it to 390 px: at each width no sideways scrolling.
 * Axe runs once, at 320 px, the narrowest layout and the likeliest to break: the spec,
 * the longest of the suite, took 234 s of the workers' time in CI instead of 336 s.
 */
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
    if (width === WIDTHS[0]) await expectAccessible(page, { soft: true, everyImpact: true });
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

/** Every page of the group in one browser: a failing page is reported and the others still checked. */
async function checkGroup(page: Page, group: Group) {
  for (const [name, path] of Object.entries(group.pages)) {
    await test.step(name, () => expectReflows(page, path(placesFound())));
  }
}

for (const group of GROUPS.filter((g) => g.roles === "public")) {
  test(`${group.name} reflow at 320 and 390 px`, async ({ page }) => {
    await checkGroup(page, group);
  });
}

for (const role of ROLES) {
  test.describe(`signed in as ${role}`, () => {
    // One sign-in for the role, its cookie shared by the role's tests.
    let signedIn: Awaited<ReturnType<BrowserContext["storageState"]>> | undefined;
    test.beforeAll(async ({ browser }) => {
      const context = await browser.newContext();
      await signIn(await context.newPage(), demoUser(role));
      signedIn = await context.storageState();
      await context.close();
    });
    // eslint-disable-next-line no-empty-pattern
    test.use({ storageState: async ({}, provide) => provide(signedIn) });

    for (const group of GROUPS.filter((g) => g.roles !== "public" && g.roles.includes(role))) {
      test(`${group.name} reflow at 320 and 390 px`, async ({ page }) => {
        test.setTimeout(180_000);
        await checkGroup(page, group);
      });
    }
  });
}
