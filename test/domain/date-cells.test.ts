import { analyzeRegistry } from "../../src/domain/analyze";
import { date, GOOD_ROW, registrySheet } from "./grid-helpers";

const TODAY = "2021-06-01";

/** The date-as-text issues of a registry with these 要求完成时间 / 办结日期 cells. */
function dateIssues(rows: Record<string, unknown>[]) {
  const sheet = registrySheet(rows.map((r) => ({ ...GOOD_ROW, ...r }) as never));
  return analyzeRegistry([sheet], TODAY)!.issues.filter((i) => i.code === "date-as-text");
}

describe("a date written as text or as a yyyymmdd number is a warning with the date as its fix", () => {
  it.each([
    ["ISO text", "2021-04-30", "2021-04-30"],
    ["Chinese", "2021年4月30日", "2021-04-30"],
    ["dots", "2021.4.30", "2021-04-30"],
    ["full-width digits", "２０２１-04-30", "2021-04-30"],
    ["compact text", "20210430", "2021-04-30"],
    ["a yyyymmdd number", 20210430, "2021-04-30"],
  ])("%s", (_, typed, fix) => {
    const [issue] = dateIssues([{ 要求完成时间: typed }]);
    expect(issue).toMatchObject({ row: 3, column: "要求完成时间", severity: "warning", fix });
    expect(issue.message).toContain("不是日期");
    expect(issue.message).toContain(fix);
  });

  it("says nothing about a real date, a serial number, or text that is no date (that is an error of its own)", () => {
    expect(dateIssues([{ 要求完成时间: date("2021-04-30") }, { 要求完成时间: 44316 }])).toEqual([]);
    const sheet = registrySheet([{ ...GOOD_ROW, 要求完成时间: "下周" }]);
    const issues = analyzeRegistry([sheet], TODAY)!.issues;
    expect(issues.map((i) => i.code)).toContain("date-unparseable");
    expect(issues.map((i) => i.code)).not.toContain("date-as-text");
  });

  it("reports every date column of the row", () => {
    const issues = dateIssues([{ 任务下达时间: "2021-03-05", 签收日期: "2021/3/6" }]);
    expect(issues.map((i) => [i.column, i.fix])).toEqual([
      ["任务下达时间", "2021-03-05"],
      ["签收日期", "2021-03-06"],
    ]);
  });
});
