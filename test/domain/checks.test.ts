import { createCalendar, type WorkingCalendar } from "../../src/domain/calendar";
import { CLASSIFIED_PLACEHOLDER, checkItems, sortIssues, type CheckContext } from "../../src/domain/checks";
import { ALL_COLUMNS, OFFICIAL_COLUMNS, type ColumnKey } from "../../src/domain/columns";
import type { Issue, Leader, RegistryItem, RegistryLayout } from "../../src/domain/model";
import { makeIssue } from "../../src/domain/rules";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";

const CAL = createCalendar();
const LEADERS: Leader[] = [
  { name: "张三", title: "主任", principal: true },
  { name: "李四", title: "副主任", principal: false },
  { name: "王五", title: "书记", principal: true },
];
const SETTINGS = { ...DEFAULT_SETTINGS, leaders: LEADERS };

/** Columns in the product's order: 1 序号 … 14 备注, 15 承办单位 … 23 状态. */
const FULL: RegistryLayout["columns"] = Object.fromEntries(ALL_COLUMNS.map((c, i) => [c.key, i + 1]));
const OFFICIAL_ONLY: RegistryLayout["columns"] = Object.fromEntries(OFFICIAL_COLUMNS.map((c, i) => [c.key, i + 1]));

/** A complete, valid item of a registry with all columns (no issue at all on 2021-06-01). */
const BASE: RegistryItem = {
  sheet: "督办事项登记表",
  row: 3,
  seq: "1",
  number: "〔2021〕1号",
  content: "落实校园安全大排查",
  sourceDocNo: "江津府办〔2021〕12号",
  urgency: "一般",
  secrecy: "公开",
  issuedOn: "2021-03-05",
  dueOn: "2021-04-30",
  section: "督导室",
  assisting: "",
  hostHead: "",
  signedOn: "2021-03-08",
  result: "",
  remarks: "",
  hostUnit: "某中学",
  source: "区政府批转",
  major: "否",
  signer: "李四",
  closedOn: null,
  extendedTo: null,
  extensionApprover: "",
  reportedOn: null,
};

/** BASE varied; the number follows the row unless given, so rows never share one by accident. */
const item = (over: Partial<RegistryItem> = {}): RegistryItem => {
  const row = over.row ?? BASE.row;
  return { ...BASE, number: `〔2021〕${row}号`, ...over };
};

function run(
  items: readonly RegistryItem[],
  over: Partial<CheckContext> & { calendar?: WorkingCalendar } = {},
): Issue[] {
  const ctx: CheckContext = { settings: SETTINGS, calendar: CAL, today: "2021-06-01", columns: FULL, ...over };
  const issues = checkItems(items, ctx);
  for (const i of issues) expect(i.message).not.toMatch(/[{}]/);
  return issues;
}

const codesAt = (issues: readonly Issue[]) => issues.map((i) => [i.code, i.column]);

describe("the base item is clean", () => {
  it("gives no issue", () => {
    expect(run([BASE])).toEqual([]);
  });
});

describe("each rule fires", () => {
  it.each([
    ["督办事项内容 blank", { content: "" }, "required-missing", "督办事项内容"],
    ["任务下达时间 blank", { issuedOn: null }, "required-missing", "任务下达时间"],
    ["要求完成时间 blank", { dueOn: null }, "required-missing", "要求完成时间"],
    ["督办科室或单位 blank", { section: "" }, "required-missing", "督办科室或单位"],
    ["a deadline before the issue date", { dueOn: "2021-03-04" }, "deadline-before-issue", "要求完成时间"],
    ["a sign-for date before the issue date", { signedOn: "2021-03-04" }, "signed-before-issue", "签收日期"],
    [
      "办结日期 before the issue date",
      { closedOn: "2021-03-01", result: "按期办结" },
      "closed-date-before-issue",
      "办结日期",
    ],
    [
      "延期至 before 要求完成时间",
      { extendedTo: "2021-04-20", extensionApprover: "张三" },
      "extended-before-due",
      "延期至",
    ],
    [
      "延期至 equal to 要求完成时间",
      { extendedTo: "2021-04-30", extensionApprover: "张三" },
      "extended-before-due",
      "延期至",
    ],
    [
      "报告日期 before 办结日期",
      { closedOn: "2021-04-20", reportedOn: "2021-04-19" },
      "report-before-closed",
      "报告日期",
    ],
    ["a sign-for date after today", { signedOn: "2021-06-02" }, "date-in-future", "签收日期"],
    ["a closing date after today", { closedOn: "2022-05-01" }, "date-in-future", "办结日期"],
    ["a number in square brackets", { number: "[2021]3号" }, "number-format", "督办事项编号"],
    ["a number that is no number", { number: "待定" }, "number-format", "督办事项编号"],
    ["紧急程度 outside the list", { urgency: "紧急" }, "urgency-invalid", "紧急程度"],
    ["紧急程度 with a space", { urgency: "特 急" }, "urgency-invalid", "紧急程度"],
    ["密级 outside the list", { secrecy: "普通" }, "secrecy-invalid", "密级"],
    ["a classified item with content", { secrecy: "机密" }, "classified-content", "督办事项内容"],
    ["区委 items not at 秘书科", { source: "区委批转", section: "督导室" }, "routing-mismatch", "督办科室或单位"],
    ["工委会 items not at 组织科", { source: "工委会", section: "办公室" }, "routing-mismatch", "督办科室或单位"],
    ["an unknown 事项来源", { source: "上级交办" }, "source-invalid", "事项来源"],
    ["重大事项 neither 是 nor 否", { major: "Y" }, "major-invalid", "重大事项"],
    ["a major item signed by a deputy", { major: "是", signer: "李四" }, "major-signer-not-principal", "签发领导"],
    ["a major item signed by nobody", { major: "是", signer: "" }, "major-signer-not-principal", "签发领导"],
    [
      "an extension approved by a deputy",
      { extendedTo: "2021-05-31", extensionApprover: "李四" },
      "extension-approver-not-principal",
      "延期批准人",
    ],
    ["an extension approved by nobody", { extendedTo: "2021-05-31" }, "extension-approver-not-principal", "延期批准人"],
    [
      "a termination approved by a deputy",
      { result: "终止", extensionApprover: "李四" },
      "termination-approver-not-principal",
      "延期批准人",
    ],
    [
      "a major item reported after 5 working days",
      { major: "是", signer: "张三", closedOn: "2021-04-28", reportedOn: "2021-05-20", result: "按期办结" },
      "report-late",
      "报告日期",
    ],
    [
      "a closed major item without a report after 5 working days",
      { major: "是", signer: "张三", closedOn: "2021-05-20", result: "按期办结" },
      "report-missing",
      "报告日期",
    ],
  ] as [string, Partial<RegistryItem>, string, string][])("%s: %j → %s in %s", (_label, over, code, column) => {
    expect(codesAt(run([item(over)]))).toEqual([[code, column]]);
  });
});

describe("each rule stays quiet", () => {
  it.each([
    ["紧急程度 and 密级 blank", { urgency: "", secrecy: "" }],
    ["紧急程度 特急, 密级 内部", { urgency: "特急", secrecy: "内部" }],
    ["a deadline on the issue date", { dueOn: "2021-03-05" }],
    ["a sign-for date on the issue date", { signedOn: "2021-03-05" }],
    ["dates of today", { signedOn: "2021-06-01", closedOn: "2021-06-01", result: "按期办结" }],
    ["a deadline after today (a deadline may lie ahead)", { dueOn: "2022-01-31" }],
    ["an overdue open item (overdue is a status, not a defect)", { dueOn: "2021-04-01" }],
    ["a number with the organ prefix", { number: "江津教督〔2021〕12号" }],
    ["no number yet", { number: "" }],
    ["a classified item without content", { secrecy: "秘密", content: "" }],
    ["a classified item carrying the reference placeholder", { secrecy: "绝密", content: CLASSIFIED_PLACEHOLDER }],
    ["区委 items at 秘书科", { source: "区委批转", section: "秘书科" }],
    ["区委 items at a section named in full", { source: "区委批转", section: "区教委秘书科" }],
    ["items of 其他领导批示 at any section", { source: "其他领导批示", section: "安全科" }],
    ["no 事项来源", { source: "" }],
    ["a major item signed by a principal leader", { major: "是", signer: "张三" }],
    ["a major item signed by name and title", { major: "是", signer: "张三主任" }],
    ["a major item signed by two leaders, one principal", { major: "是", signer: "李四、王五" }],
    ["an ordinary item signed by a deputy", { major: "否", signer: "李四" }],
    ["an extension approved by a principal leader", { extendedTo: "2021-05-31", extensionApprover: "王五" }],
    ["a termination approved by a principal leader", { result: "终止", extensionApprover: "张三" }],
    [
      "a report on the fifth working day (Saturday 8 May 2021 is a make-up day)",
      { major: "是", signer: "张三", closedOn: "2021-04-28", reportedOn: "2021-05-08", result: "按期办结" },
    ],
    [
      "a missing report while the 5 working days still run",
      { major: "是", signer: "张三", closedOn: "2021-05-28", result: "按期办结" },
    ],
    ["a late report of an ordinary item", { closedOn: "2021-04-28", reportedOn: "2021-05-31", result: "按期办结" }],
  ] as [string, Partial<RegistryItem>][])("%s: %j", (_label, over) => {
    expect(run([item(over)])).toEqual([]);
  });
});

describe("messages and fixes", () => {
  it("offers the corrected number: [2021]3号 → 〔2021〕3号", () => {
    const [issue] = run([item({ number: "[2021]3号" })]);
    expect(issue).toMatchObject({ severity: "error", fix: "〔2021〕3号" });
    expect(issue.message).toContain("六角括号");
    expect(issue.message).toContain("改为“〔2021〕3号”");
  });

  it.each([
    ["〔21〕3号", "〔2021〕3号", "四位"],
    ["〔2021〕03号", "〔2021〕3号", "前导零"],
    ["〔2021〕第3号", "〔2021〕3号", "第"],
    ["【2021】3", "〔2021〕3号", "号"],
  ])("%s is fixed to %s (message mentions %s)", (number, fix, word) => {
    const [issue] = run([item({ number })]);
    expect(issue.fix).toBe(fix);
    expect(issue.message).toContain(word);
  });

  it("offers no fix for a number it cannot read", () => {
    const [issue] = run([item({ number: "第三号" })]);
    expect(issue.code).toBe("number-format");
    expect("fix" in issue).toBe(false);
    expect(issue.message).toContain("〔2021〕5号");
  });

  it("offers the list value for a list value with a space in it, none for another word", () => {
    expect(run([item({ urgency: "特 急" })])[0].fix).toBe("特急");
    expect(run([item({ secrecy: "机 密", content: "" })])[0].fix).toBe("机密");
    expect(run([item({ urgency: "紧急" })])[0].fix).toBeUndefined();
  });

  it("classified content is an error that advises recording only a reference", () => {
    const [issue] = run([item({ secrecy: "秘密" })]);
    expect(issue).toMatchObject({ severity: "error", code: "classified-content", fix: CLASSIFIED_PLACEHOLDER });
    expect(issue.message).toContain("涉密不上网");
    expect(issue.message).toContain("来文编号");
    expect(issue.message).toContain("秘密");
  });

  it("does not ask for the content of a classified item", () => {
    expect(codesAt(run([item({ secrecy: "绝密", content: "", section: "" })]))).toEqual([
      ["required-missing", "督办科室或单位"],
    ]);
  });

  it("counts a late report in working days across the Labour Day holiday", () => {
    const [issue] = run([
      item({ major: "是", signer: "张三", closedOn: "2021-04-28", reportedOn: "2021-05-20", result: "按期办结" }),
    ]);
    expect(issue.severity).toBe("warning");
    expect(issue.message).toContain("2021年5月8日前");
    expect(issue.message).toContain("晚了9个工作日");
  });

  it("names the signer who is not a principal leader, or says the field is blank", () => {
    expect(run([item({ major: "是", signer: "李四" })])[0].message).toContain("签发领导“李四”不是设置表中的主要领导");
    expect(run([item({ major: "是", signer: "" })])[0].message).toContain("签发领导为空");
  });

  it("names the route in a routing warning", () => {
    const [issue] = run([item({ source: "区委批转", section: "督导室" })]);
    expect(issue.severity).toBe("warning");
    expect(issue.message).toContain("区委批转");
    expect(issue.message).toContain("秘书科");
    expect(issue.message).toContain("督导室");
  });

  it("follows the routing of the settings", () => {
    const settings = { ...SETTINGS, routing: { ...SETTINGS.routing, 区委批转: "督导室" } };
    expect(run([item({ source: "区委批转", section: "督导室" })], { settings })).toEqual([]);
    expect(codesAt(run([item({ source: "区委批转", section: "秘书科" })], { settings }))).toEqual([
      ["routing-mismatch", "督办科室或单位"],
    ]);
  });

  it("writes dates in messages as 2021年3月4日", () => {
    expect(run([item({ dueOn: "2021-03-04" })])[0].message).toBe(
      "要求完成时间（2021年3月4日）早于任务下达时间（2021年3月5日）。请核对这两个日期。",
    );
  });
});

describe("duplicate numbers", () => {
  const rows = [
    item({ row: 3, number: "〔2021〕3号" }),
    item({ row: 4, number: "〔2021〕4号" }),
    item({ row: 5, number: "[2021]3号" }),
    item({ row: 9, number: "〔2021〕3号" }),
    item({ row: 10, number: "" }),
    item({ row: 11, number: "" }),
  ];

  it("puts an error on every row of a number used three times, naming the other rows", () => {
    const dup = run(rows).filter((i) => i.code === "number-duplicate");
    expect(dup.map((i) => [i.row, i.column, i.severity])).toEqual([
      [3, "督办事项编号", "error"],
      [5, "督办事项编号", "error"],
      [9, "督办事项编号", "error"],
    ]);
    expect(dup[0].message).toContain("第5、9行");
    expect(dup[1].message).toContain("第3、9行");
    expect(dup[2].message).toContain("第3、5行");
    expect(dup[1].message).toContain("[2021]3号");
  });

  it("also reports the format of the badly written duplicate, format first", () => {
    expect(codesAt(run(rows).filter((i) => i.row === 5))).toEqual([
      ["number-format", "督办事项编号"],
      ["number-duplicate", "督办事项编号"],
    ]);
  });

  it("does not count blank numbers, nor one number in two years or with two prefixes", () => {
    const distinct = [
      item({ row: 3, number: "〔2021〕3号" }),
      item({ row: 4, number: "〔2022〕3号" }),
      item({ row: 5, number: "江津教督〔2021〕3号" }),
      item({ row: 6, number: "" }),
      item({ row: 7, number: "" }),
    ];
    expect(run(distinct)).toEqual([]);
  });
});

describe("years without holiday data", () => {
  const today = "2028-12-31";
  const rows = [
    item({ row: 3, dueOn: "2026-12-31", signedOn: null }),
    item({ row: 4, issuedOn: "2026-12-20", dueOn: "2027-01-15", signedOn: null }),
    item({ row: 6, issuedOn: "2027-01-04", dueOn: "2027-02-01", signedOn: "2027-01-05" }),
    item({ row: 7, issuedOn: "2027-01-05", dueOn: "2028-02-01", signedOn: null }),
  ];

  it("warns once per year, at the first row with a date in it", () => {
    const issues = run(rows, { today });
    expect(issues.map((i) => [i.row, i.column, i.code, i.severity])).toEqual([
      [4, "要求完成时间", "calendar-year-missing", "warning"],
      [7, "要求完成时间", "calendar-year-missing", "warning"],
    ]);
    expect(issues[0].message).toBe(
      "2027年没有官方节假日数据，工作日按周一至周五计算；请在工作日历表中补充2027年的节假日和调休上班日。",
    );
    expect(issues[1].message).toContain("2028年");
  });

  it("is quiet for a year the 工作日历 sheet supplies", () => {
    const calendar = createCalendar([{ date: "2027-01-01", working: false }]);
    const issues = run(rows, { today, calendar });
    expect(issues.map((i) => i.message.slice(0, 5))).toEqual(["2028年"]);
  });

  it("takes the lowest row even when items come out of order", () => {
    const issues = run([...rows].reverse(), { today });
    expect(issues.map((i) => i.row)).toEqual([4, 7]);
  });
});

describe("leaders not configured", () => {
  const rows = [
    item({ row: 3, major: "是", signer: "张三" }),
    item({ row: 4, extendedTo: "2021-05-31", extensionApprover: "张三" }),
    item({ row: 5, result: "终止" }),
  ];

  it("warns once instead of failing every major, extended and terminated item", () => {
    const settings = { ...DEFAULT_SETTINGS };
    const issues = run(rows, { settings });
    expect(issues.map((i) => [i.row, i.column, i.code, i.severity])).toEqual([
      [3, "签发领导", "leaders-not-configured", "warning"],
    ]);
  });

  it("warns when leaders are listed but none is marked principal", () => {
    const settings = { ...DEFAULT_SETTINGS, leaders: [{ name: "张三", title: "主任", principal: false }] };
    expect(run(rows, { settings }).map((i) => i.code)).toEqual(["leaders-not-configured"]);
  });

  it("says nothing when no item needs a leader", () => {
    expect(run([BASE], { settings: DEFAULT_SETTINGS })).toEqual([]);
  });
});

describe("registries without the product's columns", () => {
  it("skips the checks of columns the sheet lacks", () => {
    const over: Partial<RegistryItem> = {
      source: "区委批转",
      major: "是",
      signer: "",
      extendedTo: "2021-04-01",
      closedOn: "2021-01-01",
      reportedOn: null,
      result: "终止",
    };
    expect(run([item(over)], { columns: OFFICIAL_ONLY })).toEqual([]);
  });

  it("skips the required check of a required column the sheet lacks", () => {
    const columns = { ...OFFICIAL_ONLY };
    delete (columns as Partial<Record<ColumnKey, number>>).section;
    expect(run([item({ section: "" })], { columns })).toEqual([]);
  });

  it("still checks the official columns", () => {
    expect(codesAt(run([item({ content: "", urgency: "紧急" })], { columns: OFFICIAL_ONLY }))).toEqual([
      ["required-missing", "督办事项内容"],
      ["urgency-invalid", "紧急程度"],
    ]);
  });
});

describe("issues found while reading", () => {
  it("do not repeat required-missing for a date that was present but unreadable", () => {
    const readIssues = [makeIssue("date-unparseable", 3, "要求完成时间", { column: "要求完成时间", text: "五月底" })];
    const issues = run([item({ dueOn: null, issuedOn: null })], { readIssues });
    expect(codesAt(issues)).toEqual([["required-missing", "任务下达时间"]]);
  });

  it("do not repeat required-missing for an error value", () => {
    const readIssues = [makeIssue("cell-error", 3, "督办科室或单位", { column: "督办科室或单位", value: "#N/A" })];
    expect(run([item({ section: "" })], { readIssues })).toEqual([]);
  });

  it("only suppress the same row", () => {
    const readIssues = [makeIssue("date-unparseable", 4, "要求完成时间", { column: "要求完成时间", text: "五月底" })];
    expect(codesAt(run([item({ dueOn: null })], { readIssues }))).toEqual([["required-missing", "要求完成时间"]]);
  });
});

describe("order of issues", () => {
  it("sorts by row, then by the column's position in the sheet", () => {
    const issues = run([
      item({ row: 8, content: "" }),
      item({ row: 3, dueOn: null, content: "", number: "[2021]1号" }),
    ]);
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [3, "督办事项编号"],
      [3, "督办事项内容"],
      [3, "要求完成时间"],
      [8, "督办事项内容"],
    ]);
  });

  it("follows the sheet's own column order when columns are shuffled", () => {
    const reversed = Object.fromEntries(OFFICIAL_COLUMNS.map((c, i) => [c.key, 14 - i]));
    const issues = run([item({ dueOn: null, content: "", number: "[2021]1号" })], { columns: reversed });
    expect(issues.map((i) => i.column)).toEqual(["要求完成时间", "督办事项内容", "督办事项编号"]);
  });

  it("puts columns the sheet lacks last", () => {
    const a = makeIssue("settings-invalid", 3, "设置", { label: "", value: "", fallback: "", expected: "" });
    const b = makeIssue("required-missing", 3, "备注", { column: "备注" });
    expect(sortIssues([a, b], FULL).map((i) => i.column)).toEqual(["备注", "设置"]);
  });
});

describe("scale", () => {
  it("reports 15,000 duplicate pairs on all 30,000 rows", () => {
    const items = Array.from({ length: 30000 }, (_, i) =>
      item({ row: i + 3, number: `〔2021〕${(i % 15000) + 1}号`, major: "是", signer: "张三" }),
    );
    const issues = run(items);
    expect(issues).toHaveLength(30000);
    expect(issues.every((i) => i.code === "number-duplicate")).toBe(true);
  });
});

describe("the words clerks type (vocabulary)", () => {
  it.each<[string, Partial<RegistryItem>, string, string, string | undefined]>([
    ["紧急程度 急件 is 加急, with the fix", { urgency: "急件" }, "urgency-synonym", "紧急程度", "加急"],
    ["紧急程度 平件 is 一般, with the fix", { urgency: "平件" }, "urgency-synonym", "紧急程度", "一般"],
    ["紧急程度 特急件 is 特急, with the fix", { urgency: "特急件" }, "urgency-synonym", "紧急程度", "特急"],
    ["密级 无 is 公开, with the fix", { secrecy: "无" }, "secrecy-synonym", "密级", "公开"],
    ["密级 “/” is 公开, with the fix", { secrecy: "/" }, "secrecy-synonym", "密级", "公开"],
    ["密级 不涉密 is 公开, with the fix", { secrecy: "不涉密" }, "secrecy-synonym", "密级", "公开"],
    ["督办结果 已报送 is unclear", { result: "已报送" }, "result-unclear", "督办结果", undefined],
  ])("%s", (_rule, over, code, column, fix) => {
    const issues = run([item(over)]);
    expect(issues.map((i) => [i.code, i.column, i.severity, i.fix])).toEqual([[code, column, "warning", fix]]);
  });

  it.each<[string, Partial<RegistryItem>]>([
    ["已完成 closes without a warning", { result: "已完成", closedOn: null }],
    ["部分办结 is open without a warning", { result: "部分办结" }],
    ["已终止 terminates (approver checked, no wording warning)", { result: "已终止", extensionApprover: "张三" }],
    [
      "a GB/T 9704 mark is a valid 密级 (content replaced by the placeholder)",
      {
        secrecy: "秘密★1年",
        content: CLASSIFIED_PLACEHOLDER,
      },
    ],
  ])("%s", (_rule, over) => {
    expect(run([item(over)])).toEqual([]);
  });

  it("an unclear result with a 办结日期 is not reported (the date closes the item)", () => {
    expect(run([item({ result: "已报送", closedOn: "2021-05-10" })]).map((i) => i.code)).toEqual([]);
  });

  it.each(["秘密★1年", "机密★长期", "绝密"])("密级 %s raises 涉密不上网 when the content is recorded", (secrecy) => {
    const issues = run([item({ secrecy })]);
    expect(issues.map((i) => i.code)).toEqual(["classified-content"]);
    expect(issues[0].message).toContain(`密级为${secrecy.slice(0, 2)}`);
  });

  it("a long-term item has no deadline to require: one warning, no required-missing", () => {
    const issues = run([item({ dueOn: null, longTerm: "长期坚持" })]);
    expect(issues.map((i) => [i.code, i.column, i.severity])).toEqual([
      ["deadline-long-term", "要求完成时间", "warning"],
    ]);
    expect(issues[0].message).toContain("长期坚持");
  });
});
