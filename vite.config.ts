import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// vitest loads this file too: the Remix plugin must stay out of test runs.
const isTest = Boolean(process.env.VITEST);

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  plugins: isTest
    ? []
    : [
        remix({
          future: {
            v3_fetcherPersist: true,
            v3_relativeSplatPath: true,
            v3_throwAbortReason: true,
            v3_singleFetch: true,
            v3_lazyRouteDiscovery: true,
          },
        }),
      ],
  optimizeDeps: {
    include: [
      "@tiptap/react",
      "@tiptap/starter-kit",
      "@tiptap/extension-collaboration",
      "@tiptap/extension-collaboration-caret",
      "yjs",
      "y-websocket",
      "y-indexeddb",
      "socket.io-client",
    ],
  },
  server: { hmr: { port: 24679 } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "server/**/*.test.ts", "db/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    globalSetup: ["./tests/setup/global-setup.ts"],
    // Each test file makes its own database, servers and services; the modules it imports
    // are shared with the files run before it in the same worker (no test file replaces a
    // module). Loading them afresh for every file took over half the suite's time: 526 s
    // isolated, 251 s not, on two workers (December 2026).
    isolate: false,
  },
});
