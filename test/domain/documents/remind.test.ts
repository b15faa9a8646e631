import { createCalendar } from "../../../src/domain/calendar";
import { buildRemind, overdueText, REMIND_FIELDS, replyByDate } from "../../../src/domain/documents/remind";
import { fieldText, item, ITEM, SETTINGS } from "./fixtures";
import { expectSoundLayout } from "./layout-checks";

const cal = createCalendar();

describe("督办事项催办提示单", () => {
  const layout = buildRemind(ITEM, SETTINGS, cal, "2021-05-10", { previousUrges: 1, handler: "王芳" });

  it("places every field exactly once", () => {
    for (const field of REMIND_FIELDS) expect(layout.cells.filter((c) => c.field === field)).toHaveLength(1);
  });

  it.each([
    ["title", "督办事项催办提示单"],
    ["number", "〔2021〕3号"],
    ["urgeCount", "第2次"],
    ["content", ITEM.content],
    ["host", "江津中学（负责人：李明）"],
    ["section", "督导室"],
    ["deadline", "2021年4月30日"],
    ["overdue", "已逾期4个工作日"],
    ["remindDate", "2021年5月10日"],
    ["replyBy", "2021年5月13日前"],
    ["phone", "催办经办人：王芳\u3000联系电话：023-47521234"],
    ["email", "电子邮箱：duban@jjedu.example.cn"],
    ["receiptSigner", ""],
    ["receiptDate", "    年  月  日"],
  ])("%s reads %j", (field, text) => {
    expect(fieldText(layout, field)).toBe(text);
  });

  it("states how far overdue, which urging this is and the reply-by date in the text", () => {
    expect(fieldText(layout, "situation")).toContain("你单位承办的〔2021〕3号督办事项，要求于2021年4月30日前办结");
    expect(fieldText(layout, "situation")).toContain("截至2021年5月10日已逾期4个工作日");
    expect(fieldText(layout, "situation")).toContain("现进行第2次催办");
    expect(fieldText(layout, "demand")).toContain(
      "请于2021年5月13日前将办理进展、未按期办结的原因及下一步措施书面报告督导室",
    );
    expect(fieldText(layout, "consequence")).toContain("对单位予以通报批评");
  });

  it("is named after its number and is a sound A4 layout", () => {
    expect(layout.name).toBe("催办提示单〔2021〕3号");
    expectSoundLayout(layout);
  });

  it("counts the first urging when the log has none", () => {
    expect(fieldText(buildRemind(ITEM, SETTINGS, cal, "2021-05-10"), "urgeCount")).toBe("第1次");
  });

  it("marks an extended deadline and measures from it", () => {
    const l = buildRemind(item({ extendedTo: "2021-05-14" }), SETTINGS, cal, "2021-05-18");
    expect(fieldText(l, "deadline")).toBe("2021年5月14日（已延期）");
    expect(fieldText(l, "overdue")).toBe("已逾期2个工作日");
  });

  it("words an urging before the deadline as slow progress, not as overdue", () => {
    const l = buildRemind(ITEM, SETTINGS, cal, "2021-04-27");
    expect(fieldText(l, "overdue")).toBe("尚余3个工作日");
    expect(fieldText(l, "situation")).toContain("截至2021年4月27日（尚余3个工作日）");
    expect(fieldText(l, "demand")).toContain("存在的困难");
  });

  it("uses the reply days of the settings", () => {
    const l = buildRemind(ITEM, { ...SETTINGS, remindReplyDays: 5 }, cal, "2021-04-30");
    expect(fieldText(l, "replyBy")).toBe("2021年5月11日前"); // 6, 7, Saturday 8, 10, 11 May
  });
});

describe("overdue in working days", () => {
  it.each([
    ["4 working days after May Day (6, 7, Saturday 8, 10 May)", "2021-05-10", "2021-04-30", "已逾期4个工作日"],
    ["1 working day: the first day back after National Day", "2021-10-08", "2021-09-30", "已逾期1个工作日"],
    ["less than a working day: only holidays have passed", "2021-05-03", "2021-04-30", "已逾期（不足1个工作日）"],
    ["due today", "2021-04-30", "2021-04-30", "今日到期"],
    ["not yet due", "2021-04-28", "2021-04-30", "尚余2个工作日"],
    ["no deadline", "2021-04-28", null, "未定要求完成时间"],
  ])("%s", (_rule, today, deadline, text) => {
    expect(overdueText(cal, today, deadline)).toBe(text);
  });
});

describe("reply-by date: working days after the urging", () => {
  it.each([
    ["3 days across National Day lands on make-up Saturday 9 October", "2021-09-29", 3, "2021-10-09"],
    ["3 days from a holiday count from the first working day", "2021-05-03", 3, "2021-05-08"],
    ["3 days across New Year", "2021-12-30", 3, "2022-01-05"],
    ["a plain week", "2021-06-07", 3, "2021-06-10"],
    ["a nonsensical setting falls back to 3", "2021-06-07", 0, "2021-06-10"],
    ["a fractional setting falls back to 3", "2021-06-07", 2.5, "2021-06-10"],
  ])("%s", (_rule, today, days, date) => {
    expect(replyByDate(cal, today, days)).toBe(date);
  });
});
