import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import type { AddressInfo } from "net";
import { chromium, type BrowserContext } from "playwright-core";

const { CHROMIUM_ARGS, CHROMIUM_PATH } = require("../../scripts/chromium.js");

export const root = path.resolve(__dirname, "../..");
export const dist = path.join(root, "dist");

/**
 * Browser tests run when Debian's chromium is installed; under CI=true a missing browser is a
 * failure, not a skip.
 */
export function describeWithBrowser(name: string, body: () => void): void {
  if (fs.existsSync(CHROMIUM_PATH)) return describe(name, body);
  if (process.env.CI === "true") {
    return describe(name, () => {
      it("needs chromium", () => {
        throw new Error(`CI=true but ${CHROMIUM_PATH} is missing: install Debian's chromium (see .ci/run)`);
      });
    });
  }
  return describe.skip(`${name} (skipped: ${CHROMIUM_PATH} not installed)`, body);
}

/** Builds dist/ once if it is missing (CI builds before testing, so this is for local runs). */
export function ensureBuilt(): void {
  if (fs.existsSync(path.join(dist, "taskpane.html"))) return;
  execFileSync(process.execPath, [path.join(root, "node_modules/webpack/bin/webpack.js"), "--mode", "production"], {
    cwd: root,
    stdio: "ignore",
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "text/xml",
};

/** A static file server for dist/ on a free loopback port. */
export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const file = path.join(dist, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Headless chromium with a fresh profile folder (playwright-core refuses --user-data-dir in args). */
export async function launch(
  options: { userAgent?: string; width?: number; acceptDownloads?: boolean } = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "duban-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: options.width ?? 360, height: 640 },
    locale: "zh-CN",
    acceptDownloads: options.acceptDownloads ?? true,
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The fake Excel (test/adapters/office/fake-excel.ts) as a browser script: it defines
 * `window.DubanFake` (the module's exports), for an init script to build a workbook and the
 * `Office` / `Excel` globals from. Each module (the fake and the modules it imports by relative
 * path) is compiled with TypeScript's transpileModule and linked by a small `require`.
 */
export function fakeExcelScript(): string {
  const ts = require("typescript") as typeof import("typescript");
  const modules = new Map<string, string>();
  const add = (file: string) => {
    if (modules.has(file)) return;
    const source = fs.readFileSync(file, "utf8");
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    });
    modules.set(file, outputText);
    for (const m of source.matchAll(/from "(\.{1,2}\/[^"]+)"/g)) add(path.resolve(path.dirname(file), `${m[1]}.ts`));
  };
  const entry = path.join(root, "test/adapters/office/fake-excel.ts");
  add(entry);
  const id = (file: string) => JSON.stringify(path.relative(root, file));
  const defs = [...modules]
    .map(([file, code]) => `defs[${id(file)}] = function (exports, require, module) {\n${code}\n};`)
    .join("\n");
  // The fake measures request sizes with Buffer.byteLength; the page gets a local stand-in, no global.
  const buffer = "var Buffer = { byteLength: function (s) { return new TextEncoder().encode(s).length; } };";
  return `(function () {
  ${buffer}
  var defs = {}, done = {};
  function load(name) {
    if (done[name]) return done[name].exports;
    var module = (done[name] = { exports: {} });
    var dir = name.split("/").slice(0, -1);
    defs[name](module.exports, function (rel) {
      var parts = dir.slice();
      rel.split("/").forEach(function (p) { if (p === "..") parts.pop(); else if (p !== ".") parts.push(p); });
      return load(parts.join("/") + ".ts");
    }, module);
    return module.exports;
  }
  ${defs}
  window.DubanFake = load(${id(entry)});
})();`;
}

/** Screenshots and other things to look at go to out/. */
export function outPath(name: string): string {
  fs.mkdirSync(path.join(root, "out"), { recursive: true });
  return path.join(root, "out", name);
}

/**
 * A suite's browser and dist/ server, started once before its tests and closed after them.
 * @example const env = browserSuite(360); it("…", async () => { const page = await env.browser.context.newPage(); … })
 */
export function browserSuite(width = 360): {
  readonly server: Awaited<ReturnType<typeof serveDist>>;
  readonly browser: Awaited<ReturnType<typeof launch>>;
} {
  let server: Awaited<ReturnType<typeof serveDist>> | undefined;
  let browser: Awaited<ReturnType<typeof launch>> | undefined;
  beforeAll(async () => {
    ensureBuilt();
    server = await serveDist();
    browser = await launch({ width });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error("the suite's server has not started");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("the suite's browser has not started");
      return browser;
    },
  };
}
