/**
 * The pure rules of applying a setup plan through Office.js: relative formulas moved by rows,
 * fill-mode decisions on loaded cells, and the comparisons of validation, print, frozen panes,
 * names and looks with what Excel reads back.
 */
import { toR1C1, uniformR1C1 } from "../../../src/adapters/office/r1c1";
import { fromR1C1, toR1C1 as fakeToR1C1 } from "./fake-r1c1";
import { decideCell, describeStored, holdsPlanned } from "../../../src/domain/cell-write-rule";
import {
  formulaOf,
  loggedFormula,
  newLogValue,
  oldLogValue,
  storedCell,
} from "../../../src/adapters/office/setup-cells";
import {
  frozenOf,
  isOurFormula,
  listSource,
  lookDifference,
  officeColor,
  officeLook,
  officePrint,
  officeValidation,
  rowsOf,
  samePrint,
  sameValidation,
} from "../../../src/adapters/office/setup-rules";
import { areasOfAddress } from "../../../src/adapters/office/merged-areas";
import { plainReference } from "../../../src/domain/a1-ref";
import { fitScale } from "../../../src/adapters/office/setup-print";
import { refusedForSize } from "../../../src/adapters/office/write-queue";
import { OfficeFailure } from "../../../src/adapters/office/errors";
import { prefetchable } from "../../../src/adapters/office/office-workbook";
import { FakeExcel } from "./fake-excel";
import type { CellPlan, ValidationPlan } from "../../../src/domain/setup-plan";
import { REGISTRY_FORMAT_SIGNATURES } from "../../../src/domain/registry-plan";

describe("A1 formulas in R1C1 (column formulas are written through formulasR1C1)", () => {
  test.each([
    ["B3+C3", 3, 3, "RC[-1]+RC"],
    ["$B3+B$3+$B$3", 4, 2, "R[-1]C2+R3C+R3C2"],
    ['IF($W3="逾期",COUNTIF($B$3:$B$9,B3),0)', 3, 24, 'IF(RC23="逾期",COUNTIF(R3C2:R9C2,RC[-22]),0)'],
    ['"B3"&B3', 4, 2, '"B3"&R[-1]C'],
    ['"say ""B3"""&B3', 3, 2, '"say ""B3"""&RC'],
    ["LOG10(A1)+ATAN2(A1,B1)", 1, 1, "LOG10(RC)+ATAN2(RC,RC[1])"],
    ["INDEX(日历累计,MATCH(X3,日历日期,0))-今日累计", 3, 25, "INDEX(日历累计,MATCH(RC[-1],日历日期,0))-今日累计"],
    ["'督办事项登记表'!A3", 4, 1, "'督办事项登记表'!R[-1]C"],
    ['N(H1)+IF(D2="官方",G2,N(B2))', 2, 8, 'N(R[-1]C)+IF(RC[-4]="官方",RC[-1],N(RC[-6]))'],
  ])("%s in row %i, column %i is %s", (formula, row, col, expected) => {
    expect(toR1C1(formula, row, col)).toBe(expected);
  });

  test("the adapter's and the fake's readings agree (the fake converts on its own)", () => {
    const f = 'IF(COUNTIF(B3:V3,"?*")=0,"",IF(X3<TODAY(),"逾期",IF(Y3<=预警阈值,"临期","办理中")))';
    for (const row of [3, 17, 9999]) {
      const a1 = f.replace(/([A-Z])3\b/g, `$1${row}`);
      expect(fakeToR1C1(`=${a1}`, row, 23)).toBe(`=${toR1C1(a1, row, 23)}`);
      expect(fromR1C1(`=${toR1C1(a1, row, 23)}`, row, 23)).toBe(`=${a1}`);
    }
  });

  test.each([
    [["A2*2", "A3*2", "A4*2"], "RC[-1]*2"],
    [["A2*2"], "RC[-1]*2"],
    [[], null],
    [["A2*2", "A2*2"], null],
    [["A2*2", "A3*2", "A5*2"], null],
    [["1", "1"], "1"],
  ])("run %j starting in B2 is one R1C1 formula: %s", (formulas, expected) => {
    expect(uniformR1C1(formulas, 2, 2)).toBe(expected);
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
    // A scale is the fallback set when Excel ignored the fit (office-js issue 1860): it stays.
    expect(samePrint(wanted, { ...loaded, zoom: { scale: 66 } })).toBe(true);
    expect(samePrint(wanted, { ...loaded, zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 } })).toBe(false);
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

  test("formats of ours are recognised by the plan's signatures only", () => {
    expect(isOurFormula('=$W3="逾期"', REGISTRY_FORMAT_SIGNATURES)).toBe(true);
    expect(isOurFormula('AND(TRIM($B3)<>"",COUNTIF($B$3:$B$400,$B3)>1)', REGISTRY_FORMAT_SIGNATURES)).toBe(true);
    expect(isOurFormula("=LEN(C3)>50", REGISTRY_FORMAT_SIGNATURES)).toBe(false);
    expect(
      isOurFormula('=OR(AND(ISTEXT($H3),TRIM($H3)<>""),N($H3)>DATE(9999,12,31))', REGISTRY_FORMAT_SIGNATURES),
    ).toBe(true);
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
    expect(areasOfAddress("'督办事项登记表'!A1:N1, '督办事项登记表'!$V$5:$W$5")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 14 },
      { top: 5, left: 22, bottom: 5, right: 23 },
    ]);
  });
});

describe("print fallback, oversize batches, prefetch", () => {
  test("the fallback scale fits the printed columns across the paper", () => {
    expect(fitScale([100, 200, 300], "landscape", 36, 36)).toBe(100);
    expect(fitScale(new Array(14).fill(80), "landscape", 50.4, 50.4)).toBe(66);
    expect(fitScale(new Array(40).fill(200), "portrait", 50.4, 50.4)).toBe(10);
  });

  test.each([
    ["RequestPayloadSizeLimitExceeded", 100, true],
    ["ResponsePayloadSizeLimitExceeded", 100, true],
    ["GeneralException", 2 * 1024 * 1024, true],
    ["GeneralException", 100, false],
    ["AccessDenied", 4 * 1024 * 1024, false],
  ])("%s on a batch of %i bytes is taken as too large: %s", (code, bytes, expected) => {
    expect(refusedForSize(new OfficeFailure("other", code), bytes)).toBe(expected);
  });

  test("only sheets known to exist are read with the names; before any, only the registry", () => {
    const all = ["督办事项登记表", "设置", "工作日历"];
    expect(prefetchable(all, null)).toEqual(["督办事项登记表"]);
    expect(prefetchable(all, ["督办事项登记表", "工作日历", "通知单"])).toEqual(["督办事项登记表", "工作日历"]);
  });
});

describe("the fake keeps Microsoft's documented rules", () => {
  test("a conditional format's id is its position in the collection it was loaded from", async () => {
    const fake = new FakeExcel({ 表: [["a"]] });
    const sheet = fake.sheet("表");
    sheet.conditionalFormats.push(
      { id: "x", range: "A1:A9", type: "Custom", formula: "=1" },
      { id: "y", range: "C1:C9", type: "Custom", formula: "=2" },
      { id: "z", range: "A1:C9", type: "Custom", formula: "=3" },
    );
    const ids = await fake.run({}, async (context: Excel.RequestContext) => {
      const ws = context.workbook.worksheets.getItem("表");
      const whole = ws.getRange().conditionalFormats.load("items/id");
      const column = ws.getRange("C1").conditionalFormats.load("items/id");
      await context.sync();
      return [whole.items.map((i) => i.id), column.items.map((i) => i.id)];
    });
    expect(ids).toEqual([
      ["0", "1", "2"],
      ["0", "1"],
    ]);
  });

  test("deleting loaded formats in ascending order hits the wrong one; descending is right", async () => {
    const run = async (order: "up" | "down") => {
      const fake = new FakeExcel({ 表: [["a"]] });
      fake.sheet("表").conditionalFormats.push(
        ...["ours", "mine", "ours2", "mine2"].map((id) => ({
          id,
          range: "A1:A9",
          type: "Custom",
          formula: `=${id}`,
        })),
      );
      await fake.run({}, async (context: Excel.RequestContext) => {
        const all = context.workbook.worksheets.getItem("表").getRange().conditionalFormats.load("items/id");
        await context.sync();
        const ours = [all.items[0], all.items[2]];
        for (const f of order === "up" ? ours : ours.reverse()) f.delete();
        await context.sync();
      });
      return fake.sheet("表").conditionalFormats.map((c) => c.id);
    };
    expect(await run("up")).toEqual(["mine", "ours2"]);
    expect(await run("down")).toEqual(["mine", "mine2"]);
  });

  test("a method on an *OrNullObject proxy before its isNullObject was read is refused", async () => {
    const fake = new FakeExcel({ 表: [["a"]] });
    await expect(
      fake.run({}, async (context: Excel.RequestContext) => {
        context.workbook.worksheets.getItemOrNullObject("表").getUsedRangeOrNullObject().load("address");
        await context.sync();
      }),
    ).rejects.toThrow(/isNullObject/);
    const address = await fake.run({}, async (context: Excel.RequestContext) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("表");
      await context.sync();
      if (ws.isNullObject) return null;
      const used = ws.getUsedRangeOrNullObject().load("address");
      await context.sync();
      return used.address;
    });
    expect(address).toBe("'表'!A1");
  });

  test("one A1 formula for a range is copied as it is; one R1C1 formula means the same cells in every row", async () => {
    const fake = new FakeExcel({ 表: [["1"], ["2"], ["3"]] });
    await fake.run({}, async (context: Excel.RequestContext) => {
      const ws = context.workbook.worksheets.getItem("表");
      (ws.getRange("B1:B3") as unknown as { formulas: string }).formulas = "=A1*2";
      (ws.getRange("C1:C3") as unknown as { formulasR1C1: string }).formulasR1C1 = "=RC[-2]*2";
      await context.sync();
    });
    expect([1, 2, 3].map((r) => fake.sheet("表").get(r, 2)?.formula)).toEqual(["=A1*2", "=A1*2", "=A1*2"]);
    expect([1, 2, 3].map((r) => fake.sheet("表").get(r, 3)?.formula)).toEqual(["=A1*2", "=A2*2", "=A3*2"]);
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
    expect(areasOfAddress(address).length).toBeGreaterThan(0);
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
