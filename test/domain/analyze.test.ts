import { analyzeRegistry } from "../../src/domain/analyze";
import { CALENDAR_COLUMNS as H } from "../../src/domain/calendar-sheet";
import { GOOD_ROW, date, err, grid, registrySheet, type Cellish, type RowSpec } from "./grid-helpers";

const TODAY = "2021-06-01";

const SETTINGS_ROWS: Cellish[][] = [
  ["项目", "值"],
  ["单位名称", "重庆市江津区教育委员会"],
  ["临期预警工作日", "很快"],
  [],
  ["领导", "职务", "主要领导"],
  ["张三", "主任", "是"],
  ["李四", "副主任", "否"],
];

const CALENDAR_ROWS: Cellish[][] = [
  [H.date, H.working, H.kind, H.origin, H.note],
  [date("2021-10-01"), 0, "节假日", "官方", "国庆节"],
  [date("2027-01-01"), 0, "节假日", "用户", "元旦"],
  ["2027年2月", 0, "节假日", "用户", "春节"],
];

const ROWS: RowSpec[] = [
  GOOD_ROW, // 3
  { ...GOOD_ROW, 序号: 2, 督办事项编号: "〔2021〕2号", 要求完成时间: "五月底" }, // 4
  {}, // 5
  { 序号: 4 }, // 6
  { ...GOOD_ROW, 序号: 5, 督办事项编号: "[2021]3号" }, // 7
  { ...GOOD_ROW, 序号: 6, 督办事项编号: "〔2021〕3号" }, // 8
  { ...GOOD_ROW, 序号: 7, 督办事项编号: "〔2021〕7号", 密级: "秘密" }, // 9
  { ...GOOD_ROW, 序号: 8, 督办事项编号: "〔2021〕8号", 重大事项: "是", 签发领导: "李四" }, // 10
  { ...GOOD_ROW, 序号: 9, 督办事项编号: "〔2021〕9号", 要求完成时间: date("2027-03-01"), 督办科室或单位: err("#N/A") }, // 11
];

function workbook(options: { calendar?: boolean } = {}) {
  return [
    grid("说明", [["填表说明：本表由办公室维护"]]),
    registrySheet(ROWS),
    grid(" 设置 ", SETTINGS_ROWS),
    ...(options.calendar === false ? [] : [grid("工作日历", CALENDAR_ROWS)]),
  ];
}

describe("analysing a workbook", () => {
  it("is null when no sheet is a registry", () => {
    expect(analyzeRegistry([grid("Sheet1", [["姓名", "电话"]]), grid("设置", SETTINGS_ROWS)], TODAY)).toBeNull();
    expect(analyzeRegistry([], TODAY)).toBeNull();
  });

  it("finds, reads and checks the registry, then lists the problems of 设置 and 工作日历", () => {
    const analysis = analyzeRegistry(workbook(), TODAY);
    expect(analysis?.layout).toMatchObject({ sheetName: "督办事项登记表", headerRow: 2 });
    expect(analysis?.items.map((i) => i.row)).toEqual([3, 4, 7, 8, 9, 10, 11]);
    expect(analysis?.issues.map((i) => [i.row, i.column, i.code, i.severity])).toEqual([
      [4, "要求完成时间", "date-unparseable", "error"],
      [7, "督办事项编号", "number-format", "error"],
      [7, "督办事项编号", "number-duplicate", "error"],
      [8, "督办事项编号", "number-duplicate", "error"],
      [9, "督办事项内容", "classified-content", "error"],
      [10, "签发领导", "major-signer-not-principal", "error"],
      [11, "督办科室或单位", "cell-error", "error"],
      [3, "设置", "settings-invalid", "warning"],
      [4, "工作日历", "date-unparseable", "error"],
    ]);
  });

  it("uses the settings of the 设置 sheet, defaults where they are broken", () => {
    const analysis = analyzeRegistry(workbook(), TODAY);
    expect(analysis?.settings.orgName).toBe("重庆市江津区教育委员会");
    expect(analysis?.settings.warningDays).toBe(3);
    expect(analysis?.settings.leaders.map((l) => l.name)).toEqual(["张三", "李四"]);
  });

  it("builds the calendar from the official data and the user's rows of 工作日历", () => {
    const calendar = analyzeRegistry(workbook(), TODAY)?.calendar;
    expect(calendar?.isWorkingDay("2027-01-01")).toBe(false);
    expect(calendar?.hasData(2027)).toBe(true);
    expect(calendar?.isWorkingDay("2021-10-01")).toBe(false);
    expect(calendar?.isWorkingDay("2021-10-09")).toBe(true); // official make-up day, not listed
  });

  it("warns about 2027 when the 工作日历 sheet does not supply it", () => {
    const issues = analyzeRegistry(workbook({ calendar: false }), TODAY)?.issues ?? [];
    const year = issues.filter((i) => i.code === "calendar-year-missing");
    expect(year.map((i) => [i.row, i.column, i.severity])).toEqual([[11, "要求完成时间", "warning"]]);
    expect(year[0].message).toContain("2027年没有官方节假日数据");
  });

  it("works with no 设置 and no 工作日历 sheet (defaults, official calendar)", () => {
    const analysis = analyzeRegistry([registrySheet([GOOD_ROW])], TODAY);
    expect(analysis?.issues).toEqual([]);
    expect(analysis?.settings.warningDays).toBe(3);
    expect(analysis?.calendar.hasData(2021)).toBe(true);
  });

  it("reads a registry that is not the first sheet and has no title row", () => {
    const analysis = analyzeRegistry(
      [
        grid("封面", [["督办台账"]]),
        registrySheet([GOOD_ROW, { ...GOOD_ROW, 督办事项内容: "" }], { title: false, name: "台账" }),
      ],
      TODAY,
    );
    expect(analysis?.layout.sheetName).toBe("台账");
    expect(analysis?.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, "督办事项编号", "number-duplicate"],
      [3, "督办事项编号", "number-duplicate"],
      [3, "督办事项内容", "required-missing"],
    ]);
  });
});
