/** Calendar overrides from the pane: changed in place, appended when the date is missing, taken back to official. */
import { calendarKind, clearCalendarOverride, setCalendarOverride } from "../../src/app/calendar-edit";
import { createCalendar } from "../../src/domain/calendar";
import { readCalendarOverrides } from "../../src/domain/calendar-read";
import { date, grid } from "../domain/grid-helpers";
import { LoggedMemoryPort, MemoryPort } from "./memory-port";

const CALENDAR = [
  ["日期", "是否工作日", "类型", "来源", "说明", "星期"],
  [date("2026-10-01"), 0, "节假日", "官方", "国庆节", "四"],
  [date("2026-12-31"), 1, "工作日", "官方", "", "四"],
  [date("2027-01-01"), 0, "节假日", "官方", "元旦", "五"],
];
const port = () => new LoggedMemoryPort([grid("工作日历", CALENDAR)]);
const overrides = (p: MemoryPort) =>
  readCalendarOverrides({ name: "工作日历", rows: p.sheets.get("工作日历")! }).overrides;

describe("calendar overrides", () => {
  it.each([
    ["2027-02-20", true, "调休上班"], // Saturday
    ["2027-02-22", false, "节假日"], // Monday
    ["2027-02-22", true, "工作日"],
    ["2027-02-21", false, "休息日"], // Sunday
  ])("%s made working=%s is a %s", (day, working, kind) => {
    expect(calendarKind(day, working)).toBe(kind);
  });

  it("changes a listed date in place (是否工作日, 类型, 来源 用户, 说明), which the engine then reads", async () => {
    const p = port();
    const result = await setCalendarOverride(p, { date: "2026-12-31", working: false, note: "年终盘点" });
    expect(p.operations).toEqual([{ operation: "修改工作日历" }]);
    expect(p.written[0].map((w) => [w.row, w.col])).toEqual([
      [3, 2],
      [3, 3],
      [3, 4],
      [3, 5],
    ]);
    expect(result).toMatchObject({ needsRefresh: false, written: 4 });
    expect(overrides(p)).toEqual([{ date: "2026-12-31", working: false, note: "年终盘点" }]);
    expect(createCalendar(overrides(p)).isWorkingDay("2026-12-31")).toBe(false);
  });

  it("adds a date the sheet does not list below its last row, and says 刷新 brings the colours along", async () => {
    const p = port();
    const result = await setCalendarOverride(p, { date: "2027-02-20", working: true });
    expect(p.written[0].map((w) => [w.row, w.col, w.value])).toEqual([
      [5, 1, date("2027-02-20")],
      [5, 2, { t: "number", v: 1 }],
      [5, 3, { t: "string", v: "调休上班" }],
      [5, 4, { t: "string", v: "用户" }],
    ]);
    expect(result.needsRefresh).toBe(true);
    expect(result.message).toContain("刷新红黄绿灯");
    expect(overrides(p)).toEqual([{ date: "2027-02-20", working: true }]);
  });

  it("takes an override back to the official calendar", async () => {
    const p = port();
    await setCalendarOverride(p, { date: "2026-10-01", working: true });
    expect(overrides(p)).toEqual([{ date: "2026-10-01", working: true, note: "国庆节" }]);
    const result = await clearCalendarOverride(p, "2026-10-01");
    expect(overrides(p)).toEqual([]);
    expect(p.at("工作日历", 2, 3)).toEqual({ t: "string", v: "节假日" });
    expect(result.message).toBe("2026年10月1日 恢复为官方日历（休息日）");
  });

  it("refuses a workbook without 工作日历 and an impossible date, writing nothing", async () => {
    const none = new MemoryPort([grid("设置", [["单位名称", "x"]])]);
    await expect(setCalendarOverride(none, { date: "2027-01-04", working: false })).rejects.toMatchObject({
      code: "no-calendar-sheet",
    });
    await expect(setCalendarOverride(port(), { date: "2027-02-29", working: false })).rejects.toMatchObject({
      code: "bad-date",
    });
  });
});
