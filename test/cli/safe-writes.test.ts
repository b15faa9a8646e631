/**
 * Writing files safely (issue 10): a command that cannot keep something says so and writes
 * nothing unless --force; Excel holding the file open, a read-only folder or a full disk leave
 * the input intact with one Chinese line saying what to do; --in-place keeps its backup.
 */
import { promises as fsp } from "fs";
import * as fs from "fs";
import * as path from "path";
import { duban, loadBook, makeWorkspace } from "./documents-helpers";
import { sha256 } from "./helpers";

let dir: string;
beforeEach(async () => (dir = await makeWorkspace()));
afterEach(async () => {
  jest.restoreAllMocks();
  await fsp.rm(dir, { recursive: true, force: true });
});

const NOTICE = ["notice", "登记表.xlsx", "--number", "〔2021〕3号"];

/** A notice sheet in 有通知单.xlsx that someone annotated with a note (a comments part). */
async function annotatedNotice(): Promise<void> {
  expect((await duban(dir, [...NOTICE, "-o", "有通知单.xlsx"])).code).toBe(0);
  const wb = await loadBook(path.join(dir, "有通知单.xlsx"));
  const cell = wb.getWorksheet("通知单〔2021〕3号")!.getCell("F30");
  cell.value = "已阅"; // ExcelJS reads a note back only on a cell with a value
  cell.note = "主任：请周五前发出";
  await wb.xlsx.writeFile(path.join(dir, "有通知单.xlsx"));
  const check = await loadBook(path.join(dir, "有通知单.xlsx"));
  expect(check.getWorksheet("通知单〔2021〕3号")!.getCell("F30").note).toBe("主任：请周五前发出");
}

describe("never silent: what a command cannot keep stops it unless --force", () => {
  it("replacing a document sheet that carries a note is refused, naming what would go; nothing is written", async () => {
    await annotatedNotice();
    const run = await duban(dir, ["notice", "有通知单.xlsx", "--number", "〔2021〕3号", "--replace", "-o", "新.xlsx"]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/未写入：替换工作表“通知单〔2021〕3号”会删除其中的 \d+ 个附属部件.*--force/);
    expect(fs.existsSync(path.join(dir, "新.xlsx"))).toBe(false);
  });

  it("with --force it is written, and the note is gone with the old sheet", async () => {
    await annotatedNotice();
    const run = await duban(dir, [
      "notice",
      "有通知单.xlsx",
      "--number",
      "〔2021〕3号",
      "--replace",
      "--force",
      "-o",
      "新.xlsx",
    ]);
    expect(run.code).toBe(0);
    const ws = (await loadBook(path.join(dir, "新.xlsx"))).getWorksheet("通知单〔2021〕3号")!;
    expect(ws.getCell("F30").note).toBeUndefined();
  });

  it("a document added beside an annotated sheet loses nothing and needs no --force", async () => {
    await annotatedNotice();
    const run = await duban(dir, ["report", "有通知单.xlsx", "--number", "〔2021〕3号", "-o", "新.xlsx"]);
    expect(run.code).toBe(0);
    const wb = await loadBook(path.join(dir, "新.xlsx"));
    expect(wb.getWorksheet("通知单〔2021〕3号")!.getCell("F30").note).toBe("主任：请周五前发出");
  });
});

describe("a file Excel has open", () => {
  it("--in-place is refused while Excel's owner file ~$name sits beside it; the file is untouched, no backup", async () => {
    const file = path.join(dir, "登记表.xlsx");
    fs.writeFileSync(path.join(dir, "~$登记表.xlsx"), "owner");
    const before = sha256(file);
    const run = await duban(dir, [...NOTICE, "--in-place"]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("正在 Excel 中打开");
    expect(run.err).toContain("关闭");
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir).filter((n) => n.includes("backup"))).toEqual([]);
  });

  it("-o over a workbook open in Excel is refused too", async () => {
    fs.copyFileSync(path.join(dir, "登记表.xlsx"), path.join(dir, "输出.xlsx"));
    fs.writeFileSync(path.join(dir, "~$输出.xlsx"), "owner");
    const run = await duban(dir, [...NOTICE, "-o", "输出.xlsx"]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("输出.xlsx 正在 Excel 中打开");
  });
});

describe("the disk or the folder refuses", () => {
  it.each([
    ["ENOSPC", /磁盘空间不足/],
    ["EACCES", /没有写入权限/],
    ["EROFS", /没有写入权限/],
    ["EBUSY", /占用/],
  ])(
    "%s while writing: the input is intact, one line says what to do, no temp file or backup is left",
    async (code, message) => {
      const file = path.join(dir, "登记表.xlsx");
      const before = sha256(file);
      const open = fsp.open.bind(fsp);
      jest.spyOn(fsp, "open").mockImplementation(async (p, flags, mode) => {
        if (String(p).endsWith(".tmp")) throw Object.assign(new Error(code), { code });
        return open(p, flags, mode);
      });
      const run = await duban(dir, [...NOTICE, "--in-place"]);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(message);
      expect(run.err).toContain("原文件未改动");
      expect(run.err.split("\n")).toHaveLength(1);
      expect(sha256(file)).toBe(before);
      expect(fs.readdirSync(dir).sort()).toEqual(["登记表.xlsx"]);
    },
  );

  it("a folder that does not exist is named as such", async () => {
    const run = await duban(dir, [...NOTICE, "-o", path.join("没有这个文件夹", "新.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/文件夹不存在/);
  });
});

describe("--in-place", () => {
  it("keeps a byte-identical backup of the file it replaces", async () => {
    const file = path.join(dir, "登记表.xlsx");
    const before = sha256(file);
    const run = await duban(dir, [...NOTICE, "--in-place"]);
    expect(run.code).toBe(0);
    expect(sha256(path.join(dir, "登记表.backup-1.xlsx"))).toBe(before);
    expect(sha256(file)).not.toBe(before);
  });
});
