import type { ReactNode } from "react";
import type { CoverReportDetails } from "~/shared/packs/cover-report-content";
import {
  COVER_REPORT_SECTIONS,
  NO_IMPLICATIONS_AREAS,
  type CoverReportSection,
  type ReportDetailKey,
} from "~/shared/packs/cover-report-sections";

/*
 * The parts of a cover report page that do not need the live document: the stored
 * report, read only (what the page shows before the editor has loaded, and all it
 * shows without JavaScript), and the pieces the live editor shares with it.
 */

/** A cover report as stored, for the page before (or without) the live editor. */
export type RenderedCoverReportData = {
  /** By section key: HTML made by server/commentary/render-commentary.ts (allowlisted elements, escaped text). */
  sections: Record<string, string>;
  checklist: { key: string; label: string; noImplications: boolean }[];
  details: CoverReportDetails;
};

export const DETAIL_FIELDS: { key: ReportDetailKey; label: string; hint: string; multiline: boolean }[] = [
  { key: "author", label: "Author", hint: "Name and job title of the officer who wrote the report.", multiline: false },
  {
    key: "contact",
    label: "Contact",
    hint: "A telephone number or e-mail address for questions before the meeting.",
    multiline: false,
  },
  {
    key: "backgroundPapers",
    label: "Background papers",
    hint: "Documents the report relies on that are not attached, or “None”.",
    multiline: true,
  },
];

export const sectionHeadingId = (key: string) => `report-section-${key}`;
export const sectionHintId = (key: string) => `report-hint-${key}`;

/** A section's heading and hint, around its words or its editor. */
export function CoverReportSectionFrame({ section, children }: { section: CoverReportSection; children: ReactNode }) {
  return (
    <section
      className="commentary-section cover-report-section"
      aria-labelledby={sectionHeadingId(section.key)}
      data-section={section.key}
    >
      <h2 id={sectionHeadingId(section.key)} className="commentary-section__title">
        {section.title}
        {section.required ? null : <span className="commentary-section__optional"> (optional)</span>}
      </h2>
      <p id={sectionHintId(section.key)} className="hint commentary-section__hint">
        {section.hint}
      </p>
      {children}
    </section>
  );
}

/**
 * "No implications arising": a real checkbox per area, in a fieldset whose legend is
 * the heading. Read only, the boxes are disabled, so they show what was ticked and
 * cannot be changed.
 */
export function NoImplicationsChecklist({
  ticked,
  editable,
  onChange,
}: {
  ticked: Record<string, boolean>;
  editable: boolean;
  onChange?: (key: string, value: boolean) => void;
}) {
  return (
    <fieldset className="cover-report-checklist" aria-describedby="no-implications-hint">
      <legend className="cover-report-checklist__legend">
        <h2 className="cover-report-checklist__heading">No implications arising</h2>
      </legend>
      <p id="no-implications-hint" className="hint">
        Tick each area where the report has no implications. Leave an area unticked where it does, and explain it under matters
        for consideration.
      </p>
      <ul className="cover-report-checklist__list">
        {NO_IMPLICATIONS_AREAS.map((area) => (
          <li key={area.key} className="cover-report-checklist__item">
            <input
              type="checkbox"
              id={`no-implications-${area.key}`}
              checked={ticked[area.key] ?? false}
              disabled={!editable}
              onChange={(event) => onChange?.(area.key, event.currentTarget.checked)}
            />
            <label htmlFor={`no-implications-${area.key}`}>{area.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Author, contact and background papers, read only. */
export function ReportDetailsList({ details }: { details: CoverReportDetails }) {
  return (
    <dl className="cover-report-details">
      {DETAIL_FIELDS.map((field) => (
        <div key={field.key} className="cover-report-details__row">
          <dt>{field.label}</dt>
          <dd>{details[field.key] || <span className="hint">Not given yet.</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ReportDetailsFrame({ children }: { children: ReactNode }) {
  return (
    <section className="cover-report-section" aria-labelledby="report-details-title">
      <h2 id="report-details-title">Author, contact and background papers</h2>
      {children}
    </section>
  );
}

/** The whole cover report as stored, read only. */
export function RenderedCoverReport({ data }: { data: RenderedCoverReportData }) {
  const ticked = Object.fromEntries(data.checklist.map((c) => [c.key, c.noImplications]));
  return (
    <div className="cover-report" data-testid="rendered-cover-report">
      {COVER_REPORT_SECTIONS.map((section) => (
        <CoverReportSectionFrame key={section.key} section={section}>
          {data.sections[section.key] ? (
            <div className="commentary-prose" dangerouslySetInnerHTML={{ __html: data.sections[section.key] }} />
          ) : (
            <p className="hint">Nothing written yet.</p>
          )}
        </CoverReportSectionFrame>
      ))}
      <NoImplicationsChecklist ticked={ticked} editable={false} />
      <ReportDetailsFrame>
        <ReportDetailsList details={data.details} />
      </ReportDetailsFrame>
    </div>
  );
}
