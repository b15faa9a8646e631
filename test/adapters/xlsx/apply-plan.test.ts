import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import type { XlsxWorkbook } from "../../../src/adapters/xlsx/xlsx-workbook";
import { bookOf, excelOf, reopened, storedValue } from "./helpers";
import { analyzeRegistry } from "../../../src/domain/analyze";
import { buildSetupPlan, type SheetPlan, type WorkbookPlan } from "../../../src/domain/setup-plan";

const EMPTY_SHEET: Omit<SheetPlan, "name" | "cells"> = {
  merges: [],
  columns: [],
  numberFormats: [],
  validations: [],
  conditionalFormats: [],
  conditionalFormatSignatures: [],
};

function planOf(
  sheet: Partial<SheetPlan> & Pick<SheetPlan, "name" | "cells">,
  names: WorkbookPlan["names"] = [],
): WorkbookPlan {
  return { sheets: [{ ...EMPTY_SHEET, ...sheet }], names, notes: [] };
}

/** The workbook as the next command opens it, after a save. */
async function roundTrip(book: XlsxWorkbook): Promise<XlsxWorkbook> {
  return reopened(book);
}

describe("cells by fill mode", () => {
  function workbook() {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    ws.getCell("A1").value = "人填的";
    ws.getCell("A2").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    ws.getCell("A3").value = { formula: "IF(日历序>0,1,0)", result: 1 } as ExcelJS.CellFormulaValue;
    ws.getCell("A4").value = "已办结";
    ws.getCell("B1").value = "旧";
    return wb;
  }
  const formula = (row: number) => ({
    row,
    col: 1,
    value: { t: "formula" as const, f: "INDEX(日历序,1)" },
    mode: "formula" as const,
    marker: "日历序",
  });

  it("ifEmpty writes an empty cell (with its style) and leaves a typed one", async () => {
    const book = await bookOf(workbook());
    const out = await book.applySetupPlan(
      planOf({
        name: "表",
        cells: [
          { row: 1, col: 1, value: { t: "string", v: "新" }, mode: "ifEmpty", style: { bold: true } },
          { row: 5, col: 1, value: { t: "string", v: "新" }, mode: "ifEmpty", style: { bold: true } },
        ],
      }),
    );
    const ws = (await excelOf(book)).getWorksheet("表")!;
    expect(ws.getCell("A1").value).toBe("人填的");
    expect(ws.getCell("A1").font?.bold).toBeUndefined();
    expect(ws.getCell("A5").value).toBe("新");
    expect(ws.getCell("A5").font?.bold).toBe(true);
    expect(out.changes).toEqual([{ sheet: "表", kind: "cells", count: 1 }]);
    expect(out.conflicts).toEqual([]);
  });

  it("formula writes an empty cell, replaces a formula of ours, and reports anything else", async () => {
    const book = await bookOf(workbook());
    const out = await book.applySetupPlan(planOf({ name: "表", cells: [1, 2, 3, 4, 6].map(formula) }));
    const ws = (await excelOf(book)).getWorksheet("表")!;
    expect(ws.getCell("A1").value).toBe("人填的");
    expect(ws.getCell("A2").formula).toBe("1+1");
    expect(ws.getCell("A3").formula).toBe("INDEX(日历序,1)");
    expect(ws.getCell("A4").value).toBe("已办结");
    expect(ws.getCell("A6").formula).toBe("INDEX(日历序,1)");
    expect(out.conflicts.map((c) => [c.address, c.found])).toEqual([
      ["A1", "人填的"],
      ["A2", "=1+1"],
      ["A4", "已办结"],
    ]);
    expect(out.changes).toEqual([{ sheet: "表", kind: "cells", count: 2 }]);
  });

  it("reports a planned cell that a merged range covers", async () => {
    const wb = workbook();
    wb.getWorksheet("表")!.mergeCells("C1:D1");
    const out = await (
      await bookOf(wb)
    ).applySetupPlan(
      planOf({ name: "表", cells: [{ row: 1, col: 4, value: { t: "string", v: "状态" }, mode: "ifEmpty" }] }),
    );
    expect(out.conflicts).toEqual([{ sheet: "表", row: 1, col: 4, address: "D1", found: "（合并单元格）" }]);
    expect(out.changes).toEqual([]);
  });

  it("owned overwrites what differs and clears what the plan no longer lists", async () => {
    const wb = workbook();
    const fixture = wb.getWorksheet("表")!;
    fixture.getCell("B7").value = "过时";
    fixture.getCell("D7").value = "区域外";
    const book = await bookOf(wb);
    const out = await book.applySetupPlan(
      planOf({
        name: "表",
        owned: { left: 2, right: 3, fromRow: 1 },
        cells: [
          { row: 1, col: 2, value: { t: "string", v: "新" }, mode: "owned" },
          { row: 2, col: 2, value: { t: "date", v: "2026-10-01" }, mode: "owned", style: { numFmt: "yyyy-mm-dd" } },
        ],
      }),
    );
    const ws = (await excelOf(book)).getWorksheet("表")!;
    expect(ws.getCell("B1").value).toBe("新");
    expect(await storedValue(book, "xl/worksheets/sheet1.xml", "B2")).toBe(46296);
    expect(ws.getCell("B2").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("B7").value).toBeNull();
    expect(ws.getCell("D7").value).toBe("区域外");
    expect(out.changes).toEqual([
      { sheet: "表", kind: "cells", count: 2 },
      { sheet: "表", kind: "cells-cleared", count: 1 },
    ]);
  });

  it("reports nothing the second time, also after saving and loading", async () => {
    const plan = planOf(
      {
        name: "新表",
        owned: { left: 1, right: 2, fromRow: 1 },
        cells: [
          {
            row: 1,
            col: 1,
            value: { t: "date", v: "2026-10-01" },
            mode: "owned",
            style: { numFmt: "yyyy-mm-dd", bold: true, fill: "FFD9E1F2", border: true },
          },
          { row: 1, col: 2, value: { t: "formula", f: "A1+1" }, mode: "owned" },
          { row: 2, col: 1, value: { t: "number", v: 1 }, mode: "ifEmpty" },
        ],
        merges: [{ top: 3, left: 1, bottom: 3, right: 2 }],
        columns: [
          { col: 1, width: 12 },
          { col: 3, hidden: true },
        ],
        numberFormats: [{ range: { top: 4, left: 1, bottom: 6, right: 1 }, numFmt: 'yyyy"年"m"月"d"日"' }],
        validations: [
          {
            range: { top: 4, left: 1, bottom: 6, right: 1 },
            rule: { kind: "date", min: "2026-01-01", max: "2027-12-31" },
            errorStyle: "warning",
            errorTitle: "日期",
            error: "请输入日期",
          },
          {
            range: { top: 4, left: 2, bottom: 6, right: 2 },
            rule: { kind: "list", source: '"是,否"' },
            errorStyle: "stop",
            errorTitle: "是否",
            error: "是或否",
          },
          {
            range: { top: 7, left: 2, bottom: 7, right: 2 },
            rule: { kind: "whole", min: 0, max: 30 },
            errorStyle: "stop",
            errorTitle: "天数",
            error: "0–30",
          },
        ],
        conditionalFormats: [
          {
            range: { top: 4, left: 1, bottom: 6, right: 2 },
            rules: [{ formula: '$B4="是"', fill: "FFFFC7CE", fontColor: "FF9C0006", bold: true }],
          },
        ],
        conditionalFormatSignatures: [".*"],
        freeze: { rows: 1 },
        print: {
          area: { top: 1, left: 1, bottom: 7, right: 2 },
          titleRows: { first: 1, last: 1 },
          orientation: "landscape",
          paper: "A4",
          fitToWidth: true,
        },
      },
      [{ name: "测试名称", sheet: "新表", range: { top: 4, left: 1, bottom: 6, right: 1 } }],
    );
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("别的表");
    const book = await bookOf(wb);
    const first = await book.applySetupPlan(plan);
    expect(first.changes.map((c) => c.kind)).toEqual([
      "sheet-created",
      "merges",
      "cells",
      "columns",
      "number-formats",
      "validations",
      "conditional-formats",
      "freeze",
      "print",
      "names",
    ]);
    expect(await book.applySetupPlan(plan)).toEqual({ changes: [], conflicts: [] });
    const loaded = await roundTrip(book);
    expect(await loaded.applySetupPlan(plan)).toEqual({ changes: [], conflicts: [] });
    const ws = (await excelOf(loaded)).getWorksheet("新表")!;
    // Written fully absolute, also after a load (ExcelJS reads it back as A1:B7 and would
    // write $A1:$B7, which LibreOffice ignores).
    const zip = await JSZip.loadAsync(await loaded.toBuffer());
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain("&apos;新表&apos;!$A$1:$B$7</definedName>");
    expect(ws.pageSetup.printTitlesRow).toBe("1:1");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });
});

describe("conditional formats", () => {
  it("replaces only the formats the setup wrote, after the user's own", async () => {
    const wb = new ExcelJS.Workbook();
    const fixture = wb.addWorksheet("表");
    fixture.addConditionalFormatting({
      ref: "A1:A9",
      rules: [{ type: "expression", priority: 4, formulae: ["A1>100"], style: { font: { bold: true } } }],
    });
    fixture.addConditionalFormatting({
      ref: "A1:C5",
      rules: [{ type: "expression", priority: 5, formulae: ['$C1="逾期"'], style: {} }],
    });
    const plan = planOf({
      name: "表",
      cells: [],
      conditionalFormats: [
        { range: { top: 1, left: 1, bottom: 9, right: 3 }, rules: [{ formula: '$C1="逾期"', fill: "FFFFC7CE" }] },
      ],
      conditionalFormatSignatures: ['^\\$[A-Z]+[0-9]+="(逾期|临期|已办结|已终止)"$'],
    });
    const book = await bookOf(wb);
    const out = await book.applySetupPlan(plan);
    expect(out.changes).toEqual([{ sheet: "表", kind: "conditional-formats", count: 1 }]);
    const ws = (await excelOf(book)).getWorksheet("表")!;
    const cfs = (
      ws as unknown as { conditionalFormattings: { ref: string; rules: { priority: number; formulae: string[] }[] }[] }
    ).conditionalFormattings;
    expect(cfs.map((cf) => [cf.ref, cf.rules[0].formulae[0], cf.rules[0].priority])).toEqual([
      ["A1:A9", "A1>100", 4],
      ["A1:C9", '$C1="逾期"', 5],
    ]);
    expect((await book.applySetupPlan(plan)).changes).toEqual([]);
  });
});

describe("defined names", () => {
  it("creates a name and moves it when its range changes", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("设置");
    const book = await bookOf(wb);
    const name = (bottom: number) => [
      { name: "科室列表", sheet: "设置", range: { top: 10, left: 1, bottom, right: 1 } },
    ];
    expect((await book.applySetupPlan(planOf({ name: "设置", cells: [] }, name(29)))).changes).toEqual([
      { sheet: "", kind: "names", count: 1 },
    ]);
    expect((await book.applySetupPlan(planOf({ name: "设置", cells: [] }, name(29)))).changes).toEqual([]);
    await book.applySetupPlan(planOf({ name: "设置", cells: [] }, name(40)));
    const model = ((await excelOf(book)).definedNames as unknown as { model: { name: string; ranges: string[] }[] })
      .model;
    expect(model).toEqual([{ name: "科室列表", ranges: ["'设置'!$A$10:$A$40"] }]);
  });
});

describe("a full setup plan on a real registry", () => {
  async function registry(): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("督办事项登记表");
    ws.getCell("A1").value = "督办事项登记表";
    ws.mergeCells("A1:N1");
    [
      "序号",
      "督办事项编号",
      "督办事项内容",
      "来文编号",
      "紧急程度",
      "密级",
      "任务下达时间",
      "要求完成时间",
      "督办科室或单位",
      "协办科室或单位",
      "承办单位负责人",
      "签收日期",
      "督办结果",
      "备注",
    ].forEach((h, i) => (ws.getCell(2, i + 1).value = h));
    ws.getCell("C3").value = "事项";
    ws.getCell("H3").value = new Date(Date.UTC(2026, 11, 1));
    return wb;
  }
  const planFor = async (book: XlsxWorkbook) => {
    const grids = await book.readSheets(await book.sheetNames());
    return buildSetupPlan({ grids, analysis: analyzeRegistry(grids, "2026-11-26")!, today: "2026-11-26" });
  };

  it("is applied once: the plan built again from the result changes nothing", async () => {
    const book = await bookOf(await registry());
    expect((await book.applySetupPlan(await planFor(book))).changes.length).toBeGreaterThan(10);
    const loaded = await roundTrip(book);
    expect(await loaded.applySetupPlan(await planFor(loaded))).toEqual({ changes: [], conflicts: [] });
    const seen = await excelOf(loaded);
    expect(seen.worksheets.map((w) => w.name)).toEqual(["督办事项登记表", "督办看板", "设置", "工作日历"]);
    expect(seen.getWorksheet("督办事项登记表")!.getCell("H3").numFmt).toBe('yyyy"年"m"月"d"日"');
  });
});
