import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/**
 * The text of a pack version's PDF, read back with pdftotext, two ways: `layout` keeps a
 * table's columns side by side on their line (to check a row), `flowing` is the text in the
 * order it was drawn with its spaces and line breaks collapsed, so a cell whose words wrap
 * onto more lines reads as one phrase. `versionPath` is the frozen version's web page.
 */
export async function pdfTextOf(page: Page, versionPath: string): Promise<{ layout: string; flowing: string }> {
  const pdf = await page.request.get(`${versionPath}/pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const dir = mkdtempSync(join(tmpdir(), "pack-pdf-"));
  try {
    const file = join(dir, "pack.pdf");
    writeFileSync(file, await pdf.body());
    const read = (mode: string) => execFileSync("pdftotext", [mode, "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    return { layout: read("-layout"), flowing: read("-raw").replace(/\s+/g, " ") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
