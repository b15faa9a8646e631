import { promises as fsp } from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { DocumentError, findItemByNumber } from "../../src/app/documents";
import { duban, loadBook, makeWorkspace } from "./documents-helpers";
import { item, REGISTRY_ITEMS, registryWorkbook } from "../domain/documents/fixtures";

/** Every text of a sheet, row by row, for looking things up. */
function sheetText(ws: ExcelJS.Worksheet | undefined): string {
  if (!ws) throw new Error("sheet missing");
  const lines: string[] = [];
  ws.eachRow((row) => {
    const texts: string[] = [];
    row.eachCell((cell) => {
      if (!cell.isMerged || cell.master.address === cell.address) texts.push(cell.text);
    });
    lines.push(texts.join("|"));
  });
  return lines.join("\n");
}

describe("finding the item by its number", () => {
  const items = [...REGISTRY_ITEMS];
  it.each([["〔2021〕3号"], ["[2021]3号"], ["【2021】03号"], ["(21)第3号"], [" 〔2021〕3 号 "]])(
    "%j finds 〔2021〕3号",
    (n) => {
      expect(findItemByNumber(items, n).number).toBe("〔2021〕3号");
    },
  );

  it("names the closest numbers when none matches", () => {
    try {
      findItemByNumber(items, "〔2021〕13号");
      throw new Error("no error");
    } catch (error) {
      expect(error).toBeInstanceOf(DocumentError);
      const e = error as DocumentError;
      expect(e.code).toBe("unknown-number");
      // All one edit away: the same year first, nearer sequences first.
      expect(e.closest).toEqual(["〔2021〕3号", "〔2021〕1号", "〔2020〕13号"]);
      expect(e.message).toBe(
        "登记表中没有编号为 〔2021〕13号 的事项；最接近的编号：〔2021〕3号、〔2021〕1号、〔2020〕13号",
      );
    }
  });

  it("refuses text that is no number, still suggesting numbers", () => {
    expect(() => findItemByNumber(items, "三号")).toThrow(/无法识别督办事项编号“三号”/);
  });

  it("refuses a number several rows carry", () => {
    const dup = [...items, item({ row: 9, number: "[2021]3号" })];
    expect(() => findItemByNumber(dup, "〔2021〕3号")).toThrow(
      "编号 〔2021〕3号 在登记表中重复（第 5 行、第 9 行），请先更正编号",
    );
  });
});

describe("duban notice", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeWorkspace();
  });

  it("writes the notice as a new sheet of OUT and leaves FILE alone", async () => {
    const before = await fsp.readFile(path.join(dir, "登记表.xlsx"));
    const run = await duban(dir, ["notice", "登记表.xlsx", "--number", "[2021]3号", "-o", "通知.xlsx"]);
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(run.out).toContain(
      "已生成督办事项通知单：〔2021〕3号（“督办事项登记表”第 5 行）→ 工作表“通知单〔2021〕3号”",
    );
    expect(await fsp.readFile(path.join(dir, "登记表.xlsx"))).toEqual(before);
    const wb = await loadBook(path.join(dir, "通知.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["督办事项登记表", "设置", "通知单〔2021〕3号"]);
    const text = sheetText(wb.getWorksheet("通知单〔2021〕3号"));
    for (const piece of [
      "督办事项通知单",
      "〔2021〕3号",
      "2021年4月16日",
      "11个工作日（至2021年4月30日）",
      "即2021年4月19日前",
      "023-47521234",
    ]) {
      expect(text).toContain(piece);
    }
    expect(wb.getWorksheet("通知单〔2021〕3号")?.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1 });
  });

  it("dates the notice --today, across holidays", async () => {
    const run = await duban(dir, [
      "notice",
      "登记表.xlsx",
      "--number",
      "〔2021〕3号",
      "-o",
      "o.xlsx",
      "--today",
      "2021-04-30",
    ]);
    expect(run.code).toBe(0);
    const text = sheetText((await loadBook(path.join(dir, "o.xlsx"))).getWorksheet("通知单〔2021〕3号"));
    expect(text).toContain("当日办结（2021年4月30日）");
    expect(text).toContain("即2021年5月6日前");
  });

  it("never overwrites: generating again adds 通知单…(2); --replace replaces in place", async () => {
    await duban(dir, ["notice", "登记表.xlsx", "--number", "〔2021〕3号", "-o", "a.xlsx"]);
    const again = await duban(dir, [
      "notice",
      "a.xlsx",
      "--number",
      "〔2021〕3号",
      "-o",
      "b.xlsx",
      "--today",
      "2021-04-19",
    ]);
    expect(again.out).toContain("工作表“通知单〔2021〕3号(2)”");
    const b = await loadBook(path.join(dir, "b.xlsx"));
    expect(b.worksheets.map((w) => w.name)).toEqual([
      "督办事项登记表",
      "设置",
      "通知单〔2021〕3号",
      "通知单〔2021〕3号(2)",
    ]);
    expect(sheetText(b.getWorksheet("通知单〔2021〕3号"))).toContain("2021年4月16日");
    expect(sheetText(b.getWorksheet("通知单〔2021〕3号(2)"))).toContain("2021年4月19日");

    const replaced = await duban(dir, [
      "notice",
      "a.xlsx",
      "--number",
      "〔2021〕3号",
      "-o",
      "c.xlsx",
      "--today",
      "2021-04-20",
      "--replace",
    ]);
    expect(replaced.out).toContain("（替换原工作表）");
    const c = await loadBook(path.join(dir, "c.xlsx"));
    expect(c.worksheets.map((w) => w.name)).toEqual(["督办事项登记表", "设置", "通知单〔2021〕3号"]);
    expect(sheetText(c.getWorksheet("通知单〔2021〕3号"))).toContain("2021年4月20日");
    expect(sheetText(c.getWorksheet("通知单〔2021〕3号"))).not.toContain("2021年4月16日");
  });

  it("exits 2 on an unknown number, naming the closest ones, and writes nothing", async () => {
    const run = await duban(dir, ["notice", "登记表.xlsx", "--number", "〔2021〕13号", "-o", "o.xlsx"]);
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      "登记表中没有编号为 〔2021〕13号 的事项；最接近的编号：〔2021〕3号、〔2021〕1号、〔2020〕13号",
    );
    expect(run.out).toBe("");
    await expect(fsp.stat(path.join(dir, "o.xlsx"))).rejects.toThrow();
  });

  it.each([
    [["notice", "登记表.xlsx", "-o", "o.xlsx"], /需要 --number/],
    [["notice", "登记表.xlsx", "--number", "〔2021〕3号"], /需要用 -o 指定输出文件/],
    [["notice", "登记表.xlsx", "--number", "〔2021〕3号", "-o", "登记表.xlsx"], /输出文件与输入文件相同/],
    [["notice", "登记表.xlsx", "--number", "〔2021〕3号", "-o", "o.xlsx", "--method", "电话"], /不支持选项 --method/],
    [["notice", "没有.xlsx", "--number", "〔2021〕3号", "-o", "o.xlsx"], /没有.xlsx/],
  ])("exits 2 on %j", async (argv, message) => {
    const run = await duban(dir, argv);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.err.split("\n")).toHaveLength(1);
  });

  it("exits 2 on a workbook without a registry", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "随便";
    await wb.xlsx.writeFile(path.join(dir, "空.xlsx"));
    const run = await duban(dir, ["notice", "空.xlsx", "--number", "〔2021〕3号", "-o", "o.xlsx"]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/没有督办事项登记表/);
  });

  it("writes in place only with --in-place, after a backup", async () => {
    const run = await duban(dir, ["notice", "登记表.xlsx", "--number", "〔2021〕3号", "--in-place"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("原文件已备份为");
    expect((await loadBook(path.join(dir, "登记表.xlsx"))).worksheets.map((w) => w.name)).toContain(
      "通知单〔2021〕3号",
    );
    expect((await loadBook(path.join(dir, "登记表.backup-1.xlsx"))).worksheets.map((w) => w.name)).not.toContain(
      "通知单〔2021〕3号",
    );
  });

  it("reports as JSON with --json", async () => {
    const run = await duban(dir, ["notice", "登记表.xlsx", "--number", "〔2021〕3号", "-o", "o.xlsx", "--json"]);
    expect(JSON.parse(run.out)).toEqual({
      document: "督办事项通知单",
      number: "〔2021〕3号",
      row: 5,
      sheet: "通知单〔2021〕3号",
      ledgerSheet: "督办事项登记表",
      replaced: false,
      output: "o.xlsx",
      warnings: [],
    });
  });

  it("warns, on stderr, about blanks the form will show", async () => {
    const wb = registryWorkbook([item({ dueOn: null, hostUnit: "", hostHead: "" })]);
    await wb.xlsx.writeFile(path.join(dir, "缺.xlsx"));
    const run = await duban(dir, ["notice", "缺.xlsx", "--number", "〔2021〕3号", "-o", "o.xlsx"]);
    expect(run.code).toBe(0);
    expect(run.err.split("\n")).toEqual([
      "提示：要求完成时间为空，文书中的期限留空待填",
      "提示：承办单位为空，文书中该栏为空白",
    ]);
  });
});

describe("duban report", () => {
  it("writes the written report of a closed item", async () => {
    const dir = await makeWorkspace();
    const run = await duban(
      dir,
      ["report", "登记表.xlsx", "--number", "〔2021〕4号", "-o", "r.xlsx", "--by", "王芳"],
      "2021-05-21",
    );
    expect(run).toMatchObject({ code: 0, err: "" });
    const text = sheetText((await loadBook(path.join(dir, "r.xlsx"))).getWorksheet("书面报告〔2021〕4号"));
    for (const piece of [
      "督办书面报告",
      "☑督办事项编号：〔2021〕4号",
      "王芳",
      "2021年5月18日",
      "办公室：",
      "按期办结。已于5月18日书面答复代表",
      "责任人签字（盖章）：",
      "2021年5月21日",
    ]) {
      expect(text).toContain(piece);
    }
  });

  it("warns when the item is not closed yet", async () => {
    const dir = await makeWorkspace();
    const run = await duban(dir, ["report", "登记表.xlsx", "--number", "〔2021〕3号", "-o", "r.xlsx"]);
    expect(run.code).toBe(0);
    expect(run.err).toBe("提示：该事项尚未办结（办结日期、督办结果均未注明办结），请核实后再报送书面报告");
  });
});

describe("duban remind", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeWorkspace();
  });

  async function logRows(file: string): Promise<string[]> {
    const ws = (await loadBook(path.join(dir, file))).getWorksheet("催办记录");
    if (!ws) throw new Error("no log");
    const rows: string[] = [];
    ws.eachRow((row) =>
      rows.push(
        (row.values as ExcelJS.CellValue[])
          .slice(1)
          .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? "")))
          .join("|"),
      ),
    );
    return rows;
  }

  it("writes the 催办提示单 and starts the 催办记录 sheet with this urging", async () => {
    const run = await duban(
      dir,
      ["remind", "登记表.xlsx", "--number", "〔2021〕3号", "-o", "c1.xlsx", "--by", "王芳"],
      "2021-05-10",
    );
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(run.out).toContain("已在“催办记录”第 2 行记录本次催办（第 1 次）");
    const wb = await loadBook(path.join(dir, "c1.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["督办事项登记表", "设置", "催办提示单〔2021〕3号", "催办记录"]);
    const text = sheetText(wb.getWorksheet("催办提示单〔2021〕3号"));
    for (const piece of ["督办事项催办提示单", "第1次", "已逾期4个工作日", "2021年5月13日前", "2021年5月10日"])
      expect(text).toContain(piece);
    expect(await logRows("c1.xlsx")).toEqual([
      "催办日期|督办事项编号|催办方式|经办人|回复期限",
      "2021-05-10|〔2021〕3号|催办提示单|王芳|2021-05-13",
    ]);
    expect(wb.getWorksheet("催办记录")?.getCell("A2").numFmt).toBe('yyyy"年"m"月"d"日"');
  });

  it("counts earlier urgings from the log and appends below them", async () => {
    await duban(
      dir,
      ["remind", "登记表.xlsx", "--number", "〔2021〕3号", "-o", "c1.xlsx", "--method", "电话"],
      "2021-05-10",
    );
    const second = await duban(dir, ["remind", "c1.xlsx", "--number", "[2021]3号", "-o", "c2.xlsx"], "2021-05-17");
    expect(second.out).toContain("第 3 行记录本次催办（第 2 次）");
    const wb = await loadBook(path.join(dir, "c2.xlsx"));
    expect(sheetText(wb.getWorksheet("催办提示单〔2021〕3号(2)"))).toContain("第2次");
    expect(await logRows("c2.xlsx")).toEqual([
      "催办日期|督办事项编号|催办方式|经办人|回复期限",
      "2021-05-10|〔2021〕3号|电话||2021-05-13",
      "2021-05-17|〔2021〕3号|催办提示单||2021-05-20",
    ]);
    // Another item's urging does not count for this one.
    const other = await duban(dir, ["remind", "c2.xlsx", "--number", "〔2021〕2号", "-o", "c3.xlsx"], "2021-05-17");
    expect(other.out).toContain("（第 1 次）");
  });

  it("does not log twice when the same day's 提示单 is regenerated with --replace", async () => {
    await duban(dir, ["remind", "登记表.xlsx", "--number", "〔2021〕3号", "-o", "c1.xlsx"], "2021-05-10");
    const again = await duban(
      dir,
      ["remind", "c1.xlsx", "--number", "〔2021〕3号", "-o", "c2.xlsx", "--replace", "--by", "王芳"],
      "2021-05-10",
    );
    expect(again.out).toContain("未重复记录（第 1 次催办）");
    expect(await logRows("c2.xlsx")).toHaveLength(2);
    const wb = await loadBook(path.join(dir, "c2.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["督办事项登记表", "设置", "催办提示单〔2021〕3号", "催办记录"]);
    expect(sheetText(wb.getWorksheet("催办提示单〔2021〕3号"))).toContain("第1次");
  });

  it("writes a header into a 催办记录 sheet that has none", async () => {
    const wb = registryWorkbook();
    wb.addWorksheet("催办记录").getCell("A1").value = "（手工记录）";
    await wb.xlsx.writeFile(path.join(dir, "有记录.xlsx"));
    const run = await duban(dir, ["remind", "有记录.xlsx", "--number", "〔2021〕3号", "-o", "c.xlsx"], "2021-05-10");
    expect(run.out).toContain("第 3 行记录本次催办（第 1 次）");
    expect(await logRows("c.xlsx")).toEqual([
      "（手工记录）",
      "催办日期|督办事项编号|催办方式|经办人|回复期限",
      "2021-05-10|〔2021〕3号|催办提示单||2021-05-13",
    ]);
  });

  it("exits 2 on an unknown --method", async () => {
    const run = await duban(dir, [
      "remind",
      "登记表.xlsx",
      "--number",
      "〔2021〕3号",
      "-o",
      "c.xlsx",
      "--method",
      "短信",
    ]);
    expect(run.code).toBe(2);
    expect(run.err).toBe("--method 须为 电话、督办函、催办提示单 之一，收到：短信");
  });

  it("warns when urging a closed item", async () => {
    const run = await duban(dir, ["remind", "登记表.xlsx", "--number", "〔2021〕4号", "-o", "c.xlsx"], "2021-06-01");
    expect(run.code).toBe(0);
    expect(run.err).toBe("提示：该事项已办结或已终止，一般无需催办");
  });
});
