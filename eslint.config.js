// @ts-check
/*
 * The linter keeps the layers apart (ADR 011) and catches what the type checker does
 * not: hooks called conditionally, floating duplicates, unused code. Formatting is
 * Prettier's alone (`npm run format:check`), so no stylistic rule is on here.
 */
import js from "@eslint/js";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** The database and the server process: what the pure layer and the UI must not reach. */
const DATABASE = ["**/db/*", "**/db/**"];
const SERVER = ["**/server/*", "**/server/**"];

const layer = (files, groups, message) => ({
  files,
  rules: {
    "no-restricted-imports": ["error", { patterns: [{ group: groups, message }] }],
  },
});

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "node_modules/**",
      ".data/**",
      ".cache/**",
      ".ci-results/**",
      "public/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "import-x": importX, "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "import-x/no-duplicates": "error",
      "import-x/no-self-import": "error",
      "import-x/no-useless-path-segments": "error",
      "import-x/first": "error",
      // Minuted strips control characters on purpose (unsafe links, PDF text): the rule would flag the defence.
      "no-control-regex": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
    },
  },
  layer(
    ["app/shared/**/*.test.ts", "app/shared/**/*.test.tsx"],
    [...DATABASE, ...SERVER],
    "Tests of the pure rules need no database or server: put such a test in tests/integration.",
  ),
  {
    ...layer(
      ["app/shared/**"],
      [...DATABASE, ...SERVER, "~/components/*", "~/routes/*", "~/utils/*", "**/components/**", "**/routes/**", "**/utils/**"],
      "app/shared holds pure rules used by both sides: it imports nothing from db/, server/ or the UI (ADR 011).",
    ),
    ignores: ["app/shared/**/*.test.ts", "app/shared/**/*.test.tsx"],
  },
  layer(
    ["app/components/**"],
    [...DATABASE, ...SERVER, "~/utils/*.server", "**/*.server"],
    "Components do not query: a route's loader reads the data and passes it in (ADR 011).",
  ),
  layer(
    ["db/**"],
    ["**/app/components/**", "**/app/routes/**", "**/app/utils/**", "~/*", ...SERVER],
    "db/ imports only the domain's vocabulary and pure rules from app/shared, never the UI or the server (ADR 011).",
  ),
);
