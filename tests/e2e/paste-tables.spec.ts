import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator, Page } from "@playwright/test";
import { WORD_HTML } from "../../app/shared/commentary/paste-fixture";
import { demoUser, expect, expectAccessible, signIn, test } from "./support/fixtures";

/*
 * A table pasted from Word into a cover report: what Word puts on the clipboard (Office
 * namespaces, "mso-" styles, <o:p>, a list written as paragraphs, an image) is pasted
 * into the summary, the editor says what it left out, and the table, list, bold and link
 * come through to the published agenda pack's web page and PDF. The meeting is a North
 * Area Panel's on a day no other spec uses.
 */

const suffix = Array.from({ length: 3 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join("");
const reportTitle = `Capital programme ${suffix}`;

const sectionBox = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

/** Pastes `html` into an editor as the browser does when Word's content is on the clipboard. */
async function pasteHtml(editor: Locator, html: string) {
  await editor.click();
  await editor.evaluate((element, clipboard) => {
    const data = new DataTransfer();
    data.setData("text/html", clipboard);
    data.setData("text/plain", "Capital programme 2026/27");
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

async function reportItemOnNewMeeting(page: Page): Promise<{ meetingPath: string; reportPath: string }> {
  await page.goto("/o/northfield/meetings");
  await page.getByLabel("Committee or panel").selectOption({ label: "North Area Panel" });
  await page.getByLabel("Date").fill("2027-05-10");
  await page.getByLabel("Start time").fill("18:00");
  await page.getByLabel("Place").fill("Canolfan Gymunedol, Tŷ Newydd");
  await page.getByRole("button", { name: "Arrange the meeting" }).click();
  await page.waitForURL(/\/o\/northfield\/meetings\/[0-9a-f-]{36}$/);
  const meetingPath = new URL(page.url()).pathname;

  await page.getByLabel("Kind of item").selectOption({ label: "Report" });
  await page.getByLabel("Title", { exact: true }).fill(reportTitle);
  await page.getByRole("button", { name: "Add the item" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toContainText(reportTitle);
  const rowId = await page.getByTestId("agenda-row").filter({ hasText: reportTitle }).getAttribute("id");
  return { meetingPath, reportPath: `${meetingPath}/reports/${rowId!.slice("item-".length)}` };
}

test("a table pasted from Word into a cover report reaches the published pack's web page and PDF", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, demoUser("admin"));
  const { meetingPath, reportPath } = await reportItemOnNewMeeting(page);

  await page.goto(reportPath);
  await page.getByRole("button", { name: "Start the cover report" }).click();
  await expect(page.getByTestId("live-cover-report")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();

  // Word's HTML goes into the summary: the table, list, bold and link stay; the image and styles go, and the editor says so.
  const summary = sectionBox(page, "Summary");
  await pasteHtml(summary, WORD_HTML);
  await expect(page.getByTestId("paste-notice")).toHaveText("Images and formatting were removed from the pasted text.");
  await expect(summary.locator("table tr")).toHaveCount(3);
  await expect(summary.locator("table tr").nth(1).locator("td")).toHaveText(["Dŵr Cymru", "£2.4m"]);
  await expect(summary.locator("table tr").first().locator("strong")).toHaveText(["Contractor", "Spend"]);
  await expect(summary.locator("ul > li")).toHaveText(["Kitchens and bathrooms", "Fire doors"]);
  await expect(summary.locator('a[href="https://www.northfield.example/capital"]')).toHaveText("capital plan");
  await expect(summary.locator("img")).toHaveCount(0);
  expect(await summary.innerHTML()).not.toMatch(/mso-|MsoNormal|o:p|·/);
  await expectAccessible(page);

  // The table buttons appear in a table, and a row can be added and removed.
  await summary.locator("table td").filter({ hasText: "£310,000" }).click();
  await page.getByRole("button", { name: "Add a row" }).click();
  await expect(summary.locator("table tr")).toHaveCount(4);
  await summary.locator("table tr").last().locator("td").first().click();
  await page.getByRole("button", { name: "Remove the row" }).click();
  await expect(summary.locator("table tr")).toHaveCount(3);
  await expect(summary.locator("table tr").last().locator("td")).toHaveText(["Łódź Windows Ltd", "£310,000"]);

  // The rest of the report, so that the pack can be published.
  for (const [name, words] of [
    ["Recommendation", "The panel is asked to note the programme."],
    ["Matters for consideration", "Spend is on track."],
    ["Equalities impact assessment", "No adverse impact was found."],
  ]) {
    await sectionBox(page, name).click();
    await page.keyboard.type(words);
  }
  await page.getByRole("textbox", { name: "Author", exact: true }).fill("Siân Llywelyn, Head of Assets");
  await page.getByRole("textbox", { name: "Contact", exact: true }).fill("sian.llywelyn@northfield.example");
  await expect(page.getByTestId("cover-report-gaps")).toContainText("Every required section is written");
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  // The clerk publishes the agenda pack.
  await page.goto(`${meetingPath}/pack`);
  await page.getByRole("button", { name: "Publish the agenda" }).click();
  await expect(page.getByText(/Agenda pack version 1 is frozen/)).toBeVisible();
  await page.getByRole("link", { name: "Read the frozen version" }).click();
  await expect(page.getByText("Verified: this is the version as it was frozen")).toBeVisible();

  // The web page: the table with its cells, the list, the link; no image.
  const table = page.locator(".rich-table table").filter({ hasText: "Dŵr Cymru" });
  await expect(table.locator("tr").nth(1).locator("td")).toHaveText(["Dŵr Cymru", "£2.4m"]);
  await expect(table.locator("tr").nth(2).locator("td")).toHaveText(["Łódź Windows Ltd", "£310,000"]);
  await expect(page.getByRole("listitem").filter({ hasText: "Kitchens and bathrooms" })).toBeVisible();
  await expect(page.getByRole("link", { name: "capital plan" })).toHaveAttribute(
    "href",
    "https://www.northfield.example/capital",
  );
  await expectAccessible(page);
  // No sideways scrolling on a phone.
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The PDF: the cells read back side by side, in the embedded Noto fonts.
  const pdf = await page.request.get(`${new URL(page.url()).pathname}/pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const dir = mkdtempSync(join(tmpdir(), "paste-tables-"));
  try {
    const file = join(dir, "pack.pdf");
    writeFileSync(file, await pdf.body());
    const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    expect(text).toMatch(/Contractor\s+Spend/);
    expect(text).toMatch(/Dŵr Cymru\s+£2\.4m/);
    expect(text).toMatch(/Łódź Windows Ltd\s+£310,000/);
    expect(text).toMatch(/•\s+Kitchens and bathrooms/);
    // Word's bullet, written as text, is not printed before the item.
    expect(text).not.toMatch(/·\s*Kitchens/);
    if (process.env.KEEP_PDF_DIR) writeFileSync(join(process.env.KEEP_PDF_DIR, "paste-tables.pdf"), await pdf.body());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
