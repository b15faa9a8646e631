/**
 * fast-check generators for registry workbooks as offices make them: a header band anywhere
 * near the top-left, any subset of the known columns under their canonical names or aliases
 * (with line breaks, stray spaces, required marks), title rows, rows of cells typed the ways
 * clerks type them (and some no clerk would), merged ranges, and 设置 / 工作日历 sheets.
 * Every test using them runs with a fixed seed and a bounded number of runs.
 */
import fc from "fast-check";
import type { CellValue, CellRange, SheetGrid } from "../../src/domain/cell";
import { ALL_COLUMNS } from "../../src/domain/columns";

/** The seed every property test uses, so a failure reproduces. */
export const SEED = 20261125;

/** Texts clerks type into ledgers: numbers, dates, words of the vocabularies, and wrong forms of each. */
const VOCABULARY = [
  "〔2021〕3号",
  "[2021]3号",
  "【2021】3号",
  "(2021)3号",
  "〔21〕3号",
  "〔2021〕03号",
  "〔2021〕第3号",
  "江津教督〔2026〕1号",
  "〔2026〕1号",
  "〔2026〕1号",
  "2021-03-05",
  "2021/3/5",
  "2021.3.5",
  "2021年3月5日",
  "2021年3月5号",
  "2021-03-05 14:30",
  "2021-02-30",
  "4月30日",
  "12月31日前",
  "20210305",
  "长期",
  "长期坚持",
  "持续推进",
  "办结",
  "已办结",
  "按期办结",
  "逾期办结",
  "延期办结",
  "尚未办结",
  "正在推进",
  "部分完成",
  "终止",
  "已终止",
  "待定",
  "特急",
  "加急",
  "一般",
  "特急件",
  "急件",
  "平件",
  "普通",
  "公开",
  "内部",
  "秘密",
  "机密",
  "绝密",
  "秘密★1年",
  "机密★长期",
  "无",
  "非密",
  "/",
  "区委批转",
  "区政府批转",
  "主要领导批示",
  "主任办公会",
  "工委会",
  "其他",
  "是",
  "否",
  "督导室",
  "办公室",
  "秘书科",
  "组织科",
  "财务科、基础教育科",
  "合计",
  "小计",
  "制表人：张三",
  "审核人：",
  "序号",
  "督办事项编号",
  " ",
  "\n",
  "　",
];

const ERRORS = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?"];

/** An ISO date between 1900 and 2199. */
export const isoDate = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** A "today" a clerk could run the tool on. */
export const today = fc
  .date({ min: new Date(Date.UTC(2015, 0, 1)), max: new Date(Date.UTC(2035, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Any cell value the adapters hand the engine. */
export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<CellValue>({ t: "empty" }) },
  { weight: 6, arbitrary: fc.constantFrom(...VOCABULARY).map((v): CellValue => ({ t: "string", v })) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: "grapheme" }).map((v): CellValue => ({ t: "string", v })) },
  { weight: 2, arbitrary: fc.integer({ min: 20000, max: 60000 }).map((v): CellValue => ({ t: "number", v })) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 20000, max: 60000 }).map((v): CellValue => ({ t: "number", v, fmt: "yyyy-mm-dd" })),
  },
  {
    weight: 1,
    arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v): CellValue => ({ t: "number", v })),
  },
  { weight: 3, arbitrary: isoDate.map((v): CellValue => ({ t: "date", v })) },
  { weight: 1, arbitrary: fc.boolean().map((v): CellValue => ({ t: "bool", v })) },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((v): CellValue => ({ t: "error", v })) },
);

/** A header cell's text for a column: its name or an alias, decorated as people write them. */
const headerText = (names: readonly string[]) =>
  fc.tuple(fc.constantFrom(...names), fc.nat(3), fc.integer({ min: 0, max: 4 })).map(([name, breakAt, decoration]) => {
    const broken = breakAt > 0 && breakAt < name.length ? `${name.slice(0, breakAt)}\n${name.slice(breakAt)}` : name;
    return [broken, ` ${broken} `, `*${broken}`, `${broken}（必填）`, `${broken}：`][decoration];
  });

/** A header band: some known columns (canonical or alias), perhaps an unknown one, in some order. */
const headers = fc
  .tuple(fc.subarray([...ALL_COLUMNS], { minLength: 1 }), fc.boolean(), fc.boolean())
  .chain(([columns, shuffle, unknown]) => {
    const texts = columns.map((c) => headerText([c.header, ...c.aliases]));
    const all = unknown ? [...texts, fc.constantFrom("经办人", "联系电话", "说明")] : texts;
    return fc
      .tuple(...all)
      .chain((hs) => (shuffle ? fc.shuffledSubarray(hs, { minLength: hs.length }) : fc.constant(hs)));
  });

/** Merged ranges inside a grid of `rows` × `cols` (they may overlap: the engine must cope). */
const merges = (rows: number, cols: number): fc.Arbitrary<CellRange[]> =>
  fc.array(
    fc
      .tuple(fc.integer({ min: 1, max: rows }), fc.integer({ min: 1, max: cols }), fc.nat(3), fc.nat(2))
      .map(([top, left, h, w]) => ({ top, left, bottom: Math.min(rows, top + h), right: Math.min(cols, left + w) })),
    { maxLength: 3 },
  );

/** A sheet of random cells (a 设置 or 工作日历 the person edited, or any other sheet). */
export const looseSheet = (name: string): fc.Arbitrary<SheetGrid> =>
  fc.array(fc.array(cellValue, { minLength: 1, maxLength: 6 }), { maxLength: 12 }).map((rows) => {
    const width = Math.max(0, ...rows.map((r) => r.length));
    return { name, rows: rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill({ t: "empty" })]) };
  });

/** A registry sheet: title rows, a header band at an offset, item rows, merges. */
export const registrySheet: fc.Arbitrary<SheetGrid> = fc
  .record({
    name: fc.constantFrom("督办事项登记表", "2026年", "台账", "Sheet1"),
    titleRows: fc.nat(3),
    left: fc.nat(2),
    headers,
    body: fc.array(fc.array(cellValue, { minLength: 0, maxLength: 26 }), { maxLength: 25 }),
  })
  .chain(({ name, titleRows, left, headers: hs, body }) => {
    const width = left + Math.max(hs.length, ...body.map((r) => r.length));
    const pad = (cells: readonly CellValue[]) =>
      [...cells, ...new Array<CellValue>(Math.max(0, width - cells.length)).fill({ t: "empty" })].slice(0, width);
    const blank = new Array<CellValue>(left).fill({ t: "empty" });
    const rows: CellValue[][] = [];
    for (let i = 0; i < titleRows; i++)
      rows.push(pad([...blank, { t: "string", v: i === 0 ? "督办事项登记表" : "填报单位：办公室" }]));
    rows.push(pad([...blank, ...hs.map((v): CellValue => ({ t: "string", v }))]));
    for (const r of body) rows.push(pad([...blank, ...r]));
    return merges(rows.length, Math.max(1, width)).map((m) => ({ name, rows, merges: m }));
  });

/** A workbook's grids: a registry, and perhaps 设置, 工作日历 and another sheet. */
export const workbookGrids: fc.Arbitrary<SheetGrid[]> = fc
  .tuple(registrySheet, fc.option(looseSheet("设置")), fc.option(looseSheet("工作日历")), fc.option(looseSheet("说明")))
  .map(([registry, ...others]) => [registry, ...others.filter((g): g is SheetGrid => g !== null)]);
