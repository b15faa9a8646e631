import { closestNumbers, editDistance } from "../../../src/domain/documents/closest-numbers";

describe("edit distance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["〔2021〕3号", "〔2021〕3号", 0],
    ["〔2021〕3号", "〔2021〕13号", 1],
    ["〔2021〕3号", "〔2020〕3号", 1],
    ["kitten", "sitting", 3],
  ])("%j → %j is %d", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe("closest existing numbers", () => {
  const existing = [
    "〔2021〕1号",
    "〔2021〕3号",
    "〔2021〕12号",
    "〔2021〕14号",
    "〔2020〕13号",
    "江津教督〔2021〕13号",
  ];

  it("puts one-edit neighbours first, the same year before another year, nearer sequences first", () => {
    expect(closestNumbers("〔2021〕13号", existing)).toEqual(["〔2021〕12号", "〔2021〕14号", "〔2021〕3号"]);
  });

  it("reads a misspelt query in its correct form", () => {
    expect(closestNumbers("[2021]13号", existing, 1)).toEqual(["〔2021〕12号"]);
  });

  it("lists misspelt registry numbers in their correct form, once", () => {
    expect(closestNumbers("〔2021〕4号", ["[2021]3号", "〔2021〕3号", "(2021)5号"])).toEqual([
      "〔2021〕3号",
      "〔2021〕5号",
    ]);
  });

  it("still suggests something for text that is no number", () => {
    expect(closestNumbers("三号", ["〔2021〕3号", "待定"], 1)).toEqual(["待定"]);
  });

  it("ignores blank numbers and honours the limit", () => {
    expect(closestNumbers("〔2021〕2号", ["", "  ", "〔2021〕1号"], 5)).toEqual(["〔2021〕1号"]);
    expect(closestNumbers("〔2021〕2号", existing, 0)).toEqual([]);
  });
});
