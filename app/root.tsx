import type { LinksFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useContext } from "react";
import { NonceContext } from "~/components/nonce-context";
import stylesheet from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useContext(NonceContext);
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  // A request refused as too large (413) or unreadable (400) says why in its body.
  const refused =
    isRouteErrorResponse(error) && (error.status === 413 || error.status === 400) && typeof error.data === "string"
      ? error.data
      : null;
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
        <title>
          {notFound
            ? "Page not found – Minuted"
            : forbidden
              ? "Not allowed – Minuted"
              : refused
                ? "Not sent – Minuted"
                : "Sorry, there is a problem – Minuted"}
        </title>
        {refused ? (
          <>
            <h1>That could not be sent</h1>
            <p>{refused}</p>
            <p>
              <a href="/">Go to your start page</a>
            </p>
          </>
        ) : notFound ? (
          <>
            <h1>Page not found</h1>
            <p>
              If you typed the web address, check it is correct. <a href="/">Go to your start page</a>.
            </p>
          </>
        ) : forbidden ? (
          <>
            <h1>You cannot do that</h1>
            <p>Your role in this organisation does not allow it. Ask your performance team if you need it.</p>
            <p>
              <a href="/">Go to your start page</a>
            </p>
          </>
        ) : (
          <>
            <h1>Sorry, there is a problem with the service</h1>
            <p>Try again later. Nothing you saved has been lost.</p>
          </>
        )}
      </main>
    </>
  );
}
