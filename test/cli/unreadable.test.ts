import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { CliCommand } from "../../src/cli/types";
import { fakeIO, makeTempDir, removeDir, runCli } from "./helpers";

let dir: string;
const files: Record<string, string> = {};

function compoundFile(...streams: string[]): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const names = streams.map((s) => Buffer.concat([Buffer.from(s, "utf16le"), Buffer.alloc(64 - s.length * 2)]));
  return Buffer.concat([header, Buffer.alloc(504), ...names, Buffer.alloc(512)]);
}

beforeAll(async () => {
  dir = makeTempDir();
  const put = (name: string, content: Buffer | string) => {
    files[name] = path.join(dir, name);
    fs.writeFileSync(files[name], content);
  };
  const other = new ExcelJS.Workbook();
  other.addWorksheet("工资表").getRow(1).values = ["姓名", "金额"];
  const otherBytes = Buffer.from(await other.xlsx.writeBuffer());
  put("not-registry.xlsx", otherBytes);
  put("truncated.xlsx", otherBytes.subarray(0, 200));
  put("text.xlsx", "这不是工作簿");
  put("data.csv", "序号,督办事项编号,督办事项内容\n1,〔2021〕1号,落实\n");
  put("old.xls", compoundFile("Workbook"));
  put("locked.xlsx", compoundFile("EncryptionInfo", "EncryptedPackage"));
  put("empty.xlsx", "");
  files["missing.xlsx"] = path.join(dir, "missing.xlsx");
  files["folder"] = fs.mkdtempSync(path.join(dir, "folder-"));
});
afterAll(() => removeDir(dir));

const CASES: [string, RegExp][] = [
  ["missing.xlsx", /找不到文件/],
  ["folder", /文件夹/],
  ["empty.xlsx", /空/],
  ["text.xlsx", /不是 Excel 工作簿/],
  ["data.csv", /CSV/],
  ["old.xls", /\.xls/],
  ["locked.xlsx", /密码/],
  ["truncated.xlsx", /损坏/],
  ["not-registry.xlsx", /没有督办事项登记表/],
];

const COMMANDS: [string, (file: string) => string[]][] = [
  ["check", (f) => ["check", f]],
  ["check --json", (f) => ["check", f, "--json"]],
  ["status --json", (f) => ["status", f, "--json"]],
  ["number -o", (f) => ["number", f, "-o", path.join(dir, "never-written.xlsx")]],
];

describe.each(COMMANDS)("duban %s on an unreadable input", (_, argv) => {
  it.each(CASES)("%s: exit 2, one Chinese line on stderr, no stack trace, nothing on stdout", async (name, pattern) => {
    const { code, stdout, stderr } = await runCli(argv(files[name]));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).not.toMatch(/\n/);
    expect(stderr[0]).not.toMatch(/\bat\s+\S+\s+\(|\bat\s+\//);
    expect(stderr[0]).toMatch(/[\u4e00-\u9fff]/);
    expect(stderr[0]).toMatch(pattern);
    expect(fs.existsSync(path.join(dir, "never-written.xlsx"))).toBe(false);
  });
});

describe("unexpected failures", () => {
  const boom: CliCommand = {
    name: "boom",
    summary: "fails",
    usage: "duban boom",
    options: {},
    run: async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')\n    at somewhere (file.js:1:1)");
    },
  };
  const saved = process.env.DUBAN_DEBUG;
  afterEach(() => {
    if (saved === undefined) delete process.env.DUBAN_DEBUG;
    else process.env.DUBAN_DEBUG = saved;
  });

  it("exit 2 with one Chinese line and no stack", async () => {
    delete process.env.DUBAN_DEBUG;
    const io = fakeIO();
    expect(await main(["boom"], io, [boom])).toBe(2);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(/^发生意外错误：/);
    expect(io.stderr[0]).not.toMatch(/\n/);
  });

  it("DUBAN_DEBUG=1 adds the stack", async () => {
    process.env.DUBAN_DEBUG = "1";
    const io = fakeIO();
    expect(await main(["boom"], io, [boom])).toBe(2);
    expect(io.stderr[0]).toMatch(/^发生意外错误：/);
    expect(io.stderr.slice(1).join("\n")).toMatch(/\n\s+at /);
  });
});
