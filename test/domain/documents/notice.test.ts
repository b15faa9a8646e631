import { createCalendar } from "../../../src/domain/calendar";
import {
  buildNotice,
  NOTICE_FIELDS,
  objectionText,
  requestText,
  timeLimitText,
} from "../../../src/domain/documents/notice";
import { FILL_HEIGHT_PT } from "../../../src/domain/layout/form-builder";
import { fieldText, item, ITEM, SETTINGS } from "./fixtures";
import { expectSoundLayout } from "./layout-checks";

const cal = createCalendar();

describe("督办事项通知单", () => {
  const layout = buildNotice(ITEM, SETTINGS, cal, "2021-04-16");

  it("places every field exactly once", () => {
    for (const field of NOTICE_FIELDS) {
      expect(layout.cells.filter((c) => c.field === field)).toHaveLength(1);
    }
  });

  it.each([
    ["title", "督办事项通知单"],
    ["number", "〔2021〕3号"],
    ["content", ITEM.content],
    ["section", "督导室"],
    ["assisting", "安全科、基础教育科"],
    ["sectionLeaderSignature", ""],
    ["assistingLeaderSignature", ""],
    ["host", "江津中学（负责人：李明）"],
    ["noticeDate", "2021年4月16日"],
    ["returnDate", "2021年4月30日"],
    ["timeLimit", "11个工作日（至2021年4月30日）"],
    ["requestHeading", "督办事项与要求："],
    ["phone", "督办责任经办人联系电话：023-47521234"],
    ["email", "电子邮箱：duban@jjedu.example.cn"],
    ["principalNote", "备注：如需要主要领导签字，直接签在通知单右上角。"],
  ])("%s reads %j", (field, text) => {
    expect(fieldText(layout, field)).toBe(text);
  });

  it("writes the deadline into the request as 2021年4月30日", () => {
    expect(fieldText(layout, "request")).toContain("请你单位于2021年4月30日前按照规定程序办理");
    expect(fieldText(layout, "request")).toContain("办结情况报告经科室分管领导签字并加盖单位公章后交回办公室");
  });

  it("dates the objection clause one working day after the notice (Friday → Monday)", () => {
    expect(fieldText(layout, "objection")).toContain("收到通知单后1个工作日内（即2021年4月19日前）提出转办意见函");
  });

  it("carries the labels of attachment 1", () => {
    const labels = layout.cells.filter((c) => c.field === undefined).map((c) => c.value);
    expect(labels).toEqual(
      expect.arrayContaining([
        "督办事项编号",
        "督办事项",
        "督办科室或单位",
        "督办协助科室或单位",
        "督办科室或单位分管领导签字",
        "督办协助科室分管领导签字",
        "承办单位或相关科室",
        "通知时间",
        "预计交回时间",
        "办理时限",
      ]),
    );
    expect(fieldText(layout, "seal")).toContain("（签章）");
  });

  it("is named after its number and is a sound A4 layout", () => {
    expect(layout.name).toBe("通知单〔2021〕3号");
    expectSoundLayout(layout);
  });

  it("fills its page like the paper form", () => {
    expect(layout.rowHeights.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(FILL_HEIGHT_PT - 4);
  });

  it("takes a sheet name given by the caller", () => {
    expect(buildNotice(ITEM, SETTINGS, cal, "2021-04-16", { sheetName: "通知单〔2021〕3号(2)" }).name).toBe(
      "通知单〔2021〕3号(2)",
    );
  });

  it("prints a misspelt number in its correct form", () => {
    const l = buildNotice(item({ number: "[2021]03号" }), SETTINGS, cal, "2021-04-16");
    expect(fieldText(l, "number")).toBe("〔2021〕3号");
    expect(l.name).toBe("通知单〔2021〕3号");
  });

  it("uses 延期至 as the expected return date when the deadline was extended", () => {
    const l = buildNotice(item({ extendedTo: "2021-05-14" }), SETTINGS, cal, "2021-04-30");
    expect(fieldText(l, "returnDate")).toBe("2021年5月14日");
    expect(fieldText(l, "request")).toContain("于2021年5月14日前");
  });

  it("leaves the dates blank for hand-writing when there is no deadline", () => {
    const l = buildNotice(item({ dueOn: null }), SETTINGS, cal, "2021-04-16");
    expect(fieldText(l, "returnDate")).toBe("    年  月  日");
    expect(fieldText(l, "timeLimit")).toBe("");
    expect(fieldText(l, "request")).toContain("于    年  月  日前");
  });

  it("names the handler before the phone when given", () => {
    const l = buildNotice(ITEM, SETTINGS, cal, "2021-04-16", { handler: " 王芳 " });
    expect(fieldText(l, "phone")).toBe("督办责任经办人：王芳\u3000联系电话：023-47521234");
  });

  it("keeps a short 督办事项 beside the number, as on the form", () => {
    const number = layout.cells.find((c) => c.field === "number");
    const content = layout.cells.find((c) => c.field === "content");
    expect([number?.row, number?.col, content?.row, content?.col]).toEqual([4, 2, 4, 4]);
  });

  it("moves a 督办事项 too long for its narrow cell to a row of its own across the form", () => {
    const l = buildNotice(item({ content: "落实".repeat(60) }), SETTINGS, cal, "2021-04-16");
    const content = l.cells.find((c) => c.field === "content");
    const number = l.cells.find((c) => c.field === "number");
    expect(content?.row).toBe((number?.row ?? 0) + 1);
    expect(content?.col).toBe(2);
    expect(l.merges).toContainEqual({ top: content?.row, left: 2, bottom: content?.row, right: 4 });
    // 120 characters at 14 pt in three columns (about 24 a line) need five lines.
    expect(l.rowHeights[(content?.row ?? 0) - 1]).toBeGreaterThanOrEqual(5 * 14 * 1.45);
    expectSoundLayout(l);
  });

  it("spreads a 督办事项 taller than Excel's tallest row over several merged rows", () => {
    const l = buildNotice(item({ content: "落实".repeat(500) }), SETTINGS, cal, "2021-04-16");
    const content = l.cells.find((c) => c.field === "content");
    const merge = l.merges.find((m) => m.top === content?.row && m.left === content?.col);
    expect(merge).toBeDefined();
    const rows = (merge?.bottom ?? 0) - (merge?.top ?? 0) + 1;
    expect(rows).toBeGreaterThan(1);
    const height = l.rowHeights.slice((merge?.top ?? 1) - 1, merge?.bottom).reduce((a, b) => a + b, 0);
    // 1000 characters, about 24 a line: 42 lines or more.
    expect(height).toBeGreaterThanOrEqual(42 * 14 * 1.45);
    expectSoundLayout(l);
  });
});

describe("办理时限 in working days", () => {
  it.each([
    ["11 working days with Sunday 25 April made working", "2021-04-16", "2021-04-30", "11个工作日（至2021年4月30日）"],
    [
      "across May Day (1–5 May off, Saturday 8 May working)",
      "2021-04-30",
      "2021-05-14",
      "8个工作日（至2021年5月14日）",
    ],
    [
      "across National Day (1–7 Oct off, Saturday 9 Oct working)",
      "2021-09-30",
      "2021-10-15",
      "7个工作日（至2021年10月15日）",
    ],
    [
      "across Mid-Autumn (Saturday 18 Sep working, 19–21 off)",
      "2021-09-17",
      "2021-09-24",
      "4个工作日（至2021年9月24日）",
    ],
    ["due on the notice day", "2021-04-30", "2021-04-30", "当日办结（2021年4月30日）"],
    ["deadline already passed", "2021-05-10", "2021-04-30", "已超过要求完成时间4个工作日（2021年4月30日）"],
  ])("%s", (_rule, today, deadline, text) => {
    expect(timeLimitText(cal, today, deadline)).toBe(text);
  });
});

describe("objection date: one working day after the notice", () => {
  it.each([
    ["Friday → Monday", "2021-04-16", "2021年4月19日"],
    ["before May Day → 6 May", "2021-04-30", "2021年5月6日"],
    ["before National Day → 8 October", "2021-09-30", "2021年10月8日"],
    ["Friday before Mid-Autumn → make-up Saturday 18 September", "2021-09-17", "2021年9月18日"],
    ["New Year's Eve → 4 January", "2021-12-31", "2022年1月4日"],
    ["a notice on a holiday → first working day after", "2021-10-03", "2021年10月8日"],
  ])("%s", (_rule, today, date) => {
    expect(objectionText(cal, today)).toContain(`1个工作日内（即${date}前）`);
    expect(buildNotice(ITEM, SETTINGS, cal, today).cells.find((c) => c.field === "objection")?.value).toContain(
      `即${date}前`,
    );
  });

  it("names the office room when one is given", () => {
    expect(objectionText(cal, "2021-04-16", "202")).toContain("退回202办公室协调重新交办");
    expect(objectionText(cal, "2021-04-16")).toContain("退回办公室协调重新交办");
  });
});

describe("how the request addresses the host", () => {
  it.each([
    ["督导室", "你科室"],
    ["基础教育科", "你科室"],
    ["江津中学", "你单位"],
    ["", "你科室"],
  ])("host %j is addressed as %s", (host, you) => {
    expect(requestText(host, "2021-04-30")).toContain(`现委托${you}负责受理该事项，请${you}于2021年4月30日前`);
  });
});
