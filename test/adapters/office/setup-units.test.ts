/**
 * The pure rules of applying a setup plan through Office.js: relative formulas moved by rows,
 * fill-mode decisions on loaded cells, and the comparisons of validation, print, frozen panes,
 * names and looks with what Excel reads back.
 */
import { isRelativeRun, shiftRows } from "../../../src/adapters/office/formula-shift";
import { decideCell, describeStored, holdsPlanned } from "../../../src/domain/cell-write-rule";
import {
  formulaOf,
  loggedFormula,
  newLogValue,
  oldLogValue,
  storedCell,
} from "../../../src/adapters/office/setup-cells";
import {
  exactnessProbes,
  frozenOf,
  isOurFormula,
  listSource,
  lookDifference,
  officeColor,
  officeLook,
  officePrint,
  officeValidation,
  plainReference,
  rowsOf,
  samePrint,
  sameValidation,
} from "../../../src/adapters/office/setup-rules";
import { areasOf, formulaRuns } from "../../../src/adapters/office/setup-read";
import { FakeExcel, shiftReferences } from "./fake-excel";
import type { CellPlan, ValidationPlan } from "../../../src/domain/setup-plan";
import { REGISTRY_FORMAT_SIGNATURES } from "../../../src/domain/registry-plan";

describe("relative formulas moved by rows", () => {
  test.each([
    ["B3+C3", 2, "B5+C5"],
    ["$B3+B$3+$B$3", 1, "$B4+B$3+$B$3"],
    ['IF($W3="逾期",COUNTIF($B$3:$B$9,B3),0)', 2, 'IF($W5="逾期",COUNTIF($B$3:$B$9,B5),0)'],
    ['"B3"&B3', 1, '"B3"&B4'],
    ['"say ""B3"""&B3', 1, '"say ""B3"""&B4'],
    ["LOG10(A1)+ATAN2(A1,B1)", 1, "LOG10(A2)+ATAN2(A2,B2)"],
    ["INDEX(日历序,1)", 5, "INDEX(日历序,1)"],
    ["'督办事项登记表'!A3", 1, "'督办事项登记表'!A4"],
    ["SUM(3:3)", 1, "SUM(4:4)"],
    ["SUM($3:$3)", 1, "SUM($3:$3)"],
    ["I2*100000+A2", 3, "I5*100000+A5"],
    ["XFD1+XFE1", 1, "XFD2+XFE1"],
  ])("%s moved %i rows is %s", (formula, by, expected) => {
    expect(shiftRows(formula, by)).toBe(expected);
  });

  test("a reference moved off the sheet gives null", () => {
    expect(shiftRows("A1", -1)).toBeNull();
    expect(shiftRows("A1048576", 1)).toBeNull();
  });

  test.each([
    [["A2*2", "A3*2", "A4*2"], true],
    [["A2*2"], true],
    [[], false],
    [["A2*2", "A2*2"], false],
    [["A2*2", "A3*2", "A5*2"], false],
    [["1", "1"], true],
  ])("run %j is one relative formula: %s", (formulas, expected) => {
    expect(isRelativeRun(formulas)).toBe(expected);
  });

  test("the fake's Ctrl+Enter and the adapter's reading agree on the status formula's shape", () => {
    const f =
      'IF(COUNTIF(B3:V3,"?*")>0,IF(ISNUMBER(FIND("办结",M3)),"已办结",INDEX(日历序,MATCH(INT(S3),日历日期,0))),"")';
    for (const by of [1, 17, 9999]) expect(shiftReferences(`=${f}`, by, 0)).toBe(`=${shiftRows(f, by)}`);
  });
});

describe("fill modes on loaded cells", () => {
  const cell = (value: unknown, formula: unknown = value) => ({ value, formula });
  const plan = (mode: CellPlan["mode"], value: CellPlan["value"] = { t: "formula", f: "X(日历序)" }): CellPlan => ({
    row: 3,
    col: 2,
    mode,
    value,
    marker: "日历序",
  });

  test.each([
    ["an empty cell", cell(""), { write: true }],
    ["our formula, the same", cell("办理中", "=X(日历序)"), { write: false }],
    ["our formula, another", cell("办理中", "=Y(日历序)"), { write: true }],
    ["a typed status", cell("已办结"), { write: false, conflict: "已办结" }],
    ["a person's formula", cell(2, "=1+1"), { write: false, conflict: "=1+1" }],
    ["a typed text beginning with =", cell("=日历序"), { write: false, conflict: "=日历序" }],
    ["a formula giving an empty text", cell("", '=""'), { write: false, conflict: '=""' }],
  ])("formula mode, %s", (_name, loaded, expected) => {
    expect(decideCell(plan("formula"), storedCell(loaded))).toEqual(expected);
  });

  test.each([
    ["an empty cell", cell(""), true],
    ["a typed value", cell("人填的"), false],
    ["a formula giving nothing", cell("", "=A1"), false],
  ])("ifEmpty mode, %s: write %s", (_name, loaded, write) => {
    expect(decideCell(plan("ifEmpty", { t: "string", v: "新" }), storedCell(loaded))).toEqual({ write });
  });

  test.each([
    ["a date stored as its serial", cell(46296), { t: "date", v: "2026-10-01" }, true],
    ["a number stored as text", cell("1"), { t: "number", v: 1 }, false],
    ["an empty text planned in an empty cell", cell(""), { t: "string", v: "" }, true],
    ["the same formula", cell(0, "=A1+1"), { t: "formula", f: "A1+1" }, true],
    ["a value where a formula is planned", cell(2), { t: "formula", f: "A1+1" }, false],
  ] as const)("owned mode holds the planned value: %s", (_name, loaded, value, same) => {
    expect(holdsPlanned(storedCell(loaded), value)).toBe(same);
    expect(decideCell(plan("owned", value), storedCell(loaded))).toEqual({ write: !same });
  });

  test("what the log and the reports show", () => {
    expect(formulaOf(cell("x", "=A1"))).toBe("A1");
    expect(describeStored(storedCell(cell(46296)))).toBe("46296");
    expect(loggedFormula("A1+1")).toEqual({ t: "string", v: "=A1+1" });
    expect((loggedFormula("X".repeat(100)) as { v: string }).v).toHaveLength(48);
    expect((loggedFormula("X".repeat(100)) as { v: string }).v.endsWith("…")).toBe(true);
    expect(oldLogValue(cell("已办结"))).toEqual({ t: "string", v: "已办结" });
    expect(oldLogValue(cell("", "=A1"))).toEqual({ t: "string", v: "=A1" });
    expect(newLogValue({ t: "string", v: "" })).toEqual({ t: "empty" });
    expect(newLogValue({ t: "date", v: "2026-01-01" })).toEqual({ t: "date", v: "2026-01-01" });
  });
});

describe("validation, print, panes, names, looks", () => {
  const list: ValidationPlan = {
    range: { top: 3, left: 5, bottom: 400, right: 5 },
    rule: { kind: "list", source: "科室列表" },
    errorStyle: "warning",
    errorTitle: "督办科室或单位",
    error: "不在列表中",
  };
  const date: ValidationPlan = { ...list, rule: { kind: "date", min: "2026-01-01", max: "2027-12-31" } };

  test.each([
    ['"特急,加急,一般"', "特急,加急,一般"],
    ["科室列表", "=科室列表"],
    ['"含,逗号"', "含,逗号"],
  ])("list source %s → %s", (source, expected) => {
    expect(listSource(source)).toBe(expected);
  });

  test("a validation read back as Excel gives it equals the plan; any difference does not", () => {
    const wanted = officeValidation(list);
    const loaded = {
      type: "List",
      rule: { list: { inCellDropDown: true, source: "=科室列表" } },
      errorAlert: { showAlert: true, style: "Warning", title: "督办科室或单位", message: "不在列表中" },
      prompt: { showPrompt: false, title: "", message: "" },
      ignoreBlanks: true,
    };
    expect(sameValidation(wanted, loaded)).toBe(true);
    expect(sameValidation(wanted, { ...loaded, type: "Inconsistent" })).toBe(false);
    expect(sameValidation(wanted, { ...loaded, errorAlert: { ...loaded.errorAlert, style: "Stop" } })).toBe(false);
    expect(sameValidation(wanted, { ...loaded, rule: { list: { inCellDropDown: true, source: "=领导列表" } } })).toBe(
      false,
    );
    expect(sameValidation(wanted, { ...loaded, ignoreBlanks: false })).toBe(false);
  });

  test.each([
    ["serials as formulas", "=46023", "=46752", true],
    ["ISO dates", "2026-01-01", "2027-12-31", true],
    ["another year", "=46023", "=47117", false],
  ])("date bounds read back as %s", (_name, formula1, formula2, same) => {
    const wanted = officeValidation(date);
    const loaded = {
      type: "Date",
      rule: { date: { formula1, formula2, operator: "Between" } },
      errorAlert: wanted.errorAlert,
      prompt: wanted.prompt,
      ignoreBlanks: true,
    };
    expect(sameValidation(wanted, loaded)).toBe(same);
  });

  test("print: Excel's addresses with the sheet name and $ compare equal", () => {
    const wanted = officePrint({
      area: { top: 1, left: 1, bottom: 14, right: 14 },
      titleRows: { first: 1, last: 2 },
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
    });
    const loaded = {
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1 },
      area: "'督办事项登记表'!$A$1:$N$14",
      titleRows: "'督办事项登记表'!$1:$2",
    };
    expect(samePrint(wanted, loaded)).toBe(true);
    expect(samePrint(wanted, { ...loaded, area: "'督办事项登记表'!$A$1:$N$13" })).toBe(false);
    expect(samePrint(wanted, { ...loaded, zoom: { scale: 100 } })).toBe(false);
    expect(samePrint(wanted, { ...loaded, titleRows: null })).toBe(false);
    expect(samePrint(wanted, { ...loaded, orientation: "Portrait" })).toBe(false);
  });

  test.each([
    ["'表'!$1:$2", { first: 1, last: 2 }],
    ["A1:XFD2", { first: 1, last: 2 }],
    ["Sheet1!3:3", { first: 3, last: 3 }],
    [null, null],
  ])("rows of %s", (address, rows) => {
    expect(rowsOf(address)).toEqual(rows);
  });

  test.each([
    [{ isNullObject: true }, { rows: 0, columns: 0 }],
    [
      { isNullObject: false, rowCount: 2, columnCount: 16384 },
      { rows: 2, columns: 0 },
    ],
    [
      { isNullObject: false, rowCount: 2, columnCount: 3 },
      { rows: 2, columns: 3 },
    ],
    [
      { isNullObject: false, rowCount: 1048576, columnCount: 1 },
      { rows: 0, columns: 1 },
    ],
  ])("frozen pane %j", (location, frozen) => {
    expect(frozenOf(location)).toEqual(frozen);
  });

  test("names compare without quotes, $ and =", () => {
    expect(plainReference("='工作日历'!$A$2:$A$731")).toBe("工作日历!A2:A731");
    expect(plainReference("=工作日历!$A$2:$A$731")).toBe(plainReference("'工作日历'!$A$2:$A$731"));
    expect(plainReference("='O''Brien'!$A$1")).toBe("O'Brien!A1");
  });

  test("probes of a conditional format's exact range stay on the sheet", () => {
    expect(exactnessProbes({ top: 3, left: 2, bottom: 9, right: 2 })).toEqual({
      corners: ["B3", "B9"],
      outside: ["B2", "B10", "A3:A9", "C3:C9"],
    });
    expect(exactnessProbes({ top: 1, left: 1, bottom: 1, right: 1 })).toEqual({
      corners: ["A1"],
      outside: ["A2", "B1"],
    });
  });

  test("formats of ours are recognised by the plan's signatures only", () => {
    expect(isOurFormula('=$W3="逾期"', REGISTRY_FORMAT_SIGNATURES)).toBe(true);
    expect(isOurFormula('AND(TRIM($B3)<>"",COUNTIF($B$3:$B$400,$B3)>1)', REGISTRY_FORMAT_SIGNATURES)).toBe(true);
    expect(isOurFormula("=LEN(C3)>50", REGISTRY_FORMAT_SIGNATURES)).toBe(false);
  });

  test("looks: plan colours become #RRGGBB; only what differs is set again", () => {
    expect(officeColor("FFD9E1F2")).toBe("#D9E1F2");
    const wanted = officeLook({ bold: true, fill: "FFD9E1F2", border: true, horizontal: "center", numFmt: "0" });
    const same = {
      bold: true,
      fill: "#d9e1f2",
      horizontal: "Center",
      numFmt: "0",
      borders: Object.fromEntries(
        ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"].map((e) => [e, { style: "Continuous", weight: "Thin" }]),
      ),
    };
    expect(lookDifference(wanted, same)).toEqual({});
    expect(lookDifference(wanted, { ...same, fill: "#FF0000", numFmt: "General" })).toEqual({
      fill: "#D9E1F2",
      numFmt: "0",
    });
    expect(Object.keys(lookDifference(wanted, { ...same, borders: {} }))).toEqual(["borders"]);
  });

  test("merged areas are read from a RangeAreas address", () => {
    expect(areasOf("'督办事项登记表'!A1:N1, '督办事项登记表'!$V$5:$W$5")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 14 },
      { top: 5, left: 22, bottom: 5, right: 23 },
    ]);
  });
});

describe("formula runs read by special cells (ExcelApi 1.9)", () => {
  const f = (row: number, col = 23, mode: CellPlan["mode"] = "formula"): CellPlan => ({
    row,
    col,
    mode,
    marker: "日历序",
    value: { t: "formula", f: `X(日历序,M${row})` },
  });

  test.each([
    ["one run of consecutive rows", [3, 4, 5, 6].map((r) => f(r)), [[3, 6]], 0],
    [
      "a gap splits the run",
      [3, 4, 6, 7].map((r) => f(r)),
      [
        [3, 4],
        [6, 7],
      ],
      0,
    ],
    ["a lone cell is read exactly (Excel widens a one-cell range)", [3, 4, 9].map((r) => f(r)), [[3, 4]], 1],
    ["ifEmpty and owned cells are read exactly", [f(3), f(4), f(5, 23, "owned"), f(6, 23, "ifEmpty")], [[3, 4]], 2],
  ])("%s", (_name, cells, runs, rest) => {
    const out = formulaRuns(cells);
    expect(out.runs.map((r) => [r[0].row, r[r.length - 1].row])).toEqual(runs);
    expect(out.rest).toHaveLength(rest);
  });
});

describe("the fake's special cells behave as Excel's", () => {
  const load = async (cellType: string, nullable: boolean) => {
    const fake = new FakeExcel({ 表: [["标题"], ["a"], [""], ["b"], [""], [""]] });
    fake.userEdit("表", "A5", [["=1+1"]]);
    return fake.run({}, async (context: Excel.RequestContext) => {
      const range = context.workbook.worksheets.getItem("表").getRange("A2:A9");
      const areas = (
        nullable
          ? range.getSpecialCellsOrNullObject(cellType as Excel.SpecialCellType)
          : range.getSpecialCells(cellType as Excel.SpecialCellType)
      ).load("address");
      await context.sync();
      return areas.isNullObject ? null : areas.address;
    });
  };

  test.each([
    ["Constants", "'表'!A2,'表'!A4"],
    ["Formulas", "'表'!A5"],
    ["Blanks", "'表'!A3"], // A6… lie below the used range
  ])("%s of A2:A9 are %s", async (type, address) => {
    expect(await load(type, true)).toBe(address);
    expect(areasOf(address).length).toBeGreaterThan(0);
  });

  test("no match: getSpecialCells fails with ItemNotFound, the OrNullObject variant gives a null object", async () => {
    const fake = new FakeExcel({ 表: [["a"]] });
    const attempt = (nullable: boolean) =>
      fake.run({}, async (context: Excel.RequestContext) => {
        const range = context.workbook.worksheets.getItem("表").getRange("A1:A3");
        const areas = (
          nullable
            ? range.getSpecialCellsOrNullObject("Formulas" as Excel.SpecialCellType)
            : range.getSpecialCells("Formulas" as Excel.SpecialCellType)
        ).load("address");
        await context.sync();
        return areas.isNullObject;
      });
    expect(await attempt(true)).toBe(true);
    await expect(attempt(false)).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
