import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";

/*
 * Members help themselves: Mark Ellis (an independent member of the Performance
 * Committee) sends apologies for December's meeting and the clerk, in another browser,
 * sees them on the attendance; he keeps a register of interests whose entry is offered
 * back to him on November's published agenda; and he finds his papers.
 */

const MARK = "mark.ellis@northfield.example";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function meetingHref(page: Page, date: string): Promise<string> {
  await page.goto("/o/northfield/meetings");
  const href = await page
    .getByRole("row")
    .filter({ hasText: date })
    .filter({ hasText: "Performance Committee" })
    .getByRole("link")
    .first()
    .getAttribute("href");
  if (!href) throw new Error(`No meeting on ${date}`);
  return href;
}

test("apologies sent by a member appear on the clerk's attendance, and can be withdrawn", async ({ browser }) => {
  const member = await signedIn(browser, MARK);
  const clerk = await signedIn(browser, "admin@northfield.example");
  const december = await meetingHref(clerk, "14 December 2026");
  await clerk.goto(december);
  const markRow = clerk.getByRole("row").filter({ hasText: "Mark Ellis" });
  await expect(markRow).not.toContainText("Apologies sent");

  await member.goto(`${december}/apologies`);
  await expect(member.getByRole("heading", { name: /Apologies for/ })).toBeVisible();
  await expectAccessible(member);
  await member.getByRole("button", { name: "Send apologies" }).click();
  await expect(member.getByText("Say why you cannot come").first()).toBeVisible();
  await member.getByLabel("Why you cannot come").fill("Hospital appointment – Tŷ Ŵyn 🏥");
  await member.getByRole("button", { name: "Send apologies" }).click();
  await expect(member.getByText(/Your apologies are sent/)).toBeVisible();
  await expect(member.getByTestId("my-attendance")).toContainText("Apologies sent (Hospital appointment – Tŷ Ŵyn 🏥)");
  await expectAccessible(member);

  await clerk.reload();
  await expect(markRow.getByTestId("apology-note")).toHaveText("Apologies sent (Hospital appointment – Tŷ Ŵyn 🏥)");
  await expect(markRow.getByRole("combobox")).toHaveValue("apologies");

  await member.getByRole("button", { name: "Withdraw your apologies" }).click();
  await expect(member.getByText(/Your apologies are withdrawn/)).toBeVisible();
  await clerk.reload();
  await expect(markRow.getByTestId("apology-note")).toHaveCount(0);
  await expect(markRow.getByRole("combobox")).toHaveValue("expected");
});

test("a registered interest is offered back on a published agenda; my papers list the next meetings", async ({ browser }) => {
  const member = await signedIn(browser, MARK);
  await member.goto("/o/northfield/interests");
  await expect(member.getByRole("heading", { name: "Your register of interests" })).toBeVisible();
  await expectAccessible(member);
  await member.getByLabel("The interest").fill("Chair of the Corporate Scorecard Working Group");
  await member.getByLabel("Kind").selectOption("other");
  await member.getByRole("button", { name: "Register the interest" }).click();
  await expect(member.getByTestId("my-interests")).toContainText("Chair of the Corporate Scorecard Working Group");
  await expectAccessible(member);

  const november = await meetingHref(member, "30 November 2026");
  await member.goto(november);
  await expect(member.getByTestId("interest-prompts")).toContainText(
    /You registered “Chair of the Corporate Scorecard Working Group”\. Does it relate to item [^,]+, “Corporate scorecard”\?/,
  );

  await member.goto("/o/northfield/my-papers");
  await expect(member.getByRole("heading", { name: "My papers" })).toBeVisible();
  const papers = member.getByTestId("my-papers");
  await expect(papers).toContainText("30 November 2026");
  await expect(papers).toContainText("The agenda is not published yet");
  await expectAccessible(member);
  await papers
    .getByRole("link", { name: /Read the agenda pack/ })
    .first()
    .click();
  await expect(member.getByText("Verified: this is the version as it was frozen")).toBeVisible();

  // The clerk reads everyone's register.
  const clerk = await signedIn(browser, "admin@northfield.example");
  await clerk.goto("/o/northfield/interests");
  await expect(clerk.getByTestId("all-interests")).toContainText("Director of Northfield Repairs Ltd");
  await expectAccessible(clerk);
});
