/** Rules of the Office adapter's small pieces: values, runs, sizes, the log format, requirements, undo planning. */
import { FakeExcel, parseTyped } from "./fake-excel";
import { fromOfficeValue, needsTextQuote, toOfficeWrite, DATE_NUM_FMT } from "../../../src/adapters/office/values";
import { groupRuns, MAX_RUN_CELLS, runAddress } from "../../../src/adapters/office/write-plan";
import { packBySize, utf8Length, jsonBytes } from "../../../src/adapters/office/size";
import { gridFromBlock } from "../../../src/adapters/office/read";
import { checkRequirements, fixedRequirements, supports } from "../../../src/adapters/office/requirements";
import { newOperationId, OfficeWorkbook } from "../../../src/adapters/office/office-workbook";
import { toOfficeFailure, OfficeFailure } from "../../../src/adapters/office/errors";
import { decodeLogValue, encodeLogValue, type LogEntry } from "../../../src/domain/operation-log";
import { parseCellAddress } from "../../../src/domain/a1-ref";
import { sameStoredValue } from "../../../src/domain/cell-key";
import { lastUndoableOperation, planUndo } from "../../../src/app/undo";
import type { CellValue } from "../../../src/domain/cell";
import type { CellWrite } from "../../../src/app/port";
import { buildNotice } from "../../../src/domain/documents/notice";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";
import { createCalendar } from "../../../src/domain/calendar";

const s = (v: string): CellValue => ({ t: "string", v });
const n = (v: number): CellValue => ({ t: "number", v });

describe("values Office hands over become engine values", () => {
  test.each<[unknown, CellValue]>([
    ["", { t: "empty" }],
    [44286, n(44286)],
    [true, { t: "bool", v: true }],
    ["#N/A", { t: "error", v: "#N/A" }],
    ["#DIV/0!", { t: "error", v: "#DIV/0!" }],
    ["#1 事项", s("#1 事项")],
    ["〔2021〕5号", s("〔2021〕5号")],
  ])("%p", (raw, value) => expect(fromOfficeValue(raw)).toEqual(value));
});

describe("engine values are written so that Excel keeps them as they are", () => {
  test.each<[CellValue, string | undefined, unknown, string | undefined]>([
    [s("〔2021〕5号"), undefined, "〔2021〕5号", undefined],
    [s("2021-03-05"), undefined, "'2021-03-05", undefined],
    [s("007"), undefined, "'007", undefined],
    [s("=SUM(A1)"), undefined, "'=SUM(A1)", undefined],
    [s("TRUE"), undefined, "'TRUE", undefined],
    [{ t: "date", v: "2021-03-31" }, undefined, 44286, DATE_NUM_FMT],
    [n(3), "0.00", 3, "0.00"],
    [{ t: "number", v: 3, fmt: "0%" }, undefined, 3, "0%"],
    [{ t: "error", v: "#N/A" }, undefined, "=#N/A", undefined],
    [{ t: "empty" }, undefined, "", undefined],
  ])("%p → %p", (value, fmt, raw, numberFormat) => {
    const out = toOfficeWrite(value, fmt);
    expect(out.value).toBe(raw);
    expect(out.numberFormat).toBe(numberFormat);
    // What Excel stores when the value is typed in: the same value back.
    const stored = parseTyped(out.value, "General");
    if (value.t === "string") expect(stored.value).toBe(value.v);
  });

  test.each(["督办", "江津教督〔2021〕3号", "第3号", ""])("%p needs no quote", (t) =>
    expect(needsTextQuote(t)).toBe(false),
  );
  test.each(["1", "-3", "+x", "@a", "'a", "(1)", "false", "Mar 5", "#N/A"])("%p needs a quote", (t) =>
    expect(needsTextQuote(t)).toBe(true),
  );
});

describe("writes become vertical runs, never more cells than written", () => {
  const w = (row: number, col: number, value: CellValue, numFmt?: string): CellWrite => ({
    sheet: "S",
    row,
    col,
    value,
    ...(numFmt ? { numFmt } : {}),
  });
  test("consecutive rows of a column join; a gap, another column or a format change splits", () => {
    const runs = groupRuns([
      w(3, 2, s("a")),
      w(4, 2, s("b")),
      w(6, 2, s("c")),
      w(4, 3, s("d")),
      w(5, 2, { t: "date", v: "2021-01-01" }),
    ]);
    expect(runs.map((r) => [runAddress(r), r.values.length, r.numberFormats !== undefined])).toEqual([
      ["B3:B4", 2, false],
      ["B5", 1, true],
      ["B6", 1, false],
      ["C4", 1, false],
    ]);
  });
  test("a cell written twice keeps its last value", () => {
    expect(groupRuns([w(3, 2, s("a")), w(3, 2, s("b"))]).map((r) => r.values)).toEqual([["b"]]);
  });
  test(`a run holds at most ${MAX_RUN_CELLS} cells`, () => {
    const runs = groupRuns(Array.from({ length: MAX_RUN_CELLS + 1 }, (_, i) => w(i + 1, 1, n(i))));
    expect(runs.map((r) => r.values.length)).toEqual([MAX_RUN_CELLS, 1]);
  });
});

describe("sizes", () => {
  test("UTF-8 lengths count Chinese as 3 bytes and astral characters as 4", () => {
    expect(utf8Length("督办a")).toBe(7);
    expect(utf8Length("𠀀")).toBe(4);
    expect(jsonBytes(["督"])).toBe(Buffer.byteLength(JSON.stringify(["督"])));
  });
  test("packing keeps order and the budget", () => {
    const items = [3, 3, 3, 7, 1].map((bytes) => ({ bytes }));
    expect(packBySize(items, 6).map((g) => g.map((i) => i.bytes))).toEqual([[3, 3], [3], [7], [1]]);
  });
});

describe("used ranges become grids shaped like the xlsx adapter's", () => {
  test("offset ranges are padded from A1; an empty sheet has no rows", () => {
    const grid = gridFromBlock("S", { rowIndex: 1, columnIndex: 1, values: [["a", 1]] });
    expect(grid.rows).toEqual([
      [{ t: "empty" }, { t: "empty" }, { t: "empty" }],
      [{ t: "empty" }, s("a"), n(1)],
    ]);
    expect(gridFromBlock("S", { rowIndex: 0, columnIndex: 0, values: [[""]] }).rows).toEqual([]);
  });
});

describe("the 操作日志 format", () => {
  test.each<CellValue>([
    { t: "empty" },
    s("〔2021〕5号"),
    s("  带空格 "),
    s("n:3"),
    n(3.5),
    { t: "number", v: 44286, fmt: 'yyyy"年"m"月"d"日"' },
    { t: "bool", v: false },
    { t: "date", v: "2021-03-31" },
    { t: "error", v: "#N/A" },
  ])("%p survives encoding", (value) => expect(decodeLogValue(encodeLogValue(value))).toEqual(value));

  test.each(["hello", "n:", "n:abc", "b:2", "d:2021-02-30", "e:"])("damaged %p is not restored", (text) =>
    expect(decodeLogValue(text)).toBeNull(),
  );

  test.each<[CellValue, CellValue, boolean]>([
    [{ t: "date", v: "2021-03-31" }, n(44286), true],
    [s("1"), n(1), false],
    [s(""), { t: "empty" }, true],
    [{ t: "number", v: 1, fmt: "0.0" }, n(1), true],
  ])("sameStoredValue(%p, %p) = %p", (a, b, same) => expect(sameStoredValue(a, b)).toBe(same));

  test.each<[string, unknown]>([
    ["B5", { row: 5, col: 2 }],
    ["$AB$12", { row: 12, col: 28 }],
    ["B0", null],
    ["5B", null],
  ])("address %p", (a, rc) => expect(parseCellAddress(a)).toEqual(rc));
});

describe("undo planning", () => {
  const entry = (id: string, address: string, old: CellValue, neu: CellValue, undoes = ""): LogEntry => {
    const at = parseCellAddress(address)!;
    return { id, time: "", operation: id, user: "", undoes, sheet: "S", address, ...at, old, new: neu };
  };
  test("the newest operation not undone and not itself an undo is chosen", () => {
    const log = [
      entry("u1", "B3", s("x"), { t: "empty" }, "op2"),
      entry("op2", "B3", { t: "empty" }, s("x")),
      entry("op1", "B4", { t: "empty" }, s("y")),
    ];
    expect(lastUndoableOperation(log)?.id).toBe("op1");
    expect(lastUndoableOperation([entry("u", "B3", s("x"), s("y"), "op1"), ...log.slice(2)])).toBeNull();
  });
  test("a cell written twice in one operation gets its oldest value back", () => {
    const op = {
      id: "op",
      operation: "op",
      entries: [entry("op", "B3", s("b"), s("c")), entry("op", "B3", s("a"), s("b"))],
    };
    const plan = planUndo(op, () => s("c"));
    expect(plan.writes.map((w) => w.value)).toEqual([s("a")]);
  });
  test("a cell already back to its old value is skipped, one changed since is a conflict", () => {
    const op = {
      id: "op",
      operation: "op",
      entries: [entry("op", "B3", { t: "empty" }, s("new")), entry("op", "B4", { t: "empty" }, s("new"))],
    };
    const plan = planUndo(op, (_s, row) => (row === 3 ? { t: "empty" } : s("theirs")));
    expect(plan).toMatchObject({ writes: [], unchanged: 1 });
    expect(plan.conflicts.map((c) => c.address)).toEqual(["B4"]);
  });
});

describe("requirement sets", () => {
  test("ExcelApi 1.8 runs, without page layout, indents and merged undo", () => {
    const report = checkRequirements(fixedRequirements({ ExcelApi: "1.8" }));
    expect(report.minimumMet).toBe(true);
    expect(report.missing.map((m) => m.feature)).toEqual(["pageLayout", "indent", "mergeUndoGroup"]);
    expect(report.missing[0].message).toContain("A4");
  });
  test("ExcelApi 1.7 is below the minimum and says so in Chinese", () => {
    expect(checkRequirements(fixedRequirements({ ExcelApi: "1.7" })).blocking).toContain("ExcelApi 1.8");
  });
  test("1.10 counts as newer than 1.9", () => {
    expect(supports(fixedRequirements({ ExcelApi: "1.10" }), "pageLayout")).toBe(true);
    expect(supports(fixedRequirements({ ExcelApi: "1.10" }), "mergeUndoGroup")).toBe(false);
  });
});

describe("documents in Excel", () => {
  const item = {
    sheet: "登记表",
    row: 5,
    seq: "3",
    number: "〔2021〕3号",
    content: "落实校园安全大排查",
    sourceDocNo: "",
    urgency: "一般",
    secrecy: "公开",
    issuedOn: "2021-03-05",
    dueOn: "2021-04-30",
    section: "督导室",
    assisting: "",
    hostHead: "张明",
    signedOn: null,
    result: "",
    remarks: "",
    hostUnit: "江津二中",
    source: "",
    major: "",
    signer: "",
    closedOn: null,
    extendedTo: null,
    extensionApprover: "",
    reportedOn: null,
  };
  async function draw(sets: Record<string, string>) {
    const layout = buildNotice(item, DEFAULT_SETTINGS, createCalendar([]), "2021-04-16", {
      sheetName: "通知单",
      handler: "",
    });
    const fake = new FakeExcel({ 登记表: [["x"]] });
    const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements(sets) });
    const warnings = await office.operation({ kind: "notice", label: "通知单" }, async (session) => {
      await session.writeLayout(layout, "add");
      return session.warnings;
    });
    return { fake, layout, warnings, sheet: fake.sheet("通知单") };
  }
  test("a layout is drawn in one batch: values, merges, fonts, widths in points, page setup", async () => {
    const { fake, layout, warnings, sheet } = await draw({ ExcelApi: "1.9" });
    expect(fake.syncCount).toBe(2); // names, then the drawing
    expect(warnings).toEqual([]);
    expect(sheet.merges).toHaveLength(layout.merges.length);
    const title = layout.cells.find((c) => c.style === "title")!;
    expect(fake.value("通知单", `${String.fromCharCode(64 + title.col)}${title.row}`)).toBe(title.value);
    expect(sheet.format(title.row, title.col).fontName).toBe(layout.styles.title.font.name);
    expect(sheet.columnWidths.get(1)).toBeCloseTo(((Math.trunc(layout.columnWidths[0] * 7) + 5) * 3) / 4, 5);
    expect(sheet.pageLayout).toMatchObject({ paperSize: "A4", orientation: "Portrait" });
    expect(sheet.showGridlines).toBe(layout.showGridLines);
  });
  test("without ExcelApi 1.9 the sheet is drawn and the person told to set A4 by hand", async () => {
    const { warnings, sheet } = await draw({ ExcelApi: "1.8" });
    expect(sheet.pageLayout).toEqual({});
    expect(warnings.join()).toContain("A4");
  });
});

describe("small helpers", () => {
  test("operation ids carry the local time and a random suffix", () => {
    expect(newOperationId(new Date(2026, 2, 1, 9, 5, 7), () => 0.5)).toBe("20260301-090507-iiiiii");
  });
  test("Office error codes become Chinese failures; other errors pass through", () => {
    expect((toOfficeFailure({ code: "AccessDenied" }) as OfficeFailure).message).toContain("工作表受保护");
    const plain = new Error("x");
    expect(toOfficeFailure(plain)).toBe(plain);
  });
});
