import * as path from "path";
import * as ExcelJS from "exceljs";
import { COMMANDS } from "../../src/cli/commands";
import { addRegistrySheet, item, makeTempDir, removeDir, runCli, writeWorkbook } from "./helpers";

let dir: string;
let file: string;
beforeAll(async () => {
  dir = makeTempDir();
  const wb = new ExcelJS.Workbook();
  addRegistrySheet(wb, [item("〔2026〕1号", "2026-11-02", "2026-11-30")]);
  file = await writeWorkbook(wb, path.join(dir, "登记表.xlsx"));
});
afterAll(() => removeDir(dir));

describe("help", () => {
  it.each([[[]], [["--help"]], [["-h"]], [["help"]]])(
    "%j prints the Chinese usage of every command, exit 0",
    async (argv) => {
      const { code, stdout, stderr } = await runCli(argv);
      expect(code).toBe(0);
      expect(stderr).toEqual([]);
      expect(stdout).toContain("用法：duban <命令>");
      const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      for (const c of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${c.name}\\s+${escape(c.summary)}$`, "m"));
      expect(stdout).toContain("退出码");
    },
  );

  it.each([[["check", "--help"]], [["help", "check"]], [["check", "-h"]]])(
    "%j prints the command's usage",
    async (argv) => {
      const { code, stdout } = await runCli(argv);
      expect(code).toBe(0);
      expect(stdout).toContain("duban check FILE [--json] [--today YYYY-MM-DD]");
    },
  );

  it("every command has a Chinese summary and a usage line naming it", () => {
    for (const c of COMMANDS) {
      expect(c.summary).toMatch(/[\u4e00-\u9fff]/);
      expect(c.usage).toContain(`duban ${c.name}`);
    }
    expect(COMMANDS.map((c) => c.name)).toEqual(expect.arrayContaining(["check", "status", "number", "demo"]));
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });
});

describe("usage errors exit 2 with one Chinese line", () => {
  it.each<[string, string[], RegExp]>([
    ["an unknown command", ["chek", "a.xlsx"], /未知命令“chek”/],
    ["an option before the command", ["--json", "check"], /未知选项 --json/],
    ["an unknown option", ["check", "FILE", "--fast"], /不支持选项 --fast/],
    ["an option of another command", ["check", "FILE", "--in-place"], /不支持选项 --in-place/],
    ["no file", ["check"], /需要一个 \.xlsx 文件/],
    ["two files", ["status", "FILE", "b.xlsx"], /只接受一个文件/],
    ["--today without a value", ["check", "FILE", "--today"], /缺少参数/],
    ["--today not YYYY-MM-DD", ["check", "FILE", "--today", "2026/11/25"], /--today 须为 YYYY-MM-DD/],
    ["--today not a real date", ["status", "FILE", "--today", "2026-02-29"], /--today 须为 YYYY-MM-DD/],
    ["--today in words", ["number", "FILE", "-o", "x.xlsx", "--today", "明天"], /--today/],
    ["--today with a single-digit month", ["check", "FILE", "--today=2026-1-05"], /--today/],
  ])("%s", async (_, argv, pattern) => {
    const { code, stdout, stderr } = await runCli(
      argv.map((a) => (a === "FILE" ? file : a)),
      { cwd: dir },
    );
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(pattern);
    expect(stderr[0]).not.toMatch(/\n/);
  });

  it("a valid --today is accepted", async () => {
    expect((await runCli(["check", file, "--today", "2028-02-29", "--json"])).code).toBe(0);
  });
});

describe("start-up: help and usage errors load no workbook library", () => {
  // Each library a command needs throws when loaded; help and usage errors must still answer.
  const HEAVY = [
    "exceljs",
    "fflate",
    "chinese-days",
    "zlib",
    "../../src/adapters/xlsx/xlsx-workbook",
    "../../src/app/registry",
  ];
  it.each<[string, string[], number, RegExp]>([
    ["duban --help", ["--help"], 0, /用法：duban <命令>/],
    ["duban refresh --help", ["refresh", "--help"], 0, /duban refresh FILE -o OUT/],
    ["an unknown command", ["chek"], 2, /未知命令/],
    ["check without a file", ["check"], 2, /需要一个 \.xlsx 文件/],
    ["number without -o", ["number", "a.xlsx"], 2, /需要用 -o 指定输出文件/],
    ["fix without -o", ["fix", "a.xlsx", "--sheet", "2022年"], 2, /需要用 -o 指定输出文件/],
    ["refresh with -o and --in-place", ["refresh", "a.xlsx", "-o", "b.xlsx", "--in-place"], 2, /不能同时使用/],
    ["notice without --number", ["notice", "a.xlsx", "-o", "b.xlsx"], 2, /需要 --number/],
    ["archive without --year", ["archive", "a.xlsx", "-o", "b.xlsx"], 2, /需要 --year/],
    ["init with a file", ["init", "a.xlsx", "-o", "b.xlsx"], 2, /不读取文件/],
    ["a bad --today", ["status", "a.xlsx", "--today", "2026-02-30"], 2, /--today 须为/],
  ])("%s", async (_, argv, expected, pattern) => {
    await jest.isolateModulesAsync(async () => {
      for (const name of HEAVY) {
        jest.doMock(name, () => {
          throw new Error(`${name} was loaded`);
        });
      }
      const { main } = require("../../src/cli/main") as typeof import("../../src/cli/main");
      const io = { out: jest.fn(), err: jest.fn(), isTTY: false, today: "2026-11-25", cwd: dir };
      const code = await main(argv, io);
      const printed = [...io.out.mock.calls, ...io.err.mock.calls].map((c) => String(c[0])).join("\n");
      expect(printed).not.toMatch(/was loaded/);
      expect(printed).toMatch(pattern);
      expect(code).toBe(expected);
    });
  });
});
