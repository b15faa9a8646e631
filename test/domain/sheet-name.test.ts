import {
  findSheetName,
  isValidSheetName,
  MAX_SHEET_NAME_LENGTH,
  sanitizeSheetName,
  uniqueSheetName,
} from "../../src/domain/sheet-name";
import { documentSheetName } from "../../src/domain/documents/common";

describe("valid sheet names", () => {
  it.each([
    ["通知单〔2021〕3号", true],
    ["a".repeat(31), true],
    ["a".repeat(32), false],
    ["", false],
    ["   ", false],
    ["a:b", false],
    ["a\\b", false],
    ["a/b", false],
    ["a?b", false],
    ["a*b", false],
    ["a[b", false],
    ["a]b", false],
    ["'ab", false],
    ["ab'", false],
    ["a'b", true],
    ["History", false],
    ["history", false],
    ["History2", true],
    ["a\tb", false],
  ])("%j is valid: %s", (name, valid) => {
    expect(isValidSheetName(name)).toBe(valid);
  });
});

describe("sanitising a wished name", () => {
  it.each([
    ["forbidden brackets become 〔〕", "通知单[2021]3号", "通知单〔2021〕3号"],
    ["each forbidden character has a full-width twin", "a:b\\c/d?e*f", "a：b＼c／d？e＊f"],
    ["apostrophes become typographic", "'x'y'", "’x’y’"],
    ["outer spaces go", "  通知单  ", "通知单"],
    ["control characters go", "通知\n单\t", "通知单"],
    ["a blank name becomes Sheet", "  ", "Sheet"],
    ["History is reserved", "HISTORY", "HISTORY_"],
    ["cut to 31 characters", "通".repeat(40), "通".repeat(31)],
  ])("%s", (_rule, wish, name) => {
    expect(sanitizeSheetName(wish)).toBe(name);
    expect(isValidSheetName(sanitizeSheetName(wish))).toBe(true);
  });
});

describe("unique sheet names", () => {
  it.each([
    ["a free name is kept", "通知单〔2021〕3号", ["登记表"], "通知单〔2021〕3号"],
    ["a taken name gets (2)", "通知单〔2021〕3号", ["通知单〔2021〕3号"], "通知单〔2021〕3号(2)"],
    ["then (3)", "通知单〔2021〕3号", ["通知单〔2021〕3号", "通知单〔2021〕3号(2)"], "通知单〔2021〕3号(3)"],
    ["names differing only in case are the same to Excel", "Sheet", ["SHEET"], "Sheet(2)"],
    ["a long name is cut to make room for the suffix", "通".repeat(31), ["通".repeat(31)], `${"通".repeat(28)}(2)`],
  ])("%s", (_rule, wish, existing, name) => {
    const result = uniqueSheetName(wish, existing);
    expect(result).toBe(name);
    expect([...result].length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
  });

  it("finds a free name among many taken ones", () => {
    const taken = ["通知单〔2021〕3号", ...Array.from({ length: 20 }, (_, i) => `通知单〔2021〕3号(${i + 2})`)];
    expect(uniqueSheetName("通知单〔2021〕3号", taken)).toBe("通知单〔2021〕3号(22)");
  });

  it("finds an existing sheet ignoring case", () => {
    expect(findSheetName("sheet1", ["Sheet1", "登记表"])).toBe("Sheet1");
    expect(findSheetName("Sheet2", ["Sheet1"])).toBeUndefined();
  });
});

describe("document sheet names", () => {
  it.each([
    ["notice", "〔2021〕3号", "通知单〔2021〕3号"],
    ["report", "[2021]03号", "书面报告〔2021〕3号"],
    ["remind", "江津教督〔2021〕12号", "催办提示单江津教督〔2021〕12号"],
    [
      "notice",
      "重庆市江津区教育委员会督查督办办公室〔2021〕123号",
      "通知单重庆市江津区教育委员会督查督办办公室〔2021〕123号",
    ],
    [
      "remind",
      "重庆市江津区教育委员会督查督办办公室〔2021〕123号",
      "催办提示单重庆市江津区教育委员会督查督办…〔2021〕123号",
    ],
    ["notice", "x".repeat(40), "通知单" + "x".repeat(28)],
    ["notice", "待定/草稿", "通知单待定／草稿"],
  ] as const)("%s of %j is %j", (kind, number, name) => {
    expect(documentSheetName(kind, number)).toBe(name);
    expect(isValidSheetName(documentSheetName(kind, number))).toBe(true);
    expect([...name].length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
  });
});
