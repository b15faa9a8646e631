/** Policy 五: the 问责记录 format, the suggestions of each clause and 评优评先 eligibility. */
import { analyzeRegistry } from "../../../src/domain/analyze";
import {
  accountabilityLogCells,
  accountabilityLogLayout,
  measureOf,
  readAccountabilityLog,
} from "../../../src/domain/accountability/log";
import { ineligibleUnits } from "../../../src/domain/accountability/eligibility";
import { heaviestRecorded, suggestMeasures, type Suggestion } from "../../../src/domain/accountability/suggest";
import { readRemindLog } from "../../../src/domain/documents/remind-log";
import { createCalendar } from "../../../src/domain/calendar";
import type { AccountabilityEntry } from "../../../src/domain/accountability/log";
import type { RegistryItem } from "../../../src/domain/model";
import { date, grid } from "../grid-helpers";
import { item } from "../documents/fixtures";
import { ledgerGrids, measureGrid, TODAY, urgingGrid } from "../analysis/ledger-fixture";

describe("the 问责记录 sheet", () => {
  it("a new sheet has the six headers of the issue, framed", () => {
    const layout = accountabilityLogLayout();
    expect(layout.name).toBe("问责记录");
    expect(layout.cells.map((c) => c.value)).toEqual(["日期", "承办单位", "事项编号", "措施", "依据", "经办人"]);
    expect(layout.borders).toHaveLength(1);
    expect(layout.page.fitToHeight).toBe(0);
  });

  it("reads rows under a header found below a title, with other spellings, dates in any form", () => {
    const log = readAccountabilityLog(
      grid("问责记录", [
        ["问责记录"],
        ["问责日期", "被问责单位", "督办事项编号", "问责措施", "问责依据", "经办人"],
        ["2021年5月10日", "江津中学", "[2021]3号", " 约 谈 ", "逾期", "王芳"],
        [],
        [date("2021-06-10"), "白沙中学", "〔2021〕5号", "通报批评", "经催办仍未办结", "李四"],
      ]),
    );
    expect(log.headerRow).toBe(2);
    expect(log.entries).toEqual([
      {
        row: 3,
        date: "2021-05-10",
        unit: "江津中学",
        number: "[2021]3号",
        measure: "约谈",
        measureText: "约 谈",
        basis: "逾期",
        handler: "王芳",
      },
      {
        row: 5,
        date: "2021-06-10",
        unit: "白沙中学",
        number: "〔2021〕5号",
        measure: "通报批评",
        measureText: "通报批评",
        basis: "经催办仍未办结",
        handler: "李四",
      },
    ]);
    expect(log.nextRow).toBe(6);
    expect(log.issues).toEqual([]);
  });

  it("keeps a row whose measure or date it cannot read, and says so", () => {
    const log = readAccountabilityLog(
      grid("问责记录", [
        ["日期", "承办单位", "事项编号", "措施", "依据", "经办人"],
        ["2021-05-10", "江津中学", "〔2021〕3号", "警告", "", ""],
        ["五月", "江津中学", "〔2021〕3号", "约谈", "", ""],
        ["", "白沙中学", "〔2021〕5号", "通报批评", "", ""],
        ["", "白沙中学", "〔2021〕5号", "约谈", "", ""],
      ]),
    );
    expect(log.entries.map((e) => e.measure)).toEqual([null, "约谈", "通报批评", "约谈"]);
    expect(log.issues.map((i) => [i.row, i.code, i.column])).toEqual([
      [2, "accountability-measure-unknown", "问责记录"],
      [3, "accountability-date-invalid", "问责记录"],
      [4, "accountability-date-invalid", "问责记录"],
    ]);
    expect(log.issues[0].message).toContain("警告");
  });

  it("a sheet without a header holds no entries; the next row goes below what it holds", () => {
    const log = readAccountabilityLog(grid("问责记录", [["随手记"], ["2021-05-10 约谈 江津中学"]]));
    expect(log).toMatchObject({ headerRow: 0, entries: [], nextRow: 3 });
  });

  it("writes a row as typed cells, dates as dates", () => {
    const cells = accountabilityLogCells({
      date: "2021-05-10",
      unit: "江津中学",
      number: "〔2021〕3号",
      measure: "约谈",
      basis: "逾期",
      handler: "",
    });
    expect(cells).toEqual({
      date: { t: "date", v: "2021-05-10" },
      unit: { t: "string", v: "江津中学" },
      number: { t: "string", v: "〔2021〕3号" },
      measure: { t: "string", v: "约谈" },
      basis: { t: "string", v: "逾期" },
      handler: { t: "empty" },
    });
  });

  it.each([
    ["约谈", "约谈"],
    ["通报 批评", "通报批评"],
    ["追究责任", "追究责任"],
    ["诫勉谈话", null],
  ])("measureOf(%j) is %j", (text, measure) => {
    expect(measureOf(text)).toBe(measure);
  });
});

const analysis = analyzeRegistry(ledgerGrids(), TODAY);
if (!analysis) throw new Error("the fixture is a registry");
const urgings = readRemindLog(urgingGrid()).entries;
const records = readAccountabilityLog(measureGrid()).entries;

function suggest(items: readonly RegistryItem[], today = TODAY, recs: readonly AccountabilityEntry[] = records) {
  return suggestMeasures({ items, today, calendar: analysis!.calendar, warningDays: 3, urgings, records: recs });
}

const brief = (s: Suggestion[]) => s.map((x) => [x.number, x.measure]);

describe("suggestions on the hand-labelled ledger (2 August 2021)", () => {
  // Overdue: 5, 14, 19, 20, 22, 27. Recorded: 约谈 for 19, 通报批评 for 27.
  // 通报批评 needs an urging whose reply period is over and nothing in 备注:
  //   5 yes (reply by 30 Jul); 14 no (reply by 4 Aug); 19 yes; 20 no (reason in 备注); 22 never urged.
  it("gives exactly these, in registry order", () => {
    expect(brief(suggest(analysis.items))).toEqual([
      ["〔2021〕5号", "约谈"],
      ["〔2021〕5号", "通报批评"],
      ["〔2021〕14号", "约谈"],
      ["〔2021〕19号", "通报批评"],
      ["〔2021〕20号", "约谈"],
      ["〔2021〕22号", "约谈"],
    ]);
  });

  it("names the unit's head for a 约谈 and says how late the item is", () => {
    const s = suggest(analysis.items).find((x) => x.number === "〔2021〕22号");
    expect(s).toMatchObject({
      measure: "约谈",
      unit: "承办单位22",
      head: "负责人22",
      workingDaysLate: 44,
      timesUrged: 0,
    });
    expect(s?.basis).toContain("五（一）");
    expect(s?.reason).toContain("已逾期44个工作日");
  });

  it("never suggests 追究责任", () => {
    const all = suggest(analysis.items, "2023-01-01", []);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((s) => s.measure !== ("追究责任" as string))).toBe(true);
  });
});

describe("each clause on its own", () => {
  const base = item({
    number: "〔2021〕3号",
    dueOn: "2021-04-30",
    result: "",
    closedOn: null,
    extendedTo: null,
    remarks: "",
  });
  const urged = (replyBy: string | null, on = "2021-05-06") => [
    { date: on, number: "〔2021〕3号", method: "电话", handler: "", replyBy },
  ];
  const run = (it: RegistryItem, today: string, u = urged(null, "2021-05-07"), recs: AccountabilityEntry[] = []) =>
    brief(
      suggestMeasures({ items: [it], today, calendar: createCalendar(), warningDays: 3, urgings: u, records: recs }),
    );
  const rec = (measure: AccountabilityEntry["measure"]): AccountabilityEntry => ({
    date: "2021-05-08",
    unit: "江津中学",
    number: "[2021]3号",
    measure,
    measureText: measure ?? "",
    basis: "",
    handler: "",
  });

  it.each([
    ["not yet due: nothing", base, "2021-04-30", urged("2021-04-29", "2021-04-26"), [], []],
    ["overdue, never urged: 约谈 only", base, "2021-05-10", [], [], [["〔2021〕3号", "约谈"]]],
    [
      "urged, reply period still running: 约谈 only",
      base,
      "2021-05-10",
      urged("2021-05-11"),
      [],
      [["〔2021〕3号", "约谈"]],
    ],
    ["urged, reply due today: not yet", base, "2021-05-11", urged("2021-05-11"), [], [["〔2021〕3号", "约谈"]]],
    [
      "urged, reply period over, 备注 blank: 约谈 and 通报批评",
      base,
      "2021-05-12",
      urged("2021-05-11"),
      [],
      [
        ["〔2021〕3号", "约谈"],
        ["〔2021〕3号", "通报批评"],
      ],
    ],
    [
      "urged without a reply-by date: over the day after",
      base,
      "2021-05-07",
      urged(null),
      [],
      [
        ["〔2021〕3号", "约谈"],
        ["〔2021〕3号", "通报批评"],
      ],
    ],
    [
      "a reason in 备注: no 通报批评",
      { ...base, remarks: "因上级文件调整，已申请延期" },
      "2021-05-12",
      urged("2021-05-11"),
      [],
      [["〔2021〕3号", "约谈"]],
    ],
    ["约谈 recorded: not again", base, "2021-05-12", urged("2021-05-11"), [rec("约谈")], [["〔2021〕3号", "通报批评"]]],
    ["通报批评 recorded: nothing more", base, "2021-05-12", urged("2021-05-11"), [rec("通报批评")], []],
    ["追究责任 recorded: nothing more", base, "2021-05-12", urged("2021-05-11"), [rec("追究责任")], []],
    ["an unreadable measure recorded does not count", base, "2021-05-10", [], [rec(null)], [["〔2021〕3号", "约谈"]]],
    ["closed: nothing", { ...base, result: "逾期办结" }, "2021-05-12", urged("2021-05-11"), [], []],
    ["terminated: nothing", { ...base, result: "终止" }, "2021-05-12", urged("2021-05-11"), [], []],
    [
      "an urging dated after today does not count",
      base,
      "2021-05-12",
      urged("2021-05-11", "2021-05-20"),
      [],
      [["〔2021〕3号", "约谈"]],
    ],
  ] as const)("%s", (_rule, it, today, u, recs, expected) => {
    expect(run(it as RegistryItem, today, [...u], [...recs])).toEqual(expected);
  });

  it("an unnumbered overdue item is suggested with its row, to be numbered first", () => {
    const s = suggestMeasures({
      items: [{ ...base, number: "" }],
      today: "2021-05-10",
      calendar: createCalendar(),
      warningDays: 3,
      urgings: [],
      records: [],
    });
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ number: null, row: base.row });
    expect(s[0].reason).toContain("未编号");
  });

  it("the heaviest measure recorded per item, numbers in any spelling", () => {
    const map = heaviestRecorded([rec("通报批评"), rec("约谈"), { ...rec("追究责任"), number: "〔2021〕4号" }]);
    expect([...map]).toEqual([
      ["〔2021〕3号", "通报批评"],
      ["〔2021〕4号", "追究责任"],
    ]);
  });
});

describe("评优评先 eligibility (五（二）)", () => {
  const items = [
    item({ row: 3, number: "〔2021〕3号", hostUnit: "江津中学" }),
    item({ row: 4, number: "〔2021〕4号", hostUnit: "白沙中学" }),
  ];
  const r = (row: number, d: string | null, unit: string, number: string, measure: AccountabilityEntry["measure"]) => ({
    row,
    date: d,
    unit,
    number,
    measure,
    measureText: measure ?? "?",
    basis: "",
    handler: "",
  });

  it("a 通报批评 or 追究责任 costs the unit that year; a 约谈 costs nothing", () => {
    const { ineligible, issues } = ineligibleUnits(
      [
        r(2, "2021-05-10", "江津中学", "〔2021〕3号", "约谈"),
        r(3, "2021-06-10", "江津中学", "〔2021〕3号", "通报批评"),
        r(4, "2022-01-05", "江津 中学", "〔2021〕3号", "追究责任"),
        r(5, "2021-12-31", "白沙中学", "〔2021〕4号", "约谈"),
      ],
      items,
    );
    expect(issues).toEqual([]);
    expect(ineligible).toEqual([
      {
        unit: "江津中学",
        year: 2021,
        records: [{ row: 3, date: "2021-06-10", number: "〔2021〕3号", measure: "通报批评" }],
      },
      {
        unit: "江津 中学",
        year: 2022,
        records: [{ row: 4, date: "2022-01-05", number: "〔2021〕3号", measure: "追究责任" }],
      },
    ]);
  });

  it("a blank unit is taken from the item, with a warning; an unknown number is reported", () => {
    const { ineligible, issues } = ineligibleUnits(
      [r(2, "2021-06-10", "", "[2021]4号", "通报批评"), r(3, "2021-06-11", "", "〔2021〕9号", "通报批评")],
      items,
    );
    expect(ineligible.map((u) => [u.unit, u.year])).toEqual([["白沙中学", 2021]]);
    expect(issues.map((i) => [i.row, i.code])).toEqual([
      [2, "accountability-unit-missing"],
      [3, "accountability-number-unknown"],
      [3, "accountability-unit-missing"],
    ]);
    expect(issues[0].message).toContain("白沙中学");
  });

  it("a record without a date has no year: not counted", () => {
    expect(ineligibleUnits([r(2, null, "江津中学", "〔2021〕3号", "通报批评")], items).ineligible).toEqual([]);
  });

  it("on the ledger: 承办单位27 in 2021", () => {
    const { ineligible } = ineligibleUnits(records, analysis.items);
    expect(ineligible.map((u) => [u.unit, u.year])).toEqual([["承办单位27", 2021]]);
  });
});
