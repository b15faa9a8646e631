import {
  CALENDAR_COLUMNS,
  CALENDAR_KINDS,
  CALENDAR_ORIGINS,
  CALENDAR_SHEET_NAME,
  calendarKindWorking,
} from "../../src/domain/calendar-sheet";
import { DEFAULT_ROUTING } from "../../src/domain/columns";
import {
  DEFAULT_SETTINGS,
  LEADER_COLUMNS,
  ROUTING_COLUMNS,
  SETTINGS_HEADER,
  SETTINGS_LABELS,
  SETTINGS_SECTIONS,
  SETTINGS_SHEET_NAME,
  readSettings,
} from "../../src/domain/settings";
import { readCalendarOverrides } from "../../src/domain/calendar-read";
import { date, grid, type Cellish } from "./grid-helpers";

/** The 设置 sheet as the writer lays it out, from the exported constants. */
function settingsSheet(): Cellish[][] {
  return [
    [SETTINGS_HEADER.label, SETTINGS_HEADER.value],
    [SETTINGS_LABELS.orgName, "重庆市江津区教育委员会"],
    [SETTINGS_LABELS.numberPrefix, "江津教督"],
    [SETTINGS_LABELS.warningDays, 5],
    [SETTINGS_LABELS.remindReplyDays, 2],
    [SETTINGS_LABELS.contactPhone, "023-47521234"],
    [SETTINGS_LABELS.contactEmail, "duban@example.cn"],
    [],
    [SETTINGS_SECTIONS.sections],
    ["办公室"],
    ["秘书科"],
    ["督导室"],
    [],
    [SETTINGS_SECTIONS.leaders, LEADER_COLUMNS.title, LEADER_COLUMNS.principal],
    ["张三", "主任", "是"],
    ["李四", "副主任", "否"],
    [],
    [SETTINGS_SECTIONS.routing, ROUTING_COLUMNS.section],
    ["区委批转", "办公室"],
    ["其他", ""],
  ];
}

describe("reading the 设置 sheet", () => {
  it("gives the defaults when there is no 设置 sheet", () => {
    expect(readSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, issues: [] });
  });

  it("defaults: warning 3 working days, reply 3, the policy's routing, empty lists", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ warningDays: 3, remindReplyDays: 3, orgName: "", numberPrefix: "" });
    expect(DEFAULT_SETTINGS.routing).toBe(DEFAULT_ROUTING);
    expect(DEFAULT_SETTINGS.leaders).toEqual([]);
    expect(DEFAULT_SETTINGS.sections).toEqual([]);
  });

  it("reads the layout the writer uses", () => {
    const { settings, issues } = readSettings(grid(SETTINGS_SHEET_NAME, settingsSheet()));
    expect(issues).toEqual([]);
    expect(settings).toEqual({
      orgName: "重庆市江津区教育委员会",
      numberPrefix: "江津教督",
      warningDays: 5,
      remindReplyDays: 2,
      contactPhone: "023-47521234",
      contactEmail: "duban@example.cn",
      sections: ["办公室", "秘书科", "督导室"],
      leaders: [
        { name: "张三", title: "主任", principal: true },
        { name: "李四", title: "副主任", principal: false },
      ],
      routing: { ...DEFAULT_ROUTING, 区委批转: "办公室", 其他: null },
    });
  });

  it("an empty sheet gives the defaults", () => {
    expect(readSettings(grid("设置", []))).toEqual({ settings: DEFAULT_SETTINGS, issues: [] });
  });

  it("finds values by label in any order, with spaced labels, below the lists", () => {
    const { settings } = readSettings(
      grid("设置", [
        [SETTINGS_SECTIONS.sections],
        ["办公室"],
        ["临期预警 工作日", 2],
        ["单位名称", "某教委"],
        ["组织科"],
      ]),
    );
    expect(settings.warningDays).toBe(2);
    expect(settings.orgName).toBe("某教委");
    // after a value label the list has ended: 组织科 is a stray note, not a section
    expect(settings.sections).toEqual(["办公室"]);
  });

  it("skips blank rows inside a list and removes duplicate sections", () => {
    const { settings } = readSettings(grid("设置", [["科室/单位"], ["办公室"], [], [], ["办 公 室"], ["组织科"]]));
    expect(settings.sections).toEqual(["办公室", "组织科"]);
  });

  it("accepts a separate 姓名 | 职务 | 主要领导 header row", () => {
    const { settings, issues } = readSettings(
      grid("设置", [["领导"], ["姓名", "职务", "主要领导"], ["张三", "主任", "是"]]),
    );
    expect(issues).toEqual([]);
    expect(settings.leaders).toEqual([{ name: "张三", title: "主任", principal: true }]);
  });

  it.each([
    ["是", true],
    ["√", true],
    ["Y", true],
    [true, true],
    [1, true],
    ["否", false],
    ["", false],
    [null, false],
    [0, false],
    [false, false],
  ] as [Cellish, boolean][])("主要领导 %j means principal = %s", (value, principal) => {
    const { settings, issues } = readSettings(
      grid("设置", [
        ["领导", "职务", "主要领导"],
        ["张三", "主任", value],
      ]),
    );
    expect(issues).toEqual([]);
    expect(settings.leaders[0].principal).toBe(principal);
  });

  it("主要领导 that is neither 是 nor 否 counts as 否 with a warning", () => {
    const { settings, issues } = readSettings(
      grid("设置", [
        ["领导", "职务", "主要领导"],
        ["张三", "主任", "一把手"],
      ]),
    );
    expect(settings.leaders[0].principal).toBe(false);
    expect(issues).toEqual([
      expect.objectContaining({ row: 2, column: "设置", code: "settings-invalid", severity: "warning" }),
    ]);
    expect(issues[0].message).toContain("一把手");
  });

  it("a leader row without a name is skipped with a warning", () => {
    const { settings, issues } = readSettings(grid("设置", [["领导"], ["", "主任", "是"], ["李四", "", ""]]));
    expect(settings.leaders).toEqual([{ name: "李四", title: "", principal: false }]);
    expect(issues.map((i) => [i.row, i.code])).toEqual([[2, "settings-invalid"]]);
  });

  it("a routing row without a source is skipped with a warning; new sources are added", () => {
    const { settings, issues } = readSettings(
      grid("设置", [
        ["事项来源", "督办科室"],
        ["", "办公室"],
        ["市教委交办", "督导室"],
      ]),
    );
    expect(settings.routing["市教委交办"]).toBe("督导室");
    expect(settings.routing["区委批转"]).toBe("秘书科");
    expect(issues.map((i) => [i.row, i.code])).toEqual([[2, "settings-invalid"]]);
  });

  it.each([
    [5, 5],
    ["5", 5],
    ["5个工作日", 5],
    ["５", 5],
    [0, 0],
    [30, 30],
  ] as [Cellish, number][])("临期预警工作日 %j reads as %d", (value, days) => {
    const { settings, issues } = readSettings(grid("设置", [["临期预警工作日", value]]));
    expect(issues).toEqual([]);
    expect(settings.warningDays).toBe(days);
  });

  it.each([["三"], [-1], [2.5], [31], ["很多"], [true]] as [Cellish][])(
    "临期预警工作日 %j falls back to 3 with a warning on its row",
    (value) => {
      const { settings, issues } = readSettings(
        grid("设置", [
          ["项目", "值"],
          ["单位名称", "某"],
          ["临期预警工作日", value],
        ]),
      );
      expect(settings.warningDays).toBe(3);
      expect(issues).toEqual([
        expect.objectContaining({ row: 3, column: "设置", code: "settings-invalid", severity: "warning" }),
      ]);
      expect(issues[0].message).toContain("临期预警工作日");
      expect(issues[0].message).toContain("已按默认值3处理");
    },
  );

  it("催办回复工作日 must be at least 1", () => {
    const { settings, issues } = readSettings(grid("设置", [["催办回复工作日", 0]]));
    expect(settings.remindReplyDays).toBe(3);
    expect(issues.map((i) => i.code)).toEqual(["settings-invalid"]);
  });

  it("a blank day count is the default without a warning", () => {
    const { settings, issues } = readSettings(grid("设置", [["临期预警工作日", ""], ["催办回复工作日"]]));
    expect(settings.warningDays).toBe(3);
    expect(settings.remindReplyDays).toBe(3);
    expect(issues).toEqual([]);
  });

  it("removes spaces from the number prefix", () => {
    expect(readSettings(grid("设置", [["编号前缀", " 江津 教督 "]])).settings.numberPrefix).toBe("江津教督");
  });

  it("ignores notes above the lists", () => {
    const { settings, issues } = readSettings(grid("设置", [["说明：以下由办公室维护"], ["单位名称", "某"]]));
    expect(settings.orgName).toBe("某");
    expect(issues).toEqual([]);
  });
});

describe("reading the 工作日历 sheet", () => {
  const H = CALENDAR_COLUMNS;

  it("shares its header and value constants with the writer", () => {
    expect(CALENDAR_SHEET_NAME).toBe("工作日历");
    expect(Object.values(H)).toEqual(["日期", "是否工作日", "类型", "来源", "说明"]);
    expect(CALENDAR_ORIGINS).toEqual({ official: "官方", user: "用户" });
    expect(CALENDAR_KINDS.holiday).toBe("节假日");
    expect(CALENDAR_KINDS.makeUp).toBe("调休上班");
  });

  it.each([
    ["调休上班", true],
    ["工作日", true],
    ["节假日", false],
    ["休息日", false],
    ["节 假 日", false],
    ["春节", undefined],
    ["", undefined],
  ])("类型 %j means working = %s", (kind, working) => {
    expect(calendarKindWorking(kind)).toBe(working);
  });

  it("gives no overrides without a sheet", () => {
    expect(readCalendarOverrides(undefined)).toEqual({ overrides: [], issues: [] });
  });

  it("takes only the user's rows of a full listing", () => {
    const g = grid("工作日历", [
      [H.date, H.working, H.kind, H.origin, H.note],
      [date("2021-10-01"), 0, "节假日", "官方", "国庆节"],
      [date("2021-10-09"), 1, "调休上班", "官方", "国庆节调休"],
      [date("2021-10-11"), 1, "工作日", "官方", ""],
      [date("2021-10-12"), 0, "节假日", "用户", "校庆放假"],
      ["2027-01-01", 0, "节假日", "用户", "元旦"],
      ["2027/2/20", 1, "调休上班", "用户", ""],
    ]);
    expect(readCalendarOverrides(g)).toEqual({
      overrides: [
        { date: "2021-10-12", working: false, note: "校庆放假" },
        { date: "2027-01-01", working: false, note: "元旦" },
        { date: "2027-02-20", working: true },
      ],
      issues: [],
    });
  });

  it("a row a person added with 来源 left blank counts as the user's", () => {
    const g = grid("工作日历", [
      [H.date, H.working, H.kind, H.origin],
      [date("2027-01-01"), "", "节假日", ""],
    ]);
    expect(readCalendarOverrides(g).overrides).toEqual([{ date: "2027-01-01", working: false }]);
  });

  it("without a 来源 column, rows with 类型 节假日 / 调休上班 / 工作日 / 休息日 are overrides", () => {
    const g = grid("工作日历", [
      ["2027年节假日安排"],
      [H.date, H.kind, H.note],
      [date("2027-01-01"), "节假日", "元旦"],
      [date("2027-01-04"), "", "普通一天"],
      [date("2027-02-06"), "调休上班", ""],
      [date("2027-02-08"), "工作日", ""],
      [date("2027-02-09"), "休息日", ""],
      [date("2027-02-10"), "春节", ""],
    ]);
    expect(readCalendarOverrides(g)).toEqual({
      overrides: [
        { date: "2027-01-01", working: false, note: "元旦" },
        { date: "2027-02-06", working: true },
        { date: "2027-02-08", working: true },
        { date: "2027-02-09", working: false },
      ],
      issues: [],
    });
  });

  it("when 类型 and 是否工作日 disagree, 是否工作日 decides, with a warning", () => {
    const g = grid("工作日历", [
      [H.date, H.working, H.kind, H.origin],
      [date("2021-10-11"), 0, "工作日", "用户"],
    ]);
    const { overrides, issues } = readCalendarOverrides(g);
    expect(overrides).toEqual([{ date: "2021-10-11", working: false }]);
    expect(issues).toEqual([expect.objectContaining({ row: 2, column: "工作日历", code: "calendar-conflict" })]);
  });

  it("a date given twice: the later row wins, with a warning when they disagree", () => {
    const g = grid("工作日历", [
      [H.date, H.working, H.origin],
      [date("2027-01-01"), 1, "用户"],
      [date("2027-01-02"), 0, "用户"],
      [date("2027-01-01"), 0, "用户"],
      [date("2027-01-02"), 0, "用户"],
    ]);
    const { overrides, issues } = readCalendarOverrides(g);
    expect(overrides).toEqual([
      { date: "2027-01-01", working: false },
      { date: "2027-01-02", working: false },
    ]);
    expect(issues.map((i) => [i.row, i.code])).toEqual([[4, "calendar-conflict"]]);
  });

  it.each([
    ["an unreadable date", ["2027-02-30", 0, "用户"], "date-impossible"],
    ["text for a date", ["元旦", 0, "用户"], "date-unparseable"],
    ["an unreadable 是否工作日", [date("2027-01-01"), "半天", "用户"], "calendar-invalid"],
    ["no 是否工作日 and no 类型", [date("2027-01-01"), "", "用户"], "calendar-invalid"],
  ] as [string, Cellish[], string][])("skips a user row with %s, with a warning", (_label, row, code) => {
    const g = grid("工作日历", [[H.date, H.working, H.origin], row]);
    const { overrides, issues } = readCalendarOverrides(g);
    expect(overrides).toEqual([]);
    expect(issues).toEqual([
      expect.objectContaining({ row: 2, column: "工作日历", code, severity: expect.any(String) }),
    ]);
  });

  it.each([
    [1, true],
    [0, false],
    ["是", true],
    ["否", false],
    [true, true],
  ] as [Cellish, boolean][])("是否工作日 %j means working = %s", (value, working) => {
    const g = grid("工作日历", [
      [H.date, H.working, H.origin],
      [date("2027-01-01"), value, "用户"],
    ]);
    expect(readCalendarOverrides(g).overrides).toEqual([{ date: "2027-01-01", working }]);
  });

  it("a sheet without a 日期 header gives one warning; an empty one none", () => {
    expect(readCalendarOverrides(grid("工作日历", [["日子", "放假"]])).issues.map((i) => i.code)).toEqual([
      "calendar-invalid",
    ]);
    expect(readCalendarOverrides(grid("工作日历", []))).toEqual({ overrides: [], issues: [] });
  });

  it("skips blank rows", () => {
    const g = grid("工作日历", [
      [H.date, H.working, H.origin],
      [],
      [null, null, "用户"],
      [date("2027-01-01"), 0, "用户"],
    ]);
    expect(readCalendarOverrides(g)).toEqual({ overrides: [{ date: "2027-01-01", working: false }], issues: [] });
  });
});
