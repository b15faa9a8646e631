/**
 * The same pane in a real browser against the Office adapter: the fake Excel
 * (test/adapters/office/fake-excel.ts) injected as the `Office` / `Excel` globals before the
 * page's scripts. Clicking an item selects its row in the workbook; the current item follows
 * the selection; 延期 writes logged cells that 撤销上次操作 takes back; 编号 and 设置 write
 * through Office.js batches.
 */
import type { Page } from "playwright-core";
import { browserSuite, describeWithBrowser, fakeExcelScript, outPath } from "./harness";
import { officeGlobalsScript } from "./office-globals";
import { HEADERS, registryValues, SETTINGS, TODAY } from "./pane-workbook";

interface FakeView {
  selection: { sheet: string; address: string } | null;
  value(sheet: string, address: string): unknown;
  userSelect(sheet: string, address: string): void;
  hasSheet(name: string): boolean;
}
const fake = <T>(page: Page, fn: (f: FakeView) => T): Promise<T> =>
  page.evaluate(`(${fn.toString()})(window.__fake)`) as Promise<T>;
const letter = (header: string) => String.fromCharCode(64 + HEADERS.indexOf(header) + 1);

describeWithBrowser("the pane against the Office adapter on the fake Excel (real browser)", () => {
  const env = browserSuite(360);

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const page = await env.browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("request", (r) => {
      const url = r.url();
      if (!url.startsWith(env.server.url) && url !== "https://appsforoffice.microsoft.com/lib/1/hosted/office.js") {
        errors.push(`request to ${url}`);
      }
    });
    await page.addInitScript(fakeExcelScript());
    await page.addInitScript(
      officeGlobalsScript({ 督办事项登记表: registryValues(), 设置: SETTINGS.map((r) => [...r]) }),
    );
    await page.goto(`${env.server.url}/taskpane.html?today=${TODAY}`);
    await page.getByRole("tab", { name: "概览" }).waitFor({ timeout: 30_000 });
    return { page, errors };
  }

  it("selects an item's row in Excel, follows the selection, extends an item and undoes it", async () => {
    const { page, errors } = await open();
    expect(await page.getByText("当前工作簿 · 今天是 2026年12月2日").isVisible()).toBe(true);
    expect(await page.getByTestId("standalone").count()).toBe(0);
    await page.screenshot({ path: outPath("pane-excel-overview.png"), fullPage: true });

    await page.getByRole("region", { name: "逾期事项" }).getByRole("button").click();
    await page.getByRole("tab", { name: "当前事项", selected: true }).waitFor();
    expect(await fake(page, (f) => f.selection)).toEqual({ sheet: "督办事项登记表", address: "A3:V3" });
    await page.getByText("校园安全隐患大排查").waitFor();

    await fake(page, (f) => f.userSelect("督办事项登记表", "D4"));
    await page.getByText("食堂食品安全整改").waitFor();
    await page.getByRole("button", { name: "延期", exact: true }).click();
    await page.getByLabel(/延期至/).fill("2027-01-15");
    await page.getByRole("button", { name: "确定延期" }).click();
    await page.getByText("已延期：第 4 行").first().waitFor();
    await page.getByTestId("toast-undo").first().waitFor();
    await page.waitForTimeout(600); // the toast's entrance animation, for the screenshot
    await page.screenshot({ path: outPath("pane-excel-toast.png") });
    await page.screenshot({ path: outPath("pane-excel-item.png"), fullPage: true });
    const extendedTo = `${letter("延期至")}4`;
    const approver = `${letter("延期批准人")}4`;
    expect(
      await fake(
        page,
        new Function(
          "f",
          `return [f.value("督办事项登记表", "${extendedTo}"), f.value("督办事项登记表", "${approver}")];`,
        ) as (f: FakeView) => unknown,
      ),
    ).toEqual([46402, "张三"]);
    expect(await fake(page, (f) => f.hasSheet("操作日志"))).toBe(true);

    await page.getByTestId("toast-undo").first().click();
    await page.getByRole("tab", { name: "操作" }).click();
    await page.getByTestId("last-outcome").getByText("已撤销“延期”").waitFor();
    expect(
      await fake(
        page,
        new Function("f", `return f.value("督办事项登记表", "${extendedTo}");`) as (f: FakeView) => unknown,
      ),
    ).toBe("");
    expect(errors).toEqual([]);
  }, 180_000);

  it("selects an issue's cell, fixes it, numbers through Office.js, and saves 设置", async () => {
    const { page, errors } = await open();
    await page.getByRole("tab", { name: "检查" }).click();
    await page.getByRole("button", { name: /^错误 督办事项编号“\[2026\]3号”不规范/ }).click();
    await expectSelection(page, { sheet: "督办事项登记表", address: "B5" });
    await page.screenshot({ path: outPath("pane-excel-check.png"), fullPage: true });
    await page.getByRole("button", { name: "改为“〔2026〕3号”", exact: true }).click();
    await page.getByText("已修正 1 处").first().waitFor();
    expect(await fake(page, (f) => f.value("督办事项登记表", "B5"))).toBe("〔2026〕3号");

    await page.getByRole("tab", { name: "操作" }).click();
    await page.getByRole("button", { name: "编号", exact: true }).click();
    await page.getByTestId("last-outcome").getByText("已为 1 个事项编号").waitFor();
    expect(await fake(page, (f) => f.value("督办事项登记表", "B6"))).toMatch(/^〔2026〕\d+号$/);

    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByLabel(/编号前缀/).fill("江津教督");
    await page.getByRole("button", { name: "保存设置" }).click();
    await page.getByText("已保存设置").first().waitFor();
    expect(await fake(page, (f) => f.value("设置", "B3"))).toBe("江津教督");
    await page.screenshot({ path: outPath("pane-excel-settings.png"), fullPage: true });
    expect(errors).toEqual([]);
  }, 180_000);
});

async function expectSelection(page: Page, expected: { sheet: string; address: string }): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const now = await fake(page, (f) => f.selection);
    if (JSON.stringify(now) === JSON.stringify(expected)) return;
    await page.waitForTimeout(100);
  }
  expect(await fake(page, (f) => f.selection)).toEqual(expected);
}
