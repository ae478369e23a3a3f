import type { ReactNode } from "react";

/**
 * A wide table that scrolls sideways on a phone: focusable and named, so that keyboard
 * users can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable). Every wide
 * table goes through this one wrapper, so that no page is wider than a 320 px screen
 * (WCAG 1.4.10; tests/e2e/reflow.spec.ts). The region is a landmark: its label must
 * differ from the section around it ("Attendance table" in "Attendance").
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrapper" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
