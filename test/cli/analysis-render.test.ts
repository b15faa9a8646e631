/**
 * Printing the 督办分析报告 for real: `duban analysis -o`, the report's sheet split off by the
 * package writer (so its chart stays), then scripts/render-documents.sh (LibreOffice headless →
 * PDF → pdftotext, pdfinfo, pdftoppm). It must print on exactly one A4 page, with its chart and
 * every section's row — its name and its figures in order — in the PDF's text. The PNG is left
 * in out/documents for a person to look at.
 *
 * Runs when soffice and poppler-utils are installed; skipped with a message otherwise, except
 * under CI=true, where missing tools fail the test.
 */
import { execFileSync } from "child_process";
import { promises as fsp } from "fs";
import * as path from "path";
import { duban } from "./documents-helpers";
import { makeTempDir, removeDir } from "./helpers";
import { appearsIn, renderingTools, squeeze } from "./render-helpers";
import { ledgerGrids, ledgerWorkbook, TODAY } from "../domain/analysis/ledger-fixture";
import { grid } from "../domain/grid-helpers";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsx-workbook";
import { xlsxDocumentPort } from "../../src/adapters/xlsx/render-layout";
import { runAnalysis, writeAnalysisSheet } from "../../src/app/analysis";
import { semesterPeriod } from "../../src/domain/analysis/period";

const ROOT = path.resolve(__dirname, "../..");
const SCRIPT = path.join(ROOT, "scripts/render-documents.sh");
const OUT = path.join(ROOT, "out/documents");
const run = renderingTools("分析报告打印测试");

/** The numbers of a printed row, in order (counts and the rate). */
function numbersOf(line: string): string[] {
  return line.match(/\d+(?:\.\d+)?%?/g) ?? [];
}

interface Section {
  readonly section: string;
  readonly items: number;
  readonly closedOnTime: number;
  readonly closedLate: number;
  readonly terminated: number;
  readonly overdue: number;
  readonly inProgress: number;
  readonly onTimeRate: number | null;
  readonly urged: number;
  readonly accountability: number;
}

function printedFigures(s: Section): string[] {
  const rate = s.onTimeRate === null ? [] : [`${(s.onTimeRate * 100).toFixed(1)}%`];
  const counts = [s.items, s.closedOnTime, s.closedLate, s.terminated, s.overdue, s.inProgress].map(String);
  return [...counts, ...rate, String(s.urged), String(s.accountability)];
}

run("printing the 督办分析报告 through LibreOffice", () => {
  let dir: string;
  const cases: { name: string; sheet: string; sections: Section[] }[] = [];

  beforeAll(async () => {
    dir = makeTempDir();
    // The labelled ledger, and one with twelve sections (a big office) to check the page still holds.
    const big = ledgerGrids();
    const sections = [
      "办公室",
      "秘书科",
      "督导室",
      "组织科",
      "基础教育科",
      "安全管理科",
      "财务科",
      "体卫艺科",
      "人事科",
      "发展规划科",
      "职成教科",
      "宣传科",
    ];
    const rows = big[0].rows;
    const extra = sections.flatMap((s, i) =>
      [0, 1].map((k) => {
        const copy = [...rows[3 + ((i + k) % 20)]];
        copy[1] = { t: "string" as const, v: `〔2021〕${100 + i * 2 + k}号` };
        copy[8] = { t: "string" as const, v: s };
        return copy;
      }),
    );
    big[0] = { ...big[0], rows: [...rows, ...extra] };
    await ledgerWorkbook().xlsx.writeFile(path.join(dir, "登记表.xlsx"));
    await ledgerWorkbook([
      ...big.slice(0, 1),
      grid("设置", [
        ["项目", "值"],
        ["单位名称", "重庆市江津区教育委员会"],
      ]),
      ...big.slice(2),
    ]).xlsx.writeFile(path.join(dir, "大.xlsx"));
    for (const [name, file] of [
      ["labelled", "登记表.xlsx"],
      ["twelve sections", "大.xlsx"],
    ]) {
      const out = `报告-${name.replace(/\s/g, "")}.xlsx`;
      const r = await duban(dir, ["analysis", file, "--semester", "2021-spring", "-o", out, "--json"], TODAY);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.out);
      const sheet = `${json.sheet}`;
      await fsp.mkdir(path.join(OUT, name.replace(/\s/g, "")), { recursive: true });
      // The report alone, split off by the package writer (an ExcelJS split would drop the chart).
      const alone = path.join(dir, `单页-${out}`);
      const book = await XlsxWorkbook.load(path.join(dir, out));
      for (const other of await book.sheetNames()) if (other !== sheet) await book.deleteSheet(other);
      await fsp.writeFile(alone, await book.toBuffer());
      execFileSync("bash", [SCRIPT, alone, path.join(OUT, name.replace(/\s/g, "")), sheet], {
        stdio: "pipe",
        timeout: 170_000,
      });
      cases.push({ name, sheet, sections: json.sections });
    }
  }, 240_000);

  afterAll(() => removeDir(dir));

  const file = (name: string, sheet: string, ext: string) => path.join(OUT, name.replace(/\s/g, ""), `${sheet}${ext}`);

  it.each(["labelled", "twelve sections"])("%s: prints on exactly one A4 page, with its chart", async (name) => {
    const c = cases.find((x) => x.name === name)!;
    const info = await fsp.readFile(file(name, c.sheet, ".info"), "utf8");
    expect(info).toMatch(/^Pages:\s+1$/m);
    // The chart's title and legend are text LibreOffice draws from the chart part.
    const text = await fsp.readFile(file(name, c.sheet, ".txt"), "utf8");
    expect(squeeze(text)).toContain("按期办结、逾期办结、逾期未办结事项数（按督办科室）");
    expect(text).toMatch(/按期办结\s+逾期办结\s+逾期未办结/);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/m);
    await expect(fsp.stat(file(name, c.sheet, "-1.png"))).resolves.toBeTruthy();
  });

  it.each(["labelled", "twelve sections"])(
    "%s: every section's row is in the PDF, its figures in order",
    async (name) => {
      const c = cases.find((x) => x.name === name)!;
      const text = await fsp.readFile(file(name, c.sheet, ".txt"), "utf8");
      const lines = text.split("\n");
      expect(c.sections.length).toBeGreaterThanOrEqual(name === "labelled" ? 4 : 12);
      for (const s of c.sections) {
        const figures = printedFigures(s);
        const at = lines.findIndex(
          (line, i) =>
            numbersOf(line).join(" ") === figures.join(" ") &&
            appearsIn(squeeze(lines.slice(Math.max(0, i - 1), i + 2).join("")), squeeze(s.section)),
        );
        expect({ section: s.section, found: at >= 0 }).toEqual({ section: s.section, found: true });
      }
      for (const words of [
        "督办分析报告",
        "合计",
        "三、逾期未办结事项",
        "四、取消当年评优评先资格的单位",
        "五、分析与建议",
        "填报人",
      ]) {
        expect(squeeze(text)).toContain(words);
      }
    },
  );

  describe("with its native chart (parts drawn by the package writer)", () => {
    let text = "";
    let info = "";
    const name = "withchart";
    beforeAll(async () => {
      const book = await XlsxWorkbook.load(path.join(dir, "登记表.xlsx"));
      const result = await runAnalysis(book, { period: semesterPeriod(2021, "spring"), today: TODAY });
      const written = await writeAnalysisSheet(xlsxDocumentPort(book), result);
      for (const name of await book.sheetNames()) if (name !== written.sheetName) await book.deleteSheet(name);
      const file = path.join(dir, "带图.xlsx");
      // The package writer drew the chart's parts itself (the fixture injectCharts is not needed).
      await fsp.writeFile(file, await book.toBuffer());
      const out = path.join(OUT, name);
      await fsp.mkdir(out, { recursive: true });
      execFileSync("bash", [SCRIPT, file, out, written.sheetName], { stdio: "pipe", timeout: 170_000 });
      text = await fsp.readFile(path.join(out, `${written.sheetName}.txt`), "utf8");
      info = await fsp.readFile(path.join(out, `${written.sheetName}.info`), "utf8");
    }, 240_000);

    it("still prints on one A4 page, the chart's title and legend drawn from its parts", () => {
      expect(info).toMatch(/^Pages:\s+1$/m);
      expect(squeeze(text)).toContain("按期办结、逾期办结、逾期未办结事项数（按督办科室）");
      expect(text).toMatch(/按期办结\s+逾期办结\s+逾期未办结/);
    });
  });
});
