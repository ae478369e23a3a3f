import type { ReactNode } from "react";

/**
 * The frame of an organisation's public pages: no account, no navigation into the
 * signed-in application, only a way for staff to sign in.
 */
export function PublicLayout({ org, children }: { org: { slug: string; name: string; isDemo: boolean }; children: ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">Skip to main content</a>
      <header className="header public-header">
        <div className="header__inner">
          <a href={`/p/${org.slug}`} className="header__service">{org.name}</a>
          <span className="public-header__what">Committee papers and performance</span>
          <div className="header__account">
            <a href="/sign-in">Staff sign in</a>
          </div>
        </div>
      </header>
      {org.isDemo ? (
        <div className="demo-banner" role="region" aria-label="Demo organisation">
          <div className="container">Demo organisation: the figures are sample data, not real results.</div>
        </div>
      ) : null}
      <main id="main" className="container public-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <div className="container">Published by {org.name} with Minuted. Confidential (exempt) items are never published.</div>
      </footer>
    </>
  );
}
