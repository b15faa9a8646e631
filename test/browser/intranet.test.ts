/**
 * Intranet deployments (政务内网): `OFFICE_JS=local npm run build` serves office.js from the
 * @microsoft/office-js package with the add-in. Built into a temporary folder, served, opened:
 * office.js comes from the add-in's own origin, nothing is asked of Microsoft's CDN, the pages'
 * policy names no other origin, and the pane starts (standalone: the page is not in Office).
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import { describeWithBrowser, launch, root } from "./harness";

const INTRANET_URL = "https://duban.jj.gov.example/duban/";

async function buildIntranet(out: string): Promise<void> {
  const webpack = require(path.join(root, "node_modules/webpack"));
  const previous = { OFFICE_JS: process.env.OFFICE_JS, ADDIN_PROD_URL: process.env.ADDIN_PROD_URL };
  process.env.OFFICE_JS = "local";
  process.env.ADDIN_PROD_URL = INTRANET_URL;
  try {
    const config = await require(path.join(root, "webpack.config.js"))({ WEBPACK_BUILD: true }, { mode: "production" });
    config.context = root;
    config.output.path = out;
    // This build checks how office.js is served, not weight (bundle.test.ts checks the budgets on
    // the real build): unminified, it takes a third of the time, so its size budgets do not apply.
    config.optimization = { ...config.optimization, minimize: false };
    config.performance = { hints: false };
    config.plugins = config.plugins.filter((p: object) => p.constructor.name !== "GzipBudgetPlugin");
    await new Promise<void>((resolve, reject) =>
      webpack(config, (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
        if (err) return reject(err);
        if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve();
      }),
    );
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function serve(folder: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const file = path.join(folder, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!file.startsWith(folder) || !fs.existsSync(file) || fs.statSync(file).isDirectory())
      return res.writeHead(404).end();
    const type = file.endsWith(".html")
      ? "text/html; charset=utf-8"
      : file.endsWith(".js")
        ? "text/javascript"
        : "application/octet-stream";
    res.writeHead(200, { "Content-Type": type });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

describeWithBrowser("intranet build (office.js served with the add-in)", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "duban-intranet-"));
  beforeAll(() => buildIntranet(out), 600_000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it("points every page at its own office.js and allows no other origin", () => {
    for (const name of ["taskpane.html", "commands.html", "dialog.html"]) {
      const html = fs.readFileSync(path.join(out, name), "utf8");
      expect(html).toContain("office-js/office.js");
      expect(html).not.toContain("appsforoffice.microsoft.com");
      expect(html).toContain("script-src 'self';");
    }
    for (const file of ["office.js", "excel-web-16.00.js", "excel-win32-16.01.js", "zh-cn/office_strings.js"]) {
      expect(fs.existsSync(path.join(out, "office-js", file))).toBe(true);
    }
    expect(fs.readdirSync(path.join(out, "office-js")).filter((f) => f.endsWith(".debug.js"))).toEqual([]);
    expect(fs.readFileSync(path.join(out, "manifest.xml"), "utf8")).toContain(`${INTRANET_URL}taskpane.html`);
  });

  it("loads office.js from the add-in's origin and starts without asking the CDN", async () => {
    const server = await serve(out);
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(`${server.url}/taskpane.html`);
      await page.getByTestId("standalone").waitFor({ timeout: 20_000 });
      expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("object");
      expect(await page.getByTestId("standalone").innerText()).toContain("此页面不在 Excel 中打开");
      expect(requests).toContain(`${server.url}/office-js/office.js`);
      expect(requests.filter((u) => !u.startsWith(server.url))).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});
