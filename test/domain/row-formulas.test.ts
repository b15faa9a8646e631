import type { CellValue } from "../../src/domain/cell";
import { parseDateCell } from "../../src/domain/dates";
import { FORMULA_WORDS } from "../../src/domain/formula-words";
import { isOurFormula } from "../../src/domain/cell-write-rule";
import { ROW_FORMULA_MARKERS } from "../../src/domain/registry-plan";
import { isTerminated, resultSaysClosed } from "../../src/domain/status";
import {
  formulaCountsAsEvidence,
  formulaDateOf,
  formulaSaysClosed,
  formulaSeesNotADate,
  formulaTerminated,
} from "../../src/domain/formula-twins";
import {
  calendarCountFormula,
  daysLeftFormula,
  deadlineFormula,
  notDateFormula,
  statusFormula,
  todayCountFormula,
  type RowFormulaColumns,
} from "../../src/domain/row-formulas";

const text = (v: string): CellValue => ({ t: "string", v });
const num = (v: number): CellValue => ({ t: "number", v });

const COLUMNS: RowFormulaColumns = {
  result: 13,
  closedOn: 19,
  extendedTo: 20,
  dueOn: 8,
  evidence: [
    { left: 2, right: 22 },
    { left: 26, right: 26 },
  ],
  deadline: 24,
  daysLeft: 25,
};

describe("the formulas read a date cell: real dates agree with the engine, text is no date to them", () => {
  const agree: [string, CellValue, string | null][] = [
    ["a real date", { t: "date", v: "2026-12-05" }, "2026-12-05"],
    ["a serial number", num(46361), "2026-12-05"],
    ["a serial with a time of day", num(46361.75), "2026-12-05"],
    ["blank", { t: "empty" }, null],
    ["an error value", { t: "error", v: "#N/A" }, null],
  ];
  it.each(agree)("%s", (_, cell, expected) => {
    const engine = parseDateCell(cell);
    expect(engine?.ok ? engine.date : null).toBe(expected);
    expect(formulaDateOf(cell)).toBe(expected);
    expect(formulaSeesNotADate(cell)).toBe(false);
  });

  // The engine reads these as dates; the formulas do not (no text parsing): the cell is painted
  // red (formulaSeesNotADate) and `check` offers the date as a fix.
  const text_dates: [string, CellValue, string][] = [
    ["ISO text", text("2026-12-05"), "2026-12-05"],
    ["dots", text("2026.12.5"), "2026-12-05"],
    ["Chinese", text("2026年12月5日"), "2026-12-05"],
    ["compact text", text("20261205"), "2026-12-05"],
    ["yyyymmdd typed as a number", num(20261205), "2026-12-05"],
    ["full-width digits", text("２０２６-12-05"), "2026-12-05"],
  ];
  it.each(text_dates)("%s is not a date to a formula, and shown red", (_, cell, engine) => {
    const parsed = parseDateCell(cell);
    expect(parsed?.ok ? parsed.date : null).toBe(engine);
    expect(formulaDateOf(cell)).toBeNull();
    expect(formulaSeesNotADate(cell)).toBe(true);
  });

  it("white space alone is not painted", () => {
    expect(formulaSeesNotADate(text("   "))).toBe(false);
  });

  it("the red conditional format tests text and numbers past 9999-12-31", () => {
    expect(notDateFormula("$H3")).toBe('OR(AND(ISTEXT($H3),TRIM($H3)<>""),N($H3)>DATE(9999,12,31))');
  });
});

describe("formula twins of 督办结果 agree with the engine", () => {
  const cases: [string, CellValue, boolean, boolean][] = [
    ["终止", text("终止"), true, false],
    ["终止 with spaces", text(" 终止 "), true, false],
    ["终止 with a line break", text("终止\n"), true, false],
    ["终 止 (space inside)", text("终 止"), false, false],
    ["按期办结", text("按期办结"), false, true],
    ["已按期办结", text("已按期办结"), false, true],
    ["未办结", text("未办结"), false, false],
    ["尚未办结，正在协调", text("尚未办结，正在协调"), false, false],
    ["blank", { t: "empty" }, false, false],
  ];
  it.each(cases)("%s", (_, cell, terminated, closed) => {
    const w = FORMULA_WORDS;
    expect(formulaTerminated(cell, w.terminating)).toBe(terminated);
    expect(formulaSaysClosed(cell, w.closing, w.neverClosing)).toBe(closed);
    if (cell.t === "string") {
      expect(isTerminated({ result: cell.v.trim() })).toBe(terminated);
      expect(resultSaysClosed(cell.v)).toBe(closed);
    }
  });

  it("an ideographic space is trimmed by the engine, not by the formula (the plan reports such rows)", () => {
    expect(isTerminated({ result: "\u3000终止".trim() })).toBe(true);
    expect(formulaTerminated(text("\u3000终止"), FORMULA_WORDS.terminating)).toBe(false);
  });
});

describe("the 状态 formula reads like the status rules", () => {
  const f = statusFormula(COLUMNS, 17);

  it("reads its own row only, the calendar through names", () => {
    expect(f).toBe(
      'IF(COUNTA(B17:V17,Z17)=0,"",' +
        'IF(ISNUMBER(MATCH(TRIM(CLEAN(M17)),终止用语,0)),"已终止",' +
        'IF(OR(ISNUMBER(S17),AND(SUMPRODUCT(--ISNUMBER(FIND(办结用语,M17)))>0,SUMPRODUCT(--ISNUMBER(FIND(未办用语,M17)))=0)),"已办结",' +
        'IF(X17="","办理中",IF(X17<TODAY(),"逾期",IF(Y17<=预警阈值,"临期","办理中"))))))',
    );
  });

  it("is at most 400 characters even on the last row of a sheet", () => {
    expect(statusFormula(COLUMNS, 1048576).length).toBeLessThanOrEqual(400);
  });

  it("uses no function Excel 2010, WPS or LibreOffice lacks, and no text parsing", () => {
    for (const formula of [f, deadlineFormula(COLUMNS, 17), daysLeftFormula(COLUMNS, 17)]) {
      expect(formula).not.toMatch(/\b(LET|XLOOKUP|IFS|SWITCH|FILTER|TEXTJOIN|CONCAT|SUBSTITUTE|VALUE|DATEVALUE)\(/);
    }
  });

  it("takes the expression for today it is given", () => {
    expect(statusFormula(COLUMNS, 3, "DATE(2026,9,29)")).toContain("X3<DATE(2026,9,29)");
  });

  it("without 延期至, 办结日期 or 督办结果 columns still gives a formula", () => {
    const bare = { ...COLUMNS, result: null, closedOn: null, extendedTo: null };
    expect(statusFormula(bare, 4)).toContain('IF(FALSE,"已终止",IF(FALSE,"已办结"');
    expect(deadlineFormula(bare, 4)).toBe('IF(ISNUMBER(H4),INT(H4),"")');
  });

  it("a row counts as an item for the formula when any cell of it is not empty (COUNTA)", () => {
    expect(formulaCountsAsEvidence(text("x"))).toBe(true);
    expect(formulaCountsAsEvidence(num(0))).toBe(true);
    expect(formulaCountsAsEvidence(text(" "))).toBe(true);
    expect(formulaCountsAsEvidence({ t: "error", v: "#N/A" })).toBe(true);
    expect(formulaCountsAsEvidence({ t: "bool", v: true })).toBe(true);
    expect(formulaCountsAsEvidence(text(""))).toBe(false);
    expect(formulaCountsAsEvidence({ t: "empty" })).toBe(false);
  });
});

describe("the helper columns", () => {
  it("截止日期 is 延期至 when it is a date, else 要求完成时间, as a whole date", () => {
    expect(deadlineFormula(COLUMNS, 5)).toBe('IF(ISNUMBER(T5),INT(T5),IF(ISNUMBER(H5),INT(H5),""))');
  });

  it("剩余工作日 is the running count at the deadline minus today's", () => {
    expect(daysLeftFormula(COLUMNS, 5)).toBe('IFERROR(INDEX(日历累计,MATCH(X5,日历日期,0))-今日累计,"")');
  });

  it("the calendar's count adds each row's flag to the row above (linear)", () => {
    const cols = { working: 2, origin: 4, official: 7, count: 8 };
    expect(calendarCountFormula(2, cols)).toBe('N(H1)+IF(D2="官方",G2,N(B2))');
    expect(calendarCountFormula(4000, cols)).toBe('N(H3999)+IF(D4000="官方",G4000,N(B4000))');
    expect(todayCountFormula("TODAY()")).toBe("LOOKUP(TODAY(),日历日期,日历累计)");
  });
});

describe("a refresh recognises the row formulas of ours, old and new", () => {
  const OLD_STATUS =
    'IF(COUNTIF(B3:V3,"?*")+COUNT(B3:V3)>0,IF(IFERROR(TRIM(M3)="终止",FALSE),"已终止",IF(OR(AND(ISNUMBER(FIND("办结",M3)),' +
    'ISERROR(FIND("未办结",M3)))),"已办结",IFERROR(CHOOSE(MAX(-1,MIN(1,INT((INDEX(日历序,1)-今日序)/((预警阈值+1)*100000))))+2,"逾期","临期","办理中"),"办理中"))),"")';
  it.each([
    ["the new 状态", statusFormula(COLUMNS, 9), ROW_FORMULA_MARKERS.status, true],
    ["an old 状态", OLD_STATUS, ROW_FORMULA_MARKERS.status, true],
    ["a person's own 状态", 'IF(H3<TODAY(),"逾期","")', ROW_FORMULA_MARKERS.status, false],
    ["截止日期", deadlineFormula(COLUMNS, 9), ROW_FORMULA_MARKERS.deadline, true],
    ["截止日期 without 延期至", 'IF(ISNUMBER(H9),INT(H9),"")', ROW_FORMULA_MARKERS.deadline, true],
    ["a person's own 截止日期", "MAX(H9,T9)", ROW_FORMULA_MARKERS.deadline, false],
    ["剩余工作日", daysLeftFormula(COLUMNS, 9), ROW_FORMULA_MARKERS.daysLeft, true],
    ["a person's own 剩余工作日", "NETWORKDAYS(TODAY(),X9)", ROW_FORMULA_MARKERS.daysLeft, false],
  ])("%s", (_, formula, markers, ours) => {
    expect(isOurFormula(markers, formula)).toBe(ours);
  });
});
