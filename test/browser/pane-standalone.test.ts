/**
 * The standalone page in headless chromium against the built dist/: open a workbook, see the
 * counts and the overdue list, number, fix, close an item, download and reopen the file with ExcelJS,
 * undo — with the pages' Content-Security-Policy in force and no request but office.js's.
 */
import * as fs from "fs";
import * as ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { browserSuite, describeWithBrowser, outPath } from "./harness";
import { registryBytes, TODAY } from "./pane-workbook";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Collects CSP violations the page reports, before any page script runs. */
const CSP_WATCH = `document.addEventListener("securitypolicyviolation", function (e) {
  (window.__csp = window.__csp || []).push(e.violatedDirective + " " + e.blockedURI);
});`;

async function tile(page: Page, status: string): Promise<string> {
  return (await page.locator(`[data-status="${status}"] span`).first().textContent()) ?? "";
}

describeWithBrowser("standalone page (real browser, built dist/)", () => {
  const env = browserSuite(360);

  it("opens a picked workbook, numbers, fixes, closes an item, downloads a file ExcelJS reads back, and undoes", async () => {
    const page = await env.browser.context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.addInitScript(CSP_WATCH);
    await page.goto(`${env.server.url}/taskpane.html?today=${TODAY}`);
    await page.getByText("独立页面").waitFor({ timeout: 15_000 });
    await page.screenshot({ path: outPath("pane-standalone-start.png"), fullPage: true });

    const original = await registryBytes();
    await page.getByTestId("file-input").setInputFiles({ name: "登记表.xlsx", mimeType: XLSX, buffer: original });
    await page.getByRole("tab", { name: "概览" }).waitFor({ timeout: 30_000 });
    expect(await page.getByText("登记表.xlsx · 今天是 2026年12月2日").isVisible()).toBe(true);
    expect([
      await tile(page, "逾期"),
      await tile(page, "临期"),
      await tile(page, "办理中"),
      await tile(page, "已办结"),
    ]).toEqual(["1", "1", "2", "1"]);
    const overdue = page.getByRole("region", { name: "逾期事项" });
    expect(await overdue.getByText("校园安全隐患大排查").isVisible()).toBe(true);
    expect(await overdue.getByText("逾期 2 个工作日").isVisible()).toBe(true);
    await page.screenshot({ path: outPath("pane-standalone-overview.png"), fullPage: true });

    await page.getByRole("tab", { name: "操作" }).click();
    await page.getByRole("button", { name: "编号", exact: true }).click();
    const numbered = page.getByTestId("last-outcome");
    await numbered.getByText("已为 1 个事项编号").waitFor();
    const line = await page.locator("ul li", { hasText: "第6行：" }).first().textContent();
    const assigned = /第6行：(.+)$/.exec(line ?? "")?.[1];
    expect(assigned).toMatch(/^〔2026〕\d+号$/);

    await page.getByRole("tab", { name: "检查" }).click();
    expect(await page.getByText(/督办事项编号“\[2026\]3号”不规范/).isVisible()).toBe(true);
    await page.screenshot({ path: outPath("pane-standalone-check.png"), fullPage: true });
    await page.getByRole("button", { name: "改为“〔2026〕3号”", exact: true }).click();
    await page.getByText("已修正 1 处").first().waitFor();
    await page.getByText(/督办事项编号“\[2026\]3号”不规范/).waitFor({ state: "detached" });

    await page.getByRole("tab", { name: "当前事项" }).click();
    await page.getByLabel("选择事项").selectOption({ label: "第 4 行 〔2026〕2号 食堂食品安全整改" });
    await page.getByRole("button", { name: "销号", exact: true }).click();
    await page.getByRole("button", { name: "确定销号" }).click();
    await page.getByText("已销号：第 4 行").first().waitFor();
    await page.screenshot({ path: outPath("pane-standalone-item.png"), fullPage: true });
    await page.getByRole("tab", { name: "概览" }).click();
    expect([await tile(page, "临期"), await tile(page, "已办结")]).toEqual(["0", "2"]);

    await page.getByRole("tab", { name: "操作" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("登记表（已处理）.xlsx");
    const file = outPath("pane-standalone-download.xlsx");
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("督办事项登记表")!;
    expect(ws.getCell("B6").value).toBe(assigned);
    expect(ws.getCell("M4").value).toBe("按期办结");
    expect((ws.getCell("S4").value as Date).toISOString().slice(0, 10)).toBe(TODAY);
    expect(ws.getCell("C5").value).toBe("<b>课后服务</b>经费公示");
    expect(ws.getCell("B5").value).toBe("〔2026〕3号");
    // The package-preserving writer: every part is still there, and the 设置 sheet, which no
    // operation touched, is the same bytes.
    const before = unzipSync(new Uint8Array(original));
    const after = unzipSync(new Uint8Array(fs.readFileSync(file)));
    expect(Object.keys(after)).toEqual(expect.arrayContaining(Object.keys(before)));
    expect(Buffer.from(after["xl/worksheets/sheet2.xml"]).equals(Buffer.from(before["xl/worksheets/sheet2.xml"]))).toBe(
      true,
    );

    await page.getByRole("button", { name: "撤销上次操作" }).click();
    await numbered.getByText("已撤销“销号”").waitFor();
    await page.getByRole("tab", { name: "概览" }).click();
    expect([await tile(page, "临期"), await tile(page, "已办结")]).toEqual(["1", "1"]);

    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
    expect(errors).toEqual([]);
    const origin = new URL(env.server.url).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith("blob:"));
    expect(foreign).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    expect(requests.some((u) => /\/taskpane\.[0-9a-f]{8}\.js$/.test(u))).toBe(true);
  }, 180_000);
});
