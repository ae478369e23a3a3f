import { Form, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";

export type ShellProps = {
  user: { name: string; email: string };
  org: { slug: string; name: string; isDemo: boolean; role: string };
  organisations: { slug: string; name: string }[];
  nav: { to: string; label: string }[];
  children: ReactNode;
};

/** The page frame: skip link, header with organisation switcher, navigation by role, footer. */
export function AppShell({ user, org, organisations, nav, children }: ShellProps) {
  const location = useLocation();
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <header className="header">
        <div className="header__inner">
          <a href={`/o/${org.slug}`} className="header__service">
            Minuted
          </a>
          <div className="header__org">
            {organisations.length > 1 ? (
              <Form method="get" action="/switch-organisation" className="org-switcher">
                <label htmlFor="org-switcher" className="visually-hidden">
                  Organisation
                </label>
                <select
                  id="org-switcher"
                  name="to"
                  defaultValue={org.slug}
                  onChange={(e) => e.currentTarget.form?.requestSubmit()}
                  style={{ maxWidth: "18rem", minHeight: "2rem", fontSize: "1rem", border: "1px solid #fff" }}
                >
                  {organisations.map((o) => (
                    <option key={o.slug} value={o.slug}>
                      {o.name}
                    </option>
                  ))}
                </select>{" "}
                <noscript>
                  <button className="button button--secondary" type="submit">
                    Switch
                  </button>
                </noscript>
              </Form>
            ) : (
              <span>
                <bdi>{org.name}</bdi>
              </span>
            )}
          </div>
          <div className="header__account">
            <span>
              <bdi>{user.name}</bdi>{" "}
              <span className="tag" style={{ background: "transparent", color: "#fff" }}>
                {org.role}
              </span>
            </span>
            <a href="/account">Account</a>
            <Form method="post" action="/sign-out">
              <button className="link-button" type="submit">
                Sign out
              </button>
            </Form>
          </div>
        </div>
      </header>
      {org.isDemo ? (
        <div className="demo-banner" role="region" aria-label="Demo organisation">
          <div className="container">Demo organisation: the figures are sample data, not real results.</div>
        </div>
      ) : null}
      <nav className="nav" aria-label="Main">
        <ul>
          {nav.map((item) => (
            <li key={item.to}>
              <NavLink
                to={item.to}
                end={item.to === `/o/${org.slug}`}
                aria-current={location.pathname.startsWith(item.to) && item.to !== `/o/${org.slug}` ? "page" : undefined}
              >
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="container" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <div className="container">Minuted: open-source performance meetings and minuted packs for social housing.</div>
      </footer>
    </>
  );
}
