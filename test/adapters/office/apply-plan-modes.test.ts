/**
 * The fill modes and the other plan parts on hand-made plans, through Office.js: the same
 * cases as the xlsx adapter's apply-plan tests, so both adapters follow one rule book.
 */
import { FakeExcel } from "./fake-excel";
import { OfficeWorkbook } from "../../../src/adapters/office/office-workbook";
import { fixedRequirements } from "../../../src/adapters/office/requirements";
import type { CellPlan, SheetPlan, WorkbookPlan } from "../../../src/domain/setup-plan";

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

function workbook(sets: Record<string, string> = { ExcelApi: "1.9" }) {
  const fake = new FakeExcel({ 表: [["人填的", "旧"], [], [], ["已办结"]] });
  fake.userEdit("表", "A2", [["=1+1"]]);
  fake.userEdit("表", "A3", [["=IF(日历序>0,1,0)"]]);
  const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements(sets) });
  return { fake, office, sheet: () => fake.sheet("表") };
}

const formula = (row: number): CellPlan => ({
  row,
  col: 1,
  value: { t: "formula", f: "INDEX(日历序,1)" },
  mode: "formula",
  marker: "日历序",
});

describe("cells by fill mode", () => {
  it("ifEmpty writes an empty cell (with its style) and leaves a typed one, unreported", async () => {
    const { office, fake, sheet } = workbook();
    const out = await office.applySetupPlan(
      planOf({
        name: "表",
        cells: [
          { row: 1, col: 1, value: { t: "string", v: "新" }, mode: "ifEmpty", style: { bold: true } },
          { row: 5, col: 1, value: { t: "string", v: "新" }, mode: "ifEmpty", style: { bold: true } },
        ],
      }),
    );
    expect(fake.value("表", "A1")).toBe("人填的");
    expect(sheet().formats.get("1,1")?.bold).toBeUndefined();
    expect(fake.value("表", "A5")).toBe("新");
    expect(sheet().format(5, 1).bold).toBe(true);
    expect(out).toEqual({ changes: [{ sheet: "表", kind: "cells", count: 1 }], conflicts: [] });
  });

  it("formula writes an empty cell, replaces a formula of ours, and reports anything else", async () => {
    const { office, sheet } = workbook();
    const out = await office.applySetupPlan(planOf({ name: "表", cells: [1, 2, 3, 4, 6].map(formula) }));
    expect(sheet().get(1, 1)?.value).toBe("人填的");
    expect(sheet().get(2, 1)?.formula).toBe("=1+1");
    expect(sheet().get(3, 1)?.formula).toBe("=INDEX(日历序,1)");
    expect(sheet().get(4, 1)?.value).toBe("已办结");
    expect(sheet().get(6, 1)?.formula).toBe("=INDEX(日历序,1)");
    expect(out.conflicts.map((c) => [c.address, c.found])).toEqual([
      ["A1", "人填的"],
      ["A2", "=1+1"],
      ["A4", "已办结"],
    ]);
    expect(out.changes).toEqual([{ sheet: "表", kind: "cells", count: 2 }]);
  });

  it("a text that begins with = is a typed value, not a formula", async () => {
    const { office, fake, sheet } = workbook();
    fake.userEdit("表", "A6", [["'=日历序"]]);
    const out = await office.applySetupPlan(planOf({ name: "表", cells: [formula(6)] }));
    expect(out.conflicts.map((c) => [c.address, c.found])).toEqual([["A6", "=日历序"]]);
    expect(sheet().get(6, 1)).toMatchObject({ value: "=日历序", formula: undefined });
  });

  it("with ExcelApi 1.13 a planned cell covered by a merged range is reported", async () => {
    const { office, fake } = workbook({ ExcelApi: "1.13" });
    fake.sheet("表").merges.push("C1:D1");
    const out = await office.applySetupPlan(
      planOf({ name: "表", cells: [{ row: 1, col: 4, value: { t: "string", v: "状态" }, mode: "ifEmpty" }] }),
    );
    expect(out.conflicts).toEqual([{ sheet: "表", row: 1, col: 4, address: "D1", found: "（合并单元格）" }]);
    expect(out.changes).toEqual([]);
  });

  it("owned overwrites what differs and clears what the plan no longer lists", async () => {
    const { office, fake, sheet } = workbook();
    fake.userEdit("表", "B7", [["过时"]]);
    fake.userEdit("表", "D7", [["区域外"]]);
    const out = await office.applySetupPlan(
      planOf({
        name: "表",
        owned: { left: 2, right: 3, fromRow: 1 },
        cells: [
          { row: 1, col: 2, value: { t: "string", v: "新" }, mode: "owned" },
          { row: 2, col: 2, value: { t: "date", v: "2026-10-01" }, mode: "owned", style: { numFmt: "yyyy-mm-dd" } },
        ],
      }),
    );
    expect(fake.value("表", "B1")).toBe("新");
    expect(fake.value("表", "B2")).toBe(46296);
    expect(fake.numberFormat("表", "B2")).toBe("yyyy-mm-dd");
    expect(fake.value("表", "B7")).toBe("");
    expect(fake.value("表", "D7")).toBe("区域外");
    expect(sheet().get(1, 1)?.value).toBe("人填的");
    expect(out.changes).toEqual([
      { sheet: "表", kind: "cells", count: 2 },
      { sheet: "表", kind: "cells-cleared", count: 1 },
    ]);
  });
});

describe("a plan with every part", () => {
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
          prompt: "选择是或否",
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

  it("reports the changes in the xlsx adapter's order, then nothing the second time", async () => {
    const fake = new FakeExcel({ 别的表: [] });
    const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements({ ExcelApi: "1.13" }) });
    const first = await office.applySetupPlan(plan);
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
    expect(fake.syncCount).toBe(3); // names, reads (names only: the sheet is new), writes
    expect(await office.applySetupPlan(plan)).toEqual({ changes: [], conflicts: [] });
    const ws = fake.sheet("新表");
    expect(ws.merges).toEqual(["A3:B3"]);
    expect(ws.columnWidths.get(1)).toBe(((12 * 7 + 5) * 3) / 4);
    expect([...ws.hiddenColumns]).toEqual([3]);
    expect(ws.format(1, 1)).toMatchObject({ bold: true, fill: "#D9E1F2", borders: { EdgeTop: "Continuous" } });
    expect(ws.validationAt(5, 1)?.rule).toEqual({
      date: { formula1: "=46023", formula2: "=46752", operator: "Between" },
    });
    expect(ws.validationAt(5, 2)).toMatchObject({
      rule: { list: { inCellDropDown: true, source: "是,否" } },
      errorAlert: { showAlert: true, style: "Stop", title: "是否", message: "是或否" },
      prompt: { showPrompt: true, message: "选择是或否" },
    });
    expect(ws.validationAt(7, 2)?.rule).toEqual({
      wholeNumber: { formula1: "=0", formula2: "=30", operator: "Between" },
    });
    expect(ws.conditionalFormats).toMatchObject([
      { range: "A4:B6", formula: '=$B4="是"', fill: "#FFC7CE", fontColor: "#9C0006", bold: true },
    ]);
    expect(ws.frozenRows).toBe(1);
    expect(ws.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printArea: "A1:B7",
      printTitleRows: "$1:$1",
      zoom: { horizontalFitToPages: 1 },
    });
    expect(fake.names).toEqual([{ name: "测试名称", formula: "='新表'!$A$4:$A$6" }]);
  });

  it("frozen columns a person set are kept when the header rows are frozen", async () => {
    const fake = new FakeExcel({ 新表: [["x"]] });
    fake.sheet("新表").frozenColumns = 2;
    const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements({ ExcelApi: "1.9" }) });
    await office.applySetupPlan(plan);
    expect([fake.sheet("新表").frozenRows, fake.sheet("新表").frozenColumns]).toEqual([1, 2]);
  });
});

describe("conditional formats and names", () => {
  it("replaces only the formats the setup wrote, after the user's own", async () => {
    const fake = new FakeExcel({ 表: [["x"]] });
    const sheet = fake.sheet("表");
    sheet.conditionalFormats.push(
      { id: "mine", range: "A1:A9", type: "Custom", formula: "=A1>100", bold: true },
      { id: "old", range: "A1:C5", type: "Custom", formula: '=$C1="逾期"' },
    );
    const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements({ ExcelApi: "1.9" }) });
    const plan = planOf({
      name: "表",
      cells: [],
      conditionalFormats: [
        { range: { top: 1, left: 1, bottom: 9, right: 3 }, rules: [{ formula: '$C1="逾期"', fill: "FFFFC7CE" }] },
      ],
      conditionalFormatSignatures: ['^\\$[A-Z]+[0-9]+="(逾期|临期|已办结|已终止)"$'],
    });
    expect((await office.applySetupPlan(plan)).changes).toEqual([
      { sheet: "表", kind: "conditional-formats", count: 1 },
    ]);
    expect(sheet.conditionalFormats.map((c) => [c.range, c.formula])).toEqual([
      ["A1:A9", "=A1>100"],
      ["A1:C9", '=$C1="逾期"'],
    ]);
    expect((await office.applySetupPlan(plan)).changes).toEqual([]);
  });

  it("creates a name and moves it when its range changes", async () => {
    const fake = new FakeExcel({ 设置: [["x"]] });
    const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements({ ExcelApi: "1.9" }) });
    const name = (bottom: number) => [
      { name: "科室列表", sheet: "设置", range: { top: 10, left: 1, bottom, right: 1 } },
    ];
    expect((await office.applySetupPlan(planOf({ name: "设置", cells: [] }, name(29)))).changes).toEqual([
      { sheet: "", kind: "names", count: 1 },
    ]);
    expect((await office.applySetupPlan(planOf({ name: "设置", cells: [] }, name(29)))).changes).toEqual([]);
    await office.applySetupPlan(planOf({ name: "设置", cells: [] }, name(40)));
    expect(fake.names).toEqual([{ name: "科室列表", formula: "='设置'!$A$10:$A$40" }]);
  });
});
