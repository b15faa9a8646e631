import * as fs from "fs";
import * as path from "path";
import { RULES, RULE_CODES, fillTemplate, makeIssue, type RuleCode } from "../../src/domain/rules";

const DOC = fs.readFileSync(path.join(__dirname, "../../docs/rules.md"), "utf8");

/** The rows of the catalogue table in docs/rules.md: code → the cells after it. */
function documentedRules(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of DOC.split("\n")) {
    const m = /^\|\s*`([^`]+)`\s*\|(.*)\|$/.exec(line.trim());
    if (m)
      rows.set(
        m[1],
        m[2].split("|").map((c) => c.trim()),
      );
  }
  return rows;
}

describe("the rules catalogue", () => {
  it.each(RULE_CODES)("%s is kebab-case English with a Chinese title and message", (code) => {
    expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    const rule = RULES[code];
    expect(["error", "warning"]).toContain(rule.severity);
    expect(rule.title).toMatch(/[\u4e00-\u9fff]/);
    expect(rule.message).toMatch(/[\u4e00-\u9fff]/);
    // every message tells the clerk what to do
    expect(rule.message).toMatch(/请/);
  });

  it("holds the codes the brief names", () => {
    const named = [
      "required-missing",
      "date-unparseable",
      "date-impossible",
      "date-fictitious",
      "deadline-before-issue",
      "signed-before-issue",
      "number-format",
      "number-duplicate",
      "urgency-invalid",
      "secrecy-invalid",
      "classified-content",
      "major-signer-not-principal",
      "extension-approver-not-principal",
      "termination-approver-not-principal",
      "report-late",
      "report-missing",
      "routing-mismatch",
      "calendar-year-missing",
      "cell-error",
      "settings-invalid",
      "closed-date-before-issue",
      "extended-before-due",
    ];
    for (const code of named) expect(RULE_CODES).toContain(code);
  });

  it.each([
    ["report-late"],
    ["report-missing"],
    ["date-in-future"],
    ["routing-mismatch"],
    ["calendar-year-missing"],
    ["settings-invalid"],
  ] as [RuleCode][])("%s is about lateness or advice, so a warning, never an error", (code) => {
    expect(RULES[code].severity).toBe("warning");
  });

  it.each([
    ["classified-content"],
    ["number-duplicate"],
    ["number-format"],
    ["required-missing"],
    ["date-impossible"],
  ] as [RuleCode][])("%s is a defect in the data, so an error", (code) => {
    expect(RULES[code].severity).toBe("error");
  });
});

describe("making issues", () => {
  it("fills the template and takes the severity from the catalogue", () => {
    expect(makeIssue("calendar-year-missing", 7, "要求完成时间", { year: 2027 })).toEqual({
      row: 7,
      column: "要求完成时间",
      severity: "warning",
      code: "calendar-year-missing",
      message: "2027年没有官方节假日数据，工作日按周一至周五计算；请在工作日历表中补充2027年的节假日和调休上班日。",
    });
  });

  it("carries a fix only when one is given", () => {
    const withFix = makeIssue(
      "number-format",
      3,
      "督办事项编号",
      { number: "x", problems: "p", advice: "a" },
      "〔2021〕3号",
    );
    expect(withFix.fix).toBe("〔2021〕3号");
    const without = makeIssue("required-missing", 3, "督办事项内容", { column: "督办事项内容" });
    expect("fix" in without).toBe(false);
  });

  it.each([
    ["{a}和{a}", { a: 1 }, "1和1"],
    ["{a}{b}", { a: "甲" }, "甲{b}"],
    ["无参数", {}, "无参数"],
    ["{a}", { a: "$&" }, "$&"],
  ] as [string, Record<string, string | number>, string][])("fillTemplate(%j) gives %j", (template, params, text) => {
    expect(fillTemplate(template, params)).toBe(text);
  });
});

describe("docs/rules.md", () => {
  const documented = documentedRules();

  it("documents every code of RULES", () => {
    const missing = RULE_CODES.filter((code) => !documented.has(code));
    expect(missing).toEqual([]);
  });

  it("documents no code RULES does not have", () => {
    const extra = [...documented.keys()].filter((code) => !(RULE_CODES as readonly string[]).includes(code));
    expect(extra).toEqual([]);
  });

  it.each(RULE_CODES)("documents %s as the catalogue says (severity, title, message, fix)", (code) => {
    const rule = RULES[code];
    expect(documented.get(code)).toEqual([rule.severity, rule.title, rule.message, rule.fix ? "yes" : "no"]);
  });
});
