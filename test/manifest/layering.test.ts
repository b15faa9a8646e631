import { execFileSync } from "child_process";
import * as path from "path";

// The layering rules are mechanical: ESLint (with this project's config) rejects code that breaks them.
const root = path.resolve(__dirname, "../..");

type Probe = readonly [file: string, code: string];

/** Lints all probes in one ESLint run (see scripts/lint-probe.mjs); returns the rule ids per probe. */
function lintAll(probes: readonly Probe[]): string[][] {
  const out = execFileSync(process.execPath, [path.join(root, "scripts/lint-probe.mjs")], {
    cwd: root,
    input: JSON.stringify(probes.map(([file, code]) => ({ file, code }))),
    encoding: "utf8",
  });
  return JSON.parse(out);
}

const REJECTED: readonly (readonly [string, string, string])[] = [
  ["src/domain/bad.ts", 'import { useState } from "react";\nexport const x = useState;\n', "no-restricted-imports"],
  ["src/domain/bad.ts", "export const x = () => Excel.run(async () => undefined);\n", "no-restricted-globals"],
  ["src/domain/bad.ts", 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n', "no-restricted-imports"],
  ["src/domain/bad.ts", "export const today = () => new Date();\n", "no-restricted-syntax"],
  ["src/domain/bad.ts", 'import * as fs from "fs";\nexport const x = fs;\n', "no-restricted-imports"],
  [
    "src/domain/bad.ts",
    'import { XlsxWorkbook } from "../adapters/xlsx/xlsx-workbook";\nexport const x = XlsxWorkbook;\n',
    "no-restricted-imports",
  ],
  ["src/app/bad.ts", "export const x = () => document.title;\n", "no-restricted-globals"],
  ["src/app/bad.ts", 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n', "no-restricted-imports"],
  ["src/taskpane/Bad.tsx", 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n', "no-restricted-imports"],
  ["src/taskpane/Bad.tsx", "export const x = () => Excel.run(async () => undefined);\n", "no-restricted-globals"],
  ["src/adapters/xlsx/bad.ts", "export const x = () => Office.onReady();\n", "no-restricted-globals"],
  [
    "src/adapters/office/bad.ts",
    'import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n',
    "no-restricted-imports",
  ],
];
const ALLOWED: readonly Probe[] = [
  ["src/domain/ok.ts", "export const next = (d: number) => new Date(Date.UTC(2021, 0, d));\n"],
  ["src/adapters/office/ok.ts", "export const x = () => Excel.run(async () => undefined);\n"],
  ["src/adapters/xlsx/ok.ts", 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n'],
];
const CONTEXT_SYNC_IN_LOOP: Probe = [
  "src/adapters/office/loop.ts",
  [
    "export async function f(context: Excel.RequestContext, names: string[]) {",
    "  for (const n of names) {",
    "    context.workbook.worksheets.getItem(n);",
    "    await context.sync();",
    "  }",
    "}",
    "",
  ].join("\n"),
];
const CTX_SYNC_IN_CALLBACK: Probe = [
  "src/adapters/office/loop2.ts",
  "export async function f(ctx: Excel.RequestContext, names: string[]) {\n  names.forEach(async () => {\n    await ctx.sync();\n  });\n}\n",
];

describe("layering is enforced by lint", () => {
  let results: string[][] = [];
  beforeAll(() => {
    results = lintAll([
      ...REJECTED.map(([f, c]) => [f, c] as const),
      ...ALLOWED,
      CONTEXT_SYNC_IN_LOOP,
      CTX_SYNC_IN_CALLBACK,
    ]);
  }, 60_000);

  it.each(REJECTED.map((p, i) => [...p, i] as const))("%s: %j is rejected by %s", (_file, _code, rule, i) => {
    expect(results[i]).toContain(rule);
  });

  it.each(ALLOWED.map((p, i) => [...p, REJECTED.length + i] as const))("%s: allowed code passes", (_f, _c, i) => {
    expect(results[i]).toEqual([]);
  });

  it("office-addin-lint's rule catches context.sync() in a loop", () => {
    expect(results[results.length - 2]).toContain("office-addins/no-context-sync-in-loop");
  });

  it("the project's own rule catches sync() of any context name in a loop callback", () => {
    expect(results[results.length - 1]).toContain("no-restricted-syntax");
  });
});
