/**
 * The built dist/ (npm run build): what the manifest points at exists; the scripts a page loads
 * first stay within 200 KB gzipped; documents, the Office adapter and the xlsx adapter come in
 * lazy chunks; no script of ours evaluates strings as code.
 */
import * as fs from "fs";
import * as path from "path";
import { dist, ensureBuilt, root } from "./harness";

const { DEV_URL } = require("../../scripts/manifest-url.js");

/** A content type only ExcelJS's writer spells out (the chunk's file name is not a reliable mark). */
const EXCELJS_MARKER = "spreadsheetml.sheet.main+xml";

interface Sizes {
  budget: number;
  initial: Record<string, { files: string[]; raw: number; gzip: number }>;
  scripts: Record<string, { raw: number; gzip: number }>;
}

describe("the production build (dist/)", () => {
  let sizes: Sizes;
  const read = (file: string) => fs.readFileSync(path.join(dist, file), "utf8");
  const scripts = () => fs.readdirSync(dist).filter((f) => f.endsWith(".js"));
  const containing = (marker: string) => scripts().filter((f) => read(f).includes(marker));

  beforeAll(() => {
    ensureBuilt();
    sizes = JSON.parse(read("bundle-sizes.json"));
  }, 300_000);

  it("has every file the manifest points at, and a production manifest", () => {
    const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
    const files = [...new Set([...manifest.matchAll(/https:\/\/localhost:3000\/([^"<\s]+)/g)].map((m) => m[1]))];
    expect(files).toEqual(
      expect.arrayContaining(["taskpane.html", "commands.html", "help.html", "assets/icon-32.png"]),
    );
    for (const file of files) expect(fs.existsSync(path.join(dist, file))).toBe(true);
    const production = read("manifest.xml");
    expect(production).not.toContain(DEV_URL);
    expect(production.match(/<FunctionName>/g)).toHaveLength(3);
  });

  it("keeps the task pane's first scripts within 200 KB gzipped", () => {
    expect(sizes.budget).toBe(200 * 1024);
    const first = sizes.initial.taskpane;
    expect(first.files).toContain("boot.js");
    expect(first.gzip).toBeLessThanOrEqual(200 * 1024);
    expect(first.gzip).toBe(first.files.reduce((n, f) => n + sizes.scripts[f].gzip, 0));
  });

  it("loads documents, the Office adapter and the xlsx adapter lazily", () => {
    const first = sizes.initial.taskpane.files;
    const lazily = (marker: string) => {
      const files = containing(marker);
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) expect(first).not.toContain(f);
    };
    lazily("个工作日（至"); // the 通知单 layout (domain/documents)
    lazily("不能写入合并区域中被覆盖的单元格"); // the xlsx adapter
    lazily("getSelectedRange"); // the Office adapter's selection
    lazily(EXCELJS_MARKER); // ExcelJS's browser build
  });

  it("evaluates no string as code: no eval or Function() in any script but ExcelJS's unreachable fallbacks", () => {
    const vendor = containing(EXCELJS_MARKER);
    for (const file of scripts()) {
      const code = read(file);
      expect(code).not.toMatch(/(^|[^\w$.])eval\(/);
      const calls = [...code.matchAll(/(?:^|[^\w$.])((?:new )?Function\([^)]*\))/g)].map((m) => m[1]);
      if (!vendor.includes(file)) {
        expect({ file, calls }).toEqual({ file, calls: [] });
      } else {
        // ExcelJS's bundled polyfills, each behind a test a modern browser passes first:
        // `self || global || Function("return this")()`, regenerator's `typeof globalThis === "object"
        // ? … : Function("r", …)`, and setImmediate's string form (never called with a string).
        const unreachable = ['Function("return this")', 'Function("r","regeneratorRuntime = r")', 'new Function(""+e)'];
        expect(calls.filter((c) => !unreachable.includes(c))).toEqual([]);
      }
    }
  });
});
