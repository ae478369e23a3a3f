import { createRemixStub } from "@remix-run/testing";
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";

/** React's warning about RemixStub's router, a client component, rendered on the server: said for every link. */
const LAYOUT_EFFECT_WARNING = "useLayoutEffect does nothing on the server";

/**
 * The HTML a route's page renders from this loader data, inside Remix's own context (its
 * links, forms and hooks), as the server renders it: nothing of Remix is replaced, so
 * the test files that use it share their modules with the others (vite.config.ts).
 */
export function renderPage(Page: ComponentType, loaderData: unknown, url = "/"): string {
  const Stub = createRemixStub([{ id: "page", path: new URL(url, "http://localhost").pathname, Component: Page }]);
  const warn = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].includes(LAYOUT_EFFECT_WARNING)) return;
    warn(...args);
  };
  try {
    return renderToString(createElement(Stub, { initialEntries: [url], hydrationData: { loaderData: { page: loaderData } } }));
  } finally {
    console.error = warn;
  }
}
