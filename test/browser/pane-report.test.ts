/**
 * The 报告 view in a real browser against the built dist/, on both hosts: the standalone page
 * (xlsx adapter; 下载 keeps the sheets it wrote, chart included) and the pane on the Office
 * adapter (the fake Excel injected as `Office` / `Excel`; the chart drawn with charts.add). The
 * semester's figures per section and in total, a suggested 约谈 recorded with its button and
 * taken back by 撤销上次操作, the 督办分析报告 sheet written.
 *
 * The registry (pane-workbook.ts), today 2026-12-02, five items issued 2026-11-02 (autumn 2026):
 * 办公室 〔2026〕1号 overdue, 〔2026〕2号 and [2026]3号 in progress, 〔2026〕4号 closed on time;
 * 督导室 one unnumbered item in progress. Total 5: 1 on time, 1 overdue, 3 in progress, 20.0%.
 */
import * as fs from "fs";
import { unzipSync, strFromU8 } from "fflate";
import type { Page } from "playwright-core";
import { browserSuite, describeWithBrowser, fakeExcelScript, outPath } from "./harness";
import { officeGlobalsScript } from "./office-globals";
import { registryBytes, registryValues, SETTINGS, TODAY } from "./pane-workbook";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const SHEET = "督办分析报告2026年秋季学期";

/** A card's figures by label. */
async function figuresOf(page: Page, title: string): Promise<Record<string, string>> {
  const card = page.getByRole("region", { name: title, exact: true });
  const pairs = await card
    .locator("[data-figure]")
    .evaluateAll((els) =>
      els.map((e) => [e.querySelector("dt")?.textContent ?? "", e.querySelector("dd")?.textContent ?? ""]),
    );
  return Object.fromEntries(pairs);
}

async function checkFigures(page: Page): Promise<void> {
  await page.getByRole("region", { name: "统计期间：2026年秋季学期" }).waitFor({ timeout: 30_000 });
  expect(await figuresOf(page, "合计")).toEqual({
    事项数: "5",
    按期办结: "1",
    逾期办结: "0",
    终止: "0",
    逾期未办结: "1",
    办理中: "3",
    按期办结率: "20.0%",
    已催办: "0",
    已问责: "0",
  });
  expect(await figuresOf(page, "办公室")).toMatchObject({ 事项数: "4", 按期办结: "1", 逾期未办结: "1", 办理中: "2" });
  expect(await figuresOf(page, "督导室")).toMatchObject({ 事项数: "1", 办理中: "1", 按期办结率: "0.0%" });
}

/** Records the suggested 约谈 of 〔2026〕1号 and waits until the view has read the ledger again. */
async function recordInterview(page: Page): Promise<void> {
  const card = page.locator('li[data-number="〔2026〕1号"]');
  expect(await card.getByText("〔2026〕1号 · 约谈").isVisible()).toBe(true);
  await page.getByLabel("经办人（可留空）").fill("王芳");
  await page.getByRole("button", { name: "记录约谈：〔2026〕1号" }).click();
  await page.getByText("已记入“问责记录”：〔2026〕1号 约谈").first().waitFor();
  await page.getByText("今天没有问责建议。").waitFor();
  expect((await figuresOf(page, "合计")).已问责).toBe("1");
}

describeWithBrowser("the 报告 view (real browser, built dist/)", () => {
  const env = browserSuite(360);

  it("standalone: figures, a measure recorded and undone, the report sheet written and downloaded with its chart", async () => {
    const page = await env.browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${env.server.url}/taskpane.html?today=${TODAY}`);
    await page.getByText("独立页面").waitFor({ timeout: 15_000 });
    await page
      .getByTestId("file-input")
      .setInputFiles({ name: "登记表.xlsx", mimeType: XLSX, buffer: await registryBytes() });
    await page.getByRole("tab", { name: "报告" }).click();
    await checkFigures(page);
    await page.screenshot({ path: outPath("pane-standalone-report.png"), fullPage: true });

    await recordInterview(page);
    await page.getByRole("tab", { name: "操作" }).click();
    await page.getByRole("button", { name: "撤销上次操作" }).click();
    await page.getByTestId("last-outcome").getByText("已撤销“记录问责措施”").waitFor();
    await page.getByRole("tab", { name: "报告" }).click();
    await page.locator('li[data-number="〔2026〕1号"]').waitFor();
    await recordInterview(page);

    await page.getByRole("button", { name: "生成督办分析报告工作表" }).click();
    await page.getByText("已生成督办分析报告（2026年秋季学期）").first().waitFor();
    await page.screenshot({ path: outPath("pane-standalone-report-written.png"), fullPage: true });

    await page.getByRole("tab", { name: "操作" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载" }).click(),
    ]);
    const file = outPath("pane-standalone-report.xlsx");
    await download.saveAs(file);
    const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
    const workbook = strFromU8(parts["xl/workbook.xml"]);
    expect(workbook).toContain(`name="${SHEET}"`);
    expect(workbook).toContain('name="问责记录"');
    const charts = Object.keys(parts).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(1);
    const chart = strFromU8(parts[charts[0]]);
    expect(chart).toContain('<c:barDir val="col"/>');
    expect(chart).toContain("按期办结、逾期办结、逾期未办结事项数（按督办科室）");
    expect(errors).toEqual([]);
  }, 180_000);

  it("in Excel (Office adapter on the fake): the same figures, a measure logged and undone, the sheet drawn with its chart", async () => {
    const page = await env.browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.addInitScript(fakeExcelScript());
    await page.addInitScript(
      officeGlobalsScript({ 督办事项登记表: registryValues(), 设置: SETTINGS.map((r) => [...r]) }),
    );
    await page.goto(`${env.server.url}/taskpane.html?today=${TODAY}`);
    await page.getByRole("tab", { name: "报告" }).click({ timeout: 30_000 });
    await checkFigures(page);
    await page.screenshot({ path: outPath("pane-excel-report.png"), fullPage: true });

    await recordInterview(page);
    const logged = (await page.evaluate(`window.__fake.rows("问责记录")`)) as unknown[][];
    expect(logged[1].slice(1, 4)).toEqual(["江津区第二中学", "〔2026〕1号", "约谈"]);
    expect(logged[1][5]).toBe("王芳");
    await page.getByTestId("toast-undo").first().click();
    await page.locator('li[data-number="〔2026〕1号"]').waitFor();
    expect(await page.evaluate(`window.__fake.hasSheet("问责记录")`)).toBe(false);

    await page.getByRole("button", { name: "生成督办分析报告工作表" }).click();
    await page.getByText("已生成督办分析报告（2026年秋季学期）").first().waitFor();
    const charts = (await page.evaluate(`window.__fake.sheet(${JSON.stringify(SHEET)}).charts`)) as {
      type: string;
      title: string;
      series: { name: string; values: string; xValues: string }[];
    }[];
    expect(charts).toHaveLength(1);
    expect(charts[0].type).toBe("ColumnClustered");
    expect(charts[0].series.map((s) => s.name)).toEqual(["按期办结", "逾期办结", "逾期未办结"]);
    const rows = (await page.evaluate(`window.__fake.rows(${JSON.stringify(SHEET)})`)) as unknown[][];
    const total = rows.find((r) => r[0] === "合计") ?? [];
    expect(total.filter((v) => typeof v === "number").slice(0, 6)).toEqual([5, 1, 0, 0, 1, 3]);
    await page.screenshot({ path: outPath("pane-excel-report-written.png"), fullPage: true });
    expect(errors).toEqual([]);
  }, 180_000);
});
