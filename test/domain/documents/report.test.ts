import { createCalendar } from "../../../src/domain/calendar";
import { buildReport, REPORT_FIELDS, resultText } from "../../../src/domain/documents/report";
import { FILL_HEIGHT_PT } from "../../../src/domain/layout/form-builder";
import { fieldText, item, ITEM, SETTINGS } from "./fixtures";
import { expectSoundLayout } from "./layout-checks";

const cal = createCalendar();
const CLOSED = item({
  result: "按期办结。已完成全区132所学校排查，整改隐患47处",
  closedOn: "2021-04-28",
  reportedOn: "2021-05-06",
});

describe("督办书面报告", () => {
  const layout = buildReport(CLOSED, SETTINGS, cal, "2021-05-07", { handler: "王芳" });

  it("places every field exactly once", () => {
    for (const field of REPORT_FIELDS) expect(layout.cells.filter((c) => c.field === field)).toHaveLength(1);
  });

  it.each([
    ["title", "督办书面报告"],
    ["content", ITEM.content],
    ["number", "☑督办事项编号：〔2021〕3号"],
    ["section", "督导室"],
    ["sectionLeader", "王建国"],
    ["assisting", "安全科、基础教育科"],
    ["assistingLeader", ""],
    ["handler", "王芳"],
    ["closedOn", "2021年4月28日"],
    ["contact", "023-47521234"],
    ["addressee", "办公室："],
    ["opening", "\u3000\u3000根据督办事项通知的要求，现将办理结果报告如下："],
    ["result", "\u3000\u3000按期办结。已完成全区132所学校排查，整改隐患47处。"],
  ])("%s reads %j", (field, text) => {
    expect(fieldText(layout, field)).toBe(text);
  });

  it("has the signature line and dates the report 报告日期 when the row has one", () => {
    expect(fieldText(layout, "signature")).toMatch(/^责任人签字（盖章）：/);
    expect(fieldText(layout, "date").trim()).toBe("2021年5月6日");
  });

  it("dates the report today when the row has no 报告日期", () => {
    const l = buildReport(item({ ...CLOSED, reportedOn: null }), SETTINGS, cal, "2021-05-07");
    expect(fieldText(l, "date").trim()).toBe("2021年5月7日");
  });

  it("carries the labels of attachment 2", () => {
    const labels = layout.cells.filter((c) => c.field === undefined).map((c) => c.value);
    expect(labels).toEqual(
      expect.arrayContaining([
        "督办事项",
        "编号",
        "督办科室或单位",
        "督办科室或单位领导",
        "督办协助科室或单位",
        "督办协助科室或单位领导",
        "经办人",
        "办结时间",
        "联系方式",
      ]),
    );
  });

  it("puts 经办人, 办结时间 and 联系方式 side by side in one row", () => {
    const rows = ["handler", "closedOn", "contact"].map((f) => layout.cells.find((c) => c.field === f)?.row);
    expect(new Set(rows).size).toBe(1);
  });

  it("is a sound A4 layout that leaves the rest of the page to the outcome", () => {
    expect(layout.name).toBe("书面报告〔2021〕3号");
    expectSoundLayout(layout);
    expect(layout.rowHeights.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(FILL_HEIGHT_PT - 4);
    const resultRow = layout.cells.find((c) => c.field === "result")?.row ?? 0;
    expect(layout.rowHeights[resultRow - 1]).toBeGreaterThan(200);
  });

  it("takes leaders given by the caller over the row's 签发领导", () => {
    const l = buildReport(CLOSED, SETTINGS, cal, "2021-05-07", { sectionLeader: "张三", assistingLeader: "李四" });
    expect([fieldText(l, "sectionLeader"), fieldText(l, "assistingLeader")]).toEqual(["张三", "李四"]);
  });

  it("leaves 办结时间 and the outcome blank for hand-writing when the row has none", () => {
    const l = buildReport(ITEM, SETTINGS, cal, "2021-05-07");
    expect(fieldText(l, "closedOn")).toBe("    年  月  日");
    expect(fieldText(l, "result")).toBe("");
    expect(fieldText(l, "handler")).toBe("");
  });
});

describe("outcome text", () => {
  it.each([
    ["按期办结", "\u3000\u3000按期办结。"],
    ["已完成！", "\u3000\u3000已完成！"],
    ["  终止；  ", "\u3000\u3000终止；"],
    ["", ""],
  ])("%j reads %j", (result, text) => {
    expect(resultText(result)).toBe(text);
  });
});
