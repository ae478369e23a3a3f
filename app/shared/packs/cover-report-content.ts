import type * as Y from "yjs";
import { fragmentText } from "../commentary/commentary-content";
import {
  CHECKLIST_FIELD,
  COVER_REPORT_SECTIONS,
  NO_IMPLICATIONS_AREAS,
  REPORT_DETAIL_KEYS,
  REPORT_DETAILS_FIELD,
  type ReportDetailKey,
} from "./cover-report-sections";
import type { CoverReportContent, RichText } from "./pack-document";

/*
 * Reading a cover report's Yjs document (`report:<id>`), the same way in the browser
 * (the live "still to write" list) and on the server (the page before the editor
 * loads, the pack). Whatever a client wrote, these return plain, checked values: a
 * malformed entry reads as blank, an unticked box or anything but `true` as not ticked.
 */

export const coverReportFragment = (doc: Y.Doc, key: string) => doc.getXmlFragment(key);
export const checklistMap = (doc: Y.Doc) => doc.getMap<unknown>(CHECKLIST_FIELD);
export const reportDetailsMap = (doc: Y.Doc) => doc.getMap<unknown>(REPORT_DETAILS_FIELD);

/** The most each detail may hold; the editor's inputs stop there, and a longer value is cut on reading. */
export const REPORT_DETAIL_MAX_LENGTH: Record<ReportDetailKey, number> = { author: 200, contact: 200, backgroundPapers: 2000 };

export type CoverReportDetails = Record<ReportDetailKey, string>;
export type CoverReportChecklist = Record<(typeof NO_IMPLICATIONS_AREAS)[number]["key"], boolean>;

/** One detail as typed (not trimmed, so that the editor keeps the space being typed). */
export function readReportDetail(doc: Y.Doc, key: ReportDetailKey): string {
  const value = reportDetailsMap(doc).get(key);
  return typeof value === "string" ? value.slice(0, REPORT_DETAIL_MAX_LENGTH[key]) : "";
}

/** Author, contact and background papers, trimmed. */
export function readReportDetails(doc: Y.Doc): CoverReportDetails {
  return Object.fromEntries(REPORT_DETAIL_KEYS.map((key) => [key, readReportDetail(doc, key).trim()])) as CoverReportDetails;
}

/** Every area of the checklist: true where the report says there are no implications arising. */
export function readChecklist(doc: Y.Doc): CoverReportChecklist {
  const map = checklistMap(doc);
  return Object.fromEntries(NO_IMPLICATIONS_AREAS.map((area) => [area.key, map.get(area.key) === true])) as CoverReportChecklist;
}

/**
 * The cover report as the pack holds it: every section in the sector's order with its
 * title (`richText` turns a section into ProseMirror JSON, or null when it is empty; the
 * server passes its schema-checked converter), every area of the checklist, the details.
 */
export function readCoverReport(doc: Y.Doc, richText: (fragment: Y.XmlFragment) => RichText | null): CoverReportContent {
  const ticked = readChecklist(doc);
  const details = readReportDetails(doc);
  return {
    sections: COVER_REPORT_SECTIONS.map((section) => ({
      key: section.key,
      title: section.title,
      body: richText(coverReportFragment(doc, section.key)),
    })),
    checklist: NO_IMPLICATIONS_AREAS.map((area) => ({ area: area.label, noImplications: ticked[area.key] })),
    author: details.author,
    contact: details.contact,
    backgroundPapers: details.backgroundPapers,
  };
}

export type CoverReportGap = { key: string; message: string };

/**
 * What is still to write before the report can go in a pack: each required section
 * that is empty ("Summary is empty"), and the author and contact when missing.
 * Policy review implications, the checklist and background papers are optional.
 */
export function coverReportGaps(doc: Y.Doc): CoverReportGap[] {
  const gaps: CoverReportGap[] = [];
  for (const section of COVER_REPORT_SECTIONS) {
    if (section.required && fragmentText(coverReportFragment(doc, section.key)) === "") {
      gaps.push({ key: section.key, message: `${section.title} is empty` });
    }
  }
  const details = readReportDetails(doc);
  if (!details.author) gaps.push({ key: "author", message: "No author is named" });
  if (!details.contact) gaps.push({ key: "contact", message: "No contact is given" });
  return gaps;
}

/** Nothing at all has been written or ticked. */
export function isCoverReportEmpty(doc: Y.Doc): boolean {
  const details = readReportDetails(doc);
  return (
    COVER_REPORT_SECTIONS.every((section) => fragmentText(coverReportFragment(doc, section.key)) === "") &&
    Object.values(readChecklist(doc)).every((ticked) => !ticked) &&
    REPORT_DETAIL_KEYS.every((key) => details[key] === "")
  );
}
