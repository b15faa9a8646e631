import { painter } from "../../src/cli/colour";
import { renderTable } from "../../src/cli/table";
import { charWidth, displayWidth, padEndWidth, truncateWidth } from "../../src/cli/text-width";

describe("display width counts CJK characters as two columns", () => {
  it.each<[string, number]>([
    ["", 0],
    ["abc", 3],
    ["督办", 4],
    ["〔2026〕3号", 11],
    ["【2021】3号", 11],
    ["[2025]7号", 9],
    ["（未编号）", 10],
    ["，、。：", 8],
    ["ＡＢ", 4],
    ["e\u0301", 1],
    ["\x1b[31m逾期\x1b[0m", 4],
    ["😀", 2],
    ["𠀀", 2],
  ])("%j is %d columns", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it("charWidth of a control character is 0", () => {
    expect(charWidth("\t")).toBe(0);
  });

  it("pads to a display width", () => {
    expect(padEndWidth("逾期", 6)).toBe("逾期  ");
    expect(padEndWidth("超长的文本", 4)).toBe("超长的文本");
  });

  it.each<[string, number, string]>([
    ["落实区政府第12次常务会议", 12, "落实区政府…"],
    ["短", 12, "短"],
    ["abcdef", 4, "abc…"],
    ["督办事项", 8, "督办事项"],
  ])("truncates %j to %d columns", (text, width, expected) => {
    expect(truncateWidth(text, width)).toBe(expected);
    expect(displayWidth(truncateWidth(text, width))).toBeLessThanOrEqual(width);
  });
});

describe("tables", () => {
  it("align columns of mixed CJK and ASCII text", () => {
    const lines = renderTable(
      ["行", "编号", "状态"],
      [
        ["3", "〔2026〕1号", "逾期"],
        ["12", "[2025]7号", "办理中"],
      ],
      painter(false),
    );
    expect(lines).toEqual(["行  编号         状态", "3   〔2026〕1号  逾期", "12  [2025]7号    办理中"]);
    const statusColumn = lines.map((l) => displayWidth(l.slice(0, l.lastIndexOf(" ") + 1)));
    expect(new Set(statusColumn).size).toBe(1);
  });

  it("colour codes are added only when painting is on, and never break alignment", () => {
    const rows = [["3", { text: "逾期", colour: "red" as const }, "x"]];
    const plain = renderTable(["行", "状态", "备注"], rows, painter(false));
    const coloured = renderTable(["行", "状态", "备注"], rows, painter(true));
    expect(plain.join("\n")).not.toContain("\x1b[");
    expect(coloured[1]).toContain("\x1b[31m");
    expect(coloured.map(displayWidth)).toEqual(plain.map(displayWidth));
  });
});
