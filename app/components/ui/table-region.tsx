import type { ReactNode } from "react";

/**
 * A wide table that scrolls sideways on a phone: focusable and named, so that keyboard
 * users can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrapper" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
