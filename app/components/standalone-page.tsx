import type { ReactNode } from "react";

/**
 * The frame of a page outside any organisation (sign-in, account, invitation and reset
 * links): skip link, the service's name, and a narrow column for a form.
 */
export function StandalonePage({ width = "36rem", children }: { width?: string; children: ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <header className="header">
        <div className="header__inner">
          <a href="/" className="header__service">
            Minuted
          </a>
        </div>
      </header>
      <main id="main" className="container">
        <div style={{ maxWidth: width }}>{children}</div>
      </main>
    </>
  );
}
