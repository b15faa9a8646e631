/**
 * The built dist/ (npm run build): what the manifest points at exists; the scripts a page loads
 * first stay within 200 KB gzipped; documents, the Office adapter and the xlsx adapter come in
 * lazy chunks; no script evaluates strings as code.
 */
import * as fs from "fs";
import * as path from "path";
import { dist, ensureBuilt, root } from "./harness";

const { DEV_URL } = require("../../scripts/manifest-url.js");

/** A part name only the xlsx package reader spells out (the chunk's file name is not a reliable mark). */
const PACKAGE_MARKER = "[Content_Types].xml";

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
    lazily(PACKAGE_MARKER); // the xlsx adapter's package core (standalone page)
    lazily("getSelectedRange"); // the Office adapter's selection
  });

  it("evaluates no string as code: no eval, Function() or Worker in any script", () => {
    for (const file of scripts()) {
      const code = read(file);
      expect({ file, eval: code.match(/(?:^|[^\w$.])eval\(/g) }).toEqual({ file, eval: null });
      expect({ file, fn: code.match(/(?:^|[^\w$.])(?:new )?Function\(/g) }).toEqual({ file, fn: null });
      expect({ file, worker: code.match(/new Worker\(/g) }).toEqual({ file, worker: null });
    }
  });
});
