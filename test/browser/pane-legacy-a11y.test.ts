/**
 * Old webviews and accessibility, in headless chromium against dist/:
 * - a Trident (IE11) or EdgeHTML user agent gets boot.js's Chinese message and never requests
 *   the bundle;
 * - axe-core finds no serious or critical violation in any view at 320 and 500 px.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { describeWithBrowser, ensureBuilt, launch, outPath, root, serveDist } from "./harness";
import { registryBytes, TODAY } from "./pane-workbook";

const TRIDENT =
  "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko";
const EDGE_HTML =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface AxeResult {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: string[]; html: string; failureSummary?: string }[];
  }[];
}

describeWithBrowser("old webviews and accessibility (real browser, built dist/)", () => {
  let server: Awaited<ReturnType<typeof serveDist>>;

  beforeAll(async () => {
    ensureBuilt();
    server = await serveDist();
  }, 180_000);

  afterAll(async () => {
    await server?.close();
  });

  it.each([
    ["Trident (Internet Explorer 11)", TRIDENT, "trident"],
    ["EdgeHTML (Edge Legacy)", EDGE_HTML, "edgehtml"],
  ])(
    "a %s webview gets the Chinese message and no bundle request",
    async (_name, userAgent, shot) => {
      const browser = await launch({ userAgent, width: 360 });
      try {
        const page = await browser.context.newPage();
        const requests: string[] = [];
        page.on("request", (r) => requests.push(new URL(r.url()).pathname));
        await page.goto(`${server.url}/taskpane.html`);
        const message = page.getByTestId("legacy-webview");
        await message.waitFor({ timeout: 15_000 });
        const text = await message.innerText();
        for (const words of [
          "Microsoft 365",
          "Office 2021",
          "WebView2",
          "Excel 网页版",
          "红黄绿灯",
          "duban",
          "独立页面",
        ]) {
          expect(text).toContain(words);
        }
        expect(text).toContain(`${server.url}/taskpane.html`);
        await page.screenshot({ path: outPath(`pane-legacy-${shot}.png`), fullPage: true });
        await page.waitForTimeout(500);
        expect(requests.filter((p) => p.endsWith(".js") && p !== "/boot.js" && !p.endsWith("/office.js"))).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );

  it.each([320, 500])(
    "axe-core finds no serious violation in any view at %i px",
    async (width) => {
      const browser = await launch({ width });
      try {
        const page = await browser.context.newPage();
        await page.goto(`${server.url}/taskpane.html?today=${TODAY}`);
        await page.getByText("独立页面").waitFor({ timeout: 15_000 });
        const found = [...(await serious(page, "start"))];
        await page.screenshot({ path: outPath(`pane-${width}-start.png`), fullPage: true });
        await page
          .getByTestId("file-input")
          .setInputFiles({ name: "登记表.xlsx", mimeType: XLSX, buffer: await registryBytes() });
        await page.getByRole("tab", { name: "概览" }).waitFor({ timeout: 30_000 });
        for (const view of ["概览", "检查", "当前事项", "操作", "报告", "设置"]) {
          await page.getByRole("tab", { name: view }).click();
          if (view === "当前事项") {
            await page.getByLabel("选择事项").selectOption({ label: "第 3 行 〔2026〕1号 校园安全隐患大排查" });
            await page.getByRole("button", { name: "延期", exact: true }).click();
          }
          if (view === "报告") await page.getByTestId("suggestions").waitFor({ timeout: 30_000 });
          found.push(...(await serious(page, view)));
          await page.screenshot({ path: outPath(`pane-${width}-${view}.png`), fullPage: true });
        }
        expect(found).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});

/** axe-core's serious and critical violations on the page, as "view: rule (targets)". */
async function serious(page: Page, view: string): Promise<string[]> {
  // Colours are measured when they have settled: a button that just became primary fades from
  // white to blue, and half-way its white text has too little contrast for a moment.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  const source = fs.readFileSync(path.join(root, "node_modules/axe-core/axe.min.js"), "utf8");
  // Evaluated through the DevTools protocol, not as a page script: the page's CSP stays as it is.
  await page.evaluate(source);
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ["violations"] })`)) as AxeResult;
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${view}: ${v.id} ${v.help} (${v.nodes.map((n) => `${n.html.slice(0, 160)} — ${n.failureSummary ?? ""}`).join(" | ")})`,
    );
}
