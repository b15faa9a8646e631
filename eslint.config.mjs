// Lint = office-addin-lint's rules (Office.js batching: no sync in loops, load before read, …)
// plus the layering rules of the README (架构), enforced mechanically. `npm run lint` fails on any
// warning. office-addin-lint picks this file up because it sits at the project root.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

/** What Node gives a script without an import (scripts/ and webpack.config.js). */
const NODE_GLOBALS = Object.fromEntries(
  [
    "require",
    "module",
    "exports",
    "__dirname",
    "__filename",
    "process",
    "console",
    "Buffer",
    "setTimeout",
    "clearTimeout",
    "setInterval",
    "clearInterval",
    "setImmediate",
    "URL",
    "TextEncoder",
    "TextDecoder",
  ].map((name) => [name, "readonly"]),
);

const OFFICE_GLOBALS = ["Excel", "Office", "OfficeExtension", "OfficeRuntime"].map((name) => ({
  name,
  message: "Only src/adapters/office (and the task pane / command entry points) may touch Office.js globals.",
}));
const DOM_GLOBALS = [
  "window",
  "document",
  "navigator",
  "localStorage",
  "sessionStorage",
  "fetch",
  "XMLHttpRequest",
].map((name) => ({ name, message: "The engine and use cases are pure: no DOM or browser globals." }));
const EXCELJS = { name: "exceljs", message: "Only src/adapters/xlsx and src/cli may import exceljs." };
const UI_LIBS = [
  {
    group: ["react", "react-dom", "react-dom/*", "react/*", "@fluentui/*"],
    message: "No UI libraries below the task pane.",
  },
];
const NODE_IO = [
  { group: ["fs", "fs/*", "node:*", "path", "child_process", "os"], message: "The engine does no I/O: pass data in." },
];
const CLOCK = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: "No clock in the engine: today is a parameter.",
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: "No clock in the engine: today is a parameter.",
  },
];
const officeAddinsRuleBlock = officeAddins.configs.react.find(
  (c) => c.rules && c.rules["office-addins/no-context-sync-in-loop"],
);
const SYNC = "CallExpression[callee.property.name='sync'][arguments.length=0]";
const SYNC_MSG =
  "Never sync in a loop: load → one sync → compute → write → one sync (chunk only for the 5 MB limit, in one helper).";
const layer = (dir, ...names) => ({
  group: names.map((n) => `**/${n}`),
  message: `${dir} must not depend on ${names.join(", ")}.`,
});

export default [
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "out/**"] },
  ...officeAddins.configs.react,
  // The plugin's rule block names .ts but not .tsx files: apply the same plugins and rules to both.
  {
    ...officeAddinsRuleBlock,
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    settings: { react: { version: "19" } },
    rules: {
      ...officeAddinsRuleBlock.rules,
      "react/react-in-jsx-scope": "off",
      "office-addins/no-context-sync-in-loop": "error",
      "no-undef": "off", // TypeScript checks names; ESLint's globals list does not know Node/DOM/Office.
      "no-restricted-imports": ["error", { paths: [EXCELJS] }],
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS],
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [EXCELJS],
          patterns: [
            ...UI_LIBS,
            ...NODE_IO,
            { group: ["office-*"] },
            layer("src/domain", "app/**", "adapters/**", "taskpane/**", "commands/**", "cli/**"),
          ],
        },
      ],
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS, ...DOM_GLOBALS],
      "no-restricted-syntax": ["error", ...CLOCK],
    },
  },
  {
    files: ["src/app/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [EXCELJS],
          patterns: [
            ...UI_LIBS,
            ...NODE_IO,
            { group: ["office-*"] },
            layer("src/app", "adapters/**", "taskpane/**", "commands/**", "cli/**"),
          ],
        },
      ],
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS, ...DOM_GLOBALS],
      "no-restricted-syntax": ["error", ...CLOCK],
    },
  },
  {
    files: ["src/adapters/office/**/*.ts"],
    rules: {
      // office-addins/no-context-sync-in-loop only sees a variable named `context`; this sees any name.
      "no-restricted-syntax": [
        "error",
        {
          selector: `:matches(ForStatement, ForInStatement, ForOfStatement, WhileStatement, DoWhileStatement) ${SYNC}`,
          message: SYNC_MSG,
        },
        {
          selector: `CallExpression[callee.property.name=/^(forEach|map|reduce|flatMap)$/] ${SYNC}`,
          message: SYNC_MSG,
        },
      ],
      "no-restricted-imports": [
        "error",
        {
          paths: [EXCELJS],
          patterns: [...UI_LIBS, layer("src/adapters/office", "taskpane/**", "cli/**", "adapters/xlsx/**")],
        },
      ],
      "no-restricted-globals": "off",
    },
  },
  {
    files: ["src/adapters/xlsx/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...UI_LIBS, layer("src/adapters/xlsx", "taskpane/**", "cli/**", "adapters/office/**")] },
      ],
    },
  },
  {
    // The package reader/writer and the workbook core run in browsers too (the standalone page
    // loads them in a lazy chunk): Uint8Array and fflate, no Node modules, no Buffer, no ExcelJS.
    files: ["src/adapters/xlsx/package/**/*.ts", "src/adapters/xlsx/book/**/*.ts", "src/adapters/xlsx/load-errors.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [EXCELJS],
          patterns: [
            ...UI_LIBS,
            {
              group: ["fs", "fs/*", "node:*", "path", "child_process", "os", "zlib", "crypto", "stream", "buffer"],
              message: "The xlsx core is browser-safe: pass bytes in, no Node modules.",
            },
            layer(
              "src/adapters/xlsx core",
              "taskpane/**",
              "cli/**",
              "adapters/office/**",
              "adapters/xlsx/xlsx-workbook",
              "adapters/xlsx/node-codec",
              "adapters/xlsx/atomic-write",
            ),
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...OFFICE_GLOBALS,
        { name: "Buffer", message: "The xlsx core is browser-safe: use Uint8Array." },
        { name: "process", message: "The xlsx core is browser-safe." },
        { name: "require", message: "The xlsx core is browser-safe." },
      ],
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...UI_LIBS, layer("src/cli", "taskpane/**", "adapters/office/**")] },
      ],
    },
  },
  {
    // The entry points hand Office over to the adapter; the rest of the task pane talks to use cases.
    files: ["src/taskpane/index.tsx", "src/taskpane/office-host.ts", "src/commands/**/*.ts"],
    rules: { "no-restricted-globals": "off" },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [EXCELJS], patterns: [layer("src/taskpane", "adapters/xlsx/**", "cli/**")] },
      ],
    },
  },
  {
    // The standalone page's lazy chunk opens a picked .xlsx through the xlsx adapter (never
    // exceljs directly); the rest of the task pane talks to use cases.
    files: ["src/taskpane/standalone/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [EXCELJS], patterns: [layer("src/taskpane/standalone", "cli/**")] }],
    },
  },
  {
    // boot.js is the pages' first script, plain ES5 for old webviews (checked by test/browser).
    files: ["src/taskpane/boot.js"],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: "script",
      globals: { window: "readonly", document: "readonly", setTimeout: "readonly" },
    },
  },
  {
    // The load/sync-before-read rules recognise Office proxies by method names (getCell, getRange…)
    // that ExcelJS shares; they only mean something where Office.js objects live.
    files: ["src/domain/**", "src/app/**", "src/adapters/xlsx/**", "src/cli/**", "test/**"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-after-load": "off",
    },
  },
  {
    // The build, test and benchmark scripts are Node CommonJS; lint-probe and this file are ES modules.
    files: ["scripts/**/*.js", "webpack.config.js"],
    languageOptions: { ecmaVersion: "latest", sourceType: "commonjs", globals: NODE_GLOBALS },
  },
  {
    files: ["scripts/**/*.mjs", "eslint.config.mjs"],
    languageOptions: { ecmaVersion: "latest", sourceType: "module", globals: NODE_GLOBALS },
  },
  {
    // Tests and scripts may use anything, including Office fakes and exceljs.
    files: ["test/**/*.{ts,tsx}", "scripts/**/*.{ts,js}"],
    rules: {
      "no-restricted-imports": "off",
      "no-restricted-globals": "off",
      "@typescript-eslint/no-require-imports": "off",
    },
  },
];
