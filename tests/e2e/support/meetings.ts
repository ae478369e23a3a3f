import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** Three capital letters, so that a rerun against a kept server names its committee and minutes apart. */
export const runSuffix = () => Array.from({ length: 3 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join("");

/**
 * Sets up a committee with no seats, through the Committees and panels page, and arranges
 * a meeting of it on the meetings page; returns the meeting page's path. With no seats,
 * its record has no attendance to complete before the minutes can be frozen, and no other
 * spec's meetings are its previous or next.
 */
export async function arrangeMeetingOfNewCommittee(
  page: Page,
  committee: { name: string; minutePrefix: string; kindOfMeeting?: string; date: string; place: string },
): Promise<string> {
  await page.goto("/o/northfield/bodies");
  await page.getByLabel("Name", { exact: true }).fill(committee.name);
  await page.getByLabel("Kind", { exact: true }).selectOption({ label: "Committee" });
  await page.getByLabel("Minute prefix").fill(committee.minutePrefix);
  await page.getByLabel("Quorum", { exact: true }).fill("1");
  await page.getByRole("button", { name: "Set up the committee or panel" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(committee.name);

  await page.goto("/o/northfield/meetings");
  await page.getByLabel("Committee or panel").selectOption({ label: committee.name });
  if (committee.kindOfMeeting) await page.getByLabel("Kind of meeting").selectOption({ label: committee.kindOfMeeting });
  await page.getByLabel("Date").fill(committee.date);
  await page.getByLabel("Start time").fill("10:00");
  await page.getByLabel("Place").fill(committee.place);
  await page.getByRole("button", { name: "Arrange the meeting" }).click();
  await page.waitForURL(/\/o\/northfield\/meetings\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}
