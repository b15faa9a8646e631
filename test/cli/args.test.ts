import { parseCommandArgs, singleFile } from "../../src/cli/args";
import { CliError, EXIT_UNREADABLE } from "../../src/cli/types";

const SPEC = { json: "flag", out: "value", "in-place": "flag" } as const;

describe("parseCommandArgs", () => {
  it.each<[string, string[], { positional: string[]; options: Record<string, string | boolean> }]>([
    ["a file alone", ["登记表.xlsx"], { positional: ["登记表.xlsx"], options: {} }],
    ["a flag after the file", ["a.xlsx", "--json"], { positional: ["a.xlsx"], options: { json: true } }],
    ["a flag before the file", ["--json", "a.xlsx"], { positional: ["a.xlsx"], options: { json: true } }],
    [
      "a value option",
      ["a.xlsx", "--today", "2026-11-25"],
      { positional: ["a.xlsx"], options: { today: "2026-11-25" } },
    ],
    [
      "a value option with =",
      ["a.xlsx", "--today=2026-11-25"],
      { positional: ["a.xlsx"], options: { today: "2026-11-25" } },
    ],
    ["-o is --out", ["a.xlsx", "-o", "b.xlsx"], { positional: ["a.xlsx"], options: { out: "b.xlsx" } }],
    ["a dashed option name", ["a.xlsx", "--in-place"], { positional: ["a.xlsx"], options: { "in-place": true } }],
    [
      "the last repeat wins",
      ["a", "--today", "2026-01-01", "--today", "2026-01-02"],
      { positional: ["a"], options: { today: "2026-01-02" } },
    ],
    ["-- ends the options", ["--", "--json"], { positional: ["--json"], options: {} }],
    ["a lone dash is a positional", ["-"], { positional: ["-"], options: {} }],
    ["--help is accepted by every command", ["--help"], { positional: [], options: { help: true } }],
    [
      "a value that is a file name with a leading dot",
      ["-o", "./out.xlsx", "a"],
      { positional: ["a"], options: { out: "./out.xlsx" } },
    ],
  ])("%s", (_, tokens, expected) => {
    expect(parseCommandArgs("number", tokens, SPEC)).toEqual({ command: "number", ...expected });
  });

  it.each<[string, string[], RegExp]>([
    ["an unknown long option", ["a", "--force"], /不支持选项 --force/],
    ["an unknown short option", ["a", "-x"], /不支持选项 -x/],
    ["a value option at the end", ["a", "-o"], /缺少参数/],
    ["a value option followed by another option", ["a", "--today", "--json"], /--today 缺少参数/],
    ["an empty value after =", ["a", "--out="], /缺少参数/],
    ["a value given to a flag", ["a", "--json=yes"], /不带参数/],
  ])("%s is a usage error (exit 2)", (_, tokens, message) => {
    let error: unknown;
    try {
      parseCommandArgs("number", tokens, SPEC);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT_UNREADABLE);
    expect((error as CliError).message).toMatch(message);
  });

  it("an option another command has is unknown here", () => {
    expect(() => parseCommandArgs("check", ["a", "--in-place"], { json: "flag" })).toThrow(CliError);
  });
});

describe("singleFile", () => {
  it("returns the one file", () => {
    expect(singleFile({ command: "check", positional: ["a.xlsx"], options: {} })).toBe("a.xlsx");
  });
  it.each([[[]], [["a.xlsx", "b.xlsx"]]])("refuses %j", (positional) => {
    expect(() => singleFile({ command: "check", positional, options: {} })).toThrow(CliError);
  });
});
