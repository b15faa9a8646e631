import {
  assignNumbers,
  findDuplicates,
  findGaps,
  formatNumber,
  MAX_LISTED_GAPS,
  parseNumber,
  type NumberProblem,
} from "../../src/domain/numbers";

describe("reading correct numbers", () => {
  it.each([
    ["a number without prefix", "〔2021〕3号", "", 2021, 3],
    ["a number with an organ prefix", "江津教督〔2021〕3号", "江津教督", 2021, 3],
    ["a three-digit sequence", "〔2022〕125号", "", 2022, 125],
    ["a sequence ending in 0", "〔2021〕10号", "", 2021, 10],
    ["surrounding spaces", "  江津教督〔2021〕3号 ", "江津教督", 2021, 3],
    ["full-width digits", "〔２０２１〕３号", "", 2021, 3],
    ["spaces inside", "江津教督 〔2021〕 3 号", "江津教督", 2021, 3],
  ])("%s: %j", (_rule, text, prefix, year, seq) => {
    expect(parseNumber(text)).toEqual({ ok: true, value: { prefix, year, seq } });
  });

  it.each([
    [{ prefix: "", year: 2021, seq: 3 }, "〔2021〕3号"],
    [{ prefix: "江津教督", year: 2022, seq: 15 }, "江津教督〔2022〕15号"],
  ])("%j is written %s", (value, text) => {
    expect(formatNumber(value)).toBe(text);
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });
});

describe("reading wrong numbers, each with its fix", () => {
  it.each<[string, string, NumberProblem[], string]>([
    ["ASCII square brackets", "[2021]3号", ["brackets"], "〔2021〕3号"],
    ["black lenticular brackets 【】", "【2021】3号", ["brackets"], "〔2021〕3号"],
    ["ASCII round brackets", "(2021)3号", ["brackets"], "〔2021〕3号"],
    ["full-width round brackets （）", "（2021）3号", ["brackets"], "〔2021〕3号"],
    ["full-width square brackets ［］", "［2021］3号", ["brackets"], "〔2021〕3号"],
    ["white lenticular brackets 〖〗", "〖2021〗3号", ["brackets"], "〔2021〕3号"],
    ["small tortoise-shell brackets ﹝﹞", "﹝2021﹞3号", ["brackets"], "〔2021〕3号"],
    ["mismatched brackets", "〔2021]3号", ["brackets"], "〔2021〕3号"],
    ["a two-digit year means 20YY", "〔21〕3号", ["short-year"], "〔2021〕3号"],
    ["a leading zero", "〔2021〕03号", ["leading-zero"], "〔2021〕3号"],
    ["several leading zeros", "〔2021〕007号", ["leading-zero"], "〔2021〕7号"],
    ["第 before the sequence", "〔2021〕第3号", ["di"], "〔2021〕3号"],
    ["no 号", "〔2021〕3", ["missing-hao"], "〔2021〕3号"],
    ["brackets and a short year", "[21]3号", ["brackets", "short-year"], "〔2021〕3号"],
    [
      "everything wrong at once",
      "【21】第03",
      ["brackets", "short-year", "leading-zero", "di", "missing-hao"],
      "〔2021〕3号",
    ],
    ["a prefix with wrong brackets", "江津教督[2021]3号", ["brackets"], "江津教督〔2021〕3号"],
    ["a prefix with 第 and a leading zero", "江津教督〔2021〕第05号", ["leading-zero", "di"], "江津教督〔2021〕5号"],
    ["surrounding spaces with wrong brackets", "  (2021)3号  ", ["brackets"], "〔2021〕3号"],
    ["full-width digits with wrong brackets", "【２０２１】１２号", ["brackets"], "〔2021〕12号"],
  ])("%s: %j", (_rule, text, problems, fix) => {
    const parsed = parseNumber(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(problems);
    expect(parsed.fix).toBe(fix);
    expect(parsed.value).toBeDefined();
    expect(formatNumber(parsed.value!)).toBe(fix);
    // The fix is itself correct.
    expect(parseNumber(fix)).toEqual({ ok: true, value: parsed.value });
  });

  it.each([
    ["a word", "待定"],
    ["empty text", ""],
    ["a bare integer", "3"],
    ["a sequence with 号 only", "3号"],
    ["a year without a sequence", "〔2021〕"],
    ["a year without a sequence but with 号", "〔2021〕号"],
    ["a sequence of zero", "〔2021〕0号"],
    ["a sequence of zeros", "〔2021〕00号"],
    ["a three-digit year", "〔202〕3号"],
    ["a five-digit year", "〔20211〕3号"],
    ["a year with a leading zero", "〔0021〕3号"],
    ["brackets in reverse", "〕2021〔3号"],
    ["a dash instead of brackets", "2021-3号"],
    ["text after 号", "〔2021〕3号文"],
    ["Chinese numerals", "〔二〇二一〕三号"],
    ["a letter in the sequence", "〔2021〕3a号"],
  ])("garbage is unrecognised with no fix: %s %j", (_rule, text) => {
    expect(parseNumber(text)).toEqual({ ok: false, problems: ["unrecognised"] });
  });
});

describe("assigning numbers", () => {
  const row = (r: number, number: string, issuedOn: string | null = "2021-03-01") => ({ row: r, number, issuedOn });

  it("an unnumbered row takes the highest number of its year + 1", () => {
    expect(assignNumbers([row(3, "〔2021〕1号"), row(4, "〔2021〕2号"), row(5, "")], "2021-06-01", "")).toEqual([
      { row: 5, number: "〔2021〕3号" },
    ]);
  });

  it("the first number of a year is 1", () => {
    expect(assignNumbers([row(3, "")], "2021-06-01", "")).toEqual([{ row: 3, number: "〔2021〕1号" }]);
  });

  it("rows take numbers top to bottom, whatever order they are given in", () => {
    expect(assignNumbers([row(9, ""), row(4, ""), row(6, "")], "2021-06-01", "")).toEqual([
      { row: 4, number: "〔2021〕1号" },
      { row: 6, number: "〔2021〕2号" },
      { row: 9, number: "〔2021〕3号" },
    ]);
  });

  it("rows of 2021 and 2022 interleaved are numbered per year", () => {
    const rows = [
      row(3, "〔2021〕7号", "2021-11-20"),
      row(4, "", "2021-12-28"),
      row(5, "", "2022-01-05"),
      row(6, "", "2021-12-30"),
      row(7, "〔2022〕1号", "2022-01-04"),
      row(8, "", "2022-01-10"),
    ];
    expect(assignNumbers(rows, "2022-01-12", "")).toEqual([
      { row: 4, number: "〔2021〕8号" },
      { row: 5, number: "〔2022〕2号" },
      { row: 6, number: "〔2021〕9号" },
      { row: 8, number: "〔2022〕3号" },
    ]);
  });

  it("a row without 任务下达时间 takes today's year", () => {
    expect(assignNumbers([row(3, "〔2021〕4号"), row(4, "", null)], "2022-02-01", "")).toEqual([
      { row: 4, number: "〔2022〕1号" },
    ]);
  });

  it("never reuses a number: a gap below the highest number is not filled", () => {
    expect(assignNumbers([row(3, "〔2021〕1号"), row(4, "〔2021〕5号"), row(5, "")], "2021-06-01", "")).toEqual([
      { row: 5, number: "〔2021〕6号" },
    ]);
  });

  it("wrong but fixable numbers count by their value", () => {
    const rows = [row(3, "[2021]4号"), row(4, "〔21〕第6号"), row(5, "〔2021〕08"), row(6, "")];
    expect(assignNumbers(rows, "2021-06-01", "")).toEqual([{ row: 6, number: "〔2021〕9号" }]);
  });

  it("unrecognised numbers are neither changed nor counted", () => {
    expect(assignNumbers([row(3, "待定"), row(4, "")], "2021-06-01", "")).toEqual([{ row: 4, number: "〔2021〕1号" }]);
  });

  it("existing numbers are never changed: only blank rows are returned", () => {
    const rows = [row(3, "[2021]1号"), row(4, "  "), row(5, "〔2021〕2号")];
    expect(assignNumbers(rows, "2021-06-01", "")).toEqual([{ row: 4, number: "〔2021〕3号" }]);
  });

  it("the prefix from the settings is written and numbers count within that prefix", () => {
    const rows = [row(3, "江津教督〔2021〕4号"), row(4, "〔2021〕9号"), row(5, "")];
    expect(assignNumbers(rows, "2021-06-01", "江津教督")).toEqual([{ row: 5, number: "江津教督〔2021〕5号" }]);
    expect(assignNumbers(rows, "2021-06-01", "")).toEqual([{ row: 5, number: "〔2021〕10号" }]);
  });

  it("spaces in the settings prefix are ignored", () => {
    expect(assignNumbers([row(3, "江津教督〔2021〕1号"), row(4, "")], "2021-06-01", " 江津教督 ")).toEqual([
      { row: 4, number: "江津教督〔2021〕2号" },
    ]);
  });

  it("nothing to do when every row has a number", () => {
    expect(assignNumbers([row(3, "〔2021〕1号")], "2021-06-01", "")).toEqual([]);
    expect(assignNumbers([], "2021-06-01", "")).toEqual([]);
  });
});

describe("duplicate numbers", () => {
  it("the same number on two rows is a duplicate", () => {
    const rows = [
      { row: 3, number: "〔2021〕3号" },
      { row: 4, number: "〔2021〕4号" },
      { row: 5, number: "〔2021〕3号" },
    ];
    expect(findDuplicates(rows)).toEqual(new Map([["〔2021〕3号", [3, 5]]]));
  });

  it("different spellings of one number collide under its correct form", () => {
    const rows = [
      { row: 3, number: "〔2021〕3号" },
      { row: 4, number: "[2021]3号" },
      { row: 5, number: "〔21〕第03号" },
      { row: 6, number: "（2021）3" },
    ];
    expect(findDuplicates(rows)).toEqual(new Map([["〔2021〕3号", [3, 4, 5, 6]]]));
  });

  it.each([
    ["the same sequence in different years", "〔2021〕3号", "〔2022〕3号"],
    ["the same number with different prefixes", "江津教督〔2021〕3号", "〔2021〕3号"],
    ["two blank numbers", "", ""],
    ["two identical unrecognised numbers", "待定", "待定"],
  ])("%s are not duplicates", (_rule, a, b) => {
    expect(
      findDuplicates([
        { row: 3, number: a },
        { row: 4, number: b },
      ]).size,
    ).toBe(0);
  });

  it("several duplicated numbers are each listed", () => {
    const rows = [
      { row: 3, number: "〔2021〕1号" },
      { row: 4, number: "〔2021〕2号" },
      { row: 5, number: "【2021】1号" },
      { row: 6, number: "〔2021〕02号" },
      { row: 7, number: "〔2021〕2号" },
    ];
    expect(findDuplicates(rows)).toEqual(
      new Map([
        ["〔2021〕1号", [3, 5]],
        ["〔2021〕2号", [4, 6, 7]],
      ]),
    );
  });
});

describe("gaps in the numbering", () => {
  const rows = (...numbers: string[]) => numbers.map((number, i) => ({ row: i + 3, number }));

  it("lists the sequences missing below the highest one", () => {
    expect(findGaps(rows("〔2021〕1号", "〔2021〕4号", "〔2021〕6号"))).toEqual([
      { prefix: "", year: 2021, missing: [2, 3, 5] },
    ]);
  });

  it("a missing 1 is a gap", () => {
    expect(findGaps(rows("〔2021〕2号"))).toEqual([{ prefix: "", year: 2021, missing: [1] }]);
  });

  it("a complete run has no gap, in any order", () => {
    expect(findGaps(rows("〔2021〕3号", "〔2021〕1号", "〔2021〕2号"))).toEqual([]);
  });

  it("gaps are per prefix and year, ordered by prefix then year", () => {
    expect(
      findGaps(rows("〔2022〕3号", "江津教督〔2021〕2号", "〔2021〕1号", "〔2021〕3号", "〔2022〕1号", "〔2023〕1号")),
    ).toEqual([
      { prefix: "", year: 2021, missing: [2] },
      { prefix: "", year: 2022, missing: [2] },
      { prefix: "江津教督", year: 2021, missing: [1] },
    ]);
  });

  it("fixable numbers fill their place; blank and unrecognised ones are ignored", () => {
    expect(findGaps(rows("〔2021〕1号", "[2021]2号", "", "待定", "〔2021〕第04号"))).toEqual([
      { prefix: "", year: 2021, missing: [3] },
    ]);
  });

  it("a huge sequence lists at most MAX_LISTED_GAPS missing numbers", () => {
    const [gap] = findGaps(rows("〔2021〕1号", "〔2021〕300000号"));
    expect(gap.missing).toHaveLength(MAX_LISTED_GAPS);
    expect(gap.missing[0]).toBe(2);
    expect(gap.missing[MAX_LISTED_GAPS - 1]).toBe(MAX_LISTED_GAPS + 1);
  });
});
