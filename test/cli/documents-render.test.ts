/**
 * Printing the documents for real: `duban notice/report/remind` into one workbook, then
 * scripts/render-documents.sh (LibreOffice headless → PDF → pdftotext, pdfinfo, pdftoppm).
 * Every text of each document sheet must be in its PDF, on exactly one A4 page. The PNGs are
 * left in out/documents for a person to compare with the policy's attachments.
 *
 * Runs when soffice and poppler-utils are installed; skipped with a message otherwise, except
 * under CI=true, where missing tools fail the test.
 */
import { execFileSync } from "child_process";
import { promises as fsp } from "fs";
import * as path from "path";
import type * as ExcelJS from "exceljs";
import { duban, loadBook, makeWorkspace } from "./documents-helpers";
import { appearsIn, renderingTools, squeeze } from "./render-helpers";
import { item, REGISTRY_ITEMS, registryWorkbook } from "../domain/documents/fixtures";

const ROOT = path.resolve(__dirname, "../..");
const SCRIPT = path.join(ROOT, "scripts/render-documents.sh");
const OUT = path.join(ROOT, "out/documents");
const run = renderingTools("文书打印测试");
/** The texts of a sheet: one per value cell (the top-left cell of a merge). */
function sheetTexts(ws: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if ((!cell.isMerged || cell.master.address === cell.address) && cell.text.trim() !== "") texts.push(cell.text);
    }),
  );
  return texts;
}

describe("finding text in a PDF's text", () => {
  it.each([
    ["contiguous", "甲督办事项乙", "督办事项", true],
    [
      "interleaved with a neighbour's line",
      "承办单位或相关科江津中学（负责人：室李明）",
      "江津中学（负责人：李明）",
      true,
    ],
    ["missing a character", "江津中学（负责人：）", "江津中学（负责人：李明）", false],
    ["out of order", "明李", "李明", false],
  ])("%s", (_rule, haystack, needle, found) => {
    expect(appearsIn(haystack, needle)).toBe(found);
  });
});

run("printing the documents through LibreOffice", () => {
  const LONG = item({
    row: 8,
    seq: "6",
    number: "〔2021〕6号",
    content:
      "贯彻落实区委区政府关于进一步加强中小学生作业、睡眠、手机、读物、体质管理的部署要求，" +
      "制定全区实施方案，明确各学校责任人和完成时限，建立周调度、月通报机制，" +
      "对落实不力的学校进行约谈，学期末形成专项工作总结报区政府。".repeat(3),
  });
  const sheets = ["通知单〔2021〕3号", "书面报告〔2021〕4号", "催办提示单〔2021〕3号", "通知单〔2021〕6号"];
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    const dir = await makeWorkspace(registryWorkbook([...REGISTRY_ITEMS, LONG]));
    const steps: [string[], string][] = [
      [["notice", "登记表.xlsx", "--number", "〔2021〕3号", "-o", "1.xlsx"], "2021-04-16"],
      [["report", "1.xlsx", "--number", "〔2021〕4号", "-o", "2.xlsx", "--by", "王芳"], "2021-05-21"],
      [["remind", "2.xlsx", "--number", "〔2021〕3号", "-o", "3.xlsx", "--by", "王芳"], "2021-05-10"],
      [["notice", "3.xlsx", "--number", "〔2021〕6号", "-o", "文书.xlsx"], "2021-04-30"],
    ];
    for (const [argv, today] of steps) expect((await duban(dir, argv, today)).code).toBe(0);
    const file = path.join(dir, "文书.xlsx");
    book = await loadBook(file);
    await fsp.mkdir(OUT, { recursive: true });
    execFileSync("bash", [SCRIPT, file, OUT, ...sheets], { stdio: "pipe", timeout: 170_000 });
  }, 180_000);

  it.each(sheets.map((s) => [s]))("%s prints on exactly one A4 page", async (sheet) => {
    const info = await fsp.readFile(path.join(OUT, `${sheet}.info`), "utf8");
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/m);
    await expect(fsp.stat(path.join(OUT, `${sheet}-1.png`))).resolves.toBeTruthy();
  });

  it.each(sheets.map((s) => [s]))("%s shows every text of its sheet in the PDF", async (sheet) => {
    const pdfText = squeeze(await fsp.readFile(path.join(OUT, `${sheet}.txt`), "utf8"));
    const ws = book.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    const texts = sheetTexts(ws);
    expect(texts.length).toBeGreaterThan(15);
    const notFound = texts.filter((t) => !appearsIn(pdfText, squeeze(t)));
    expect(notFound).toEqual([]);
  });

  it("prints the dates of the notice as 2021年4月30日", async () => {
    const text = squeeze(await fsp.readFile(path.join(OUT, "通知单〔2021〕3号.txt"), "utf8"));
    for (const piece of ["2021年4月16日", "2021年4月30日", "11个工作日（至2021年4月30日）", "即2021年4月19日前"]) {
      expect(text).toContain(piece);
    }
  });
});
