/**
 * The registry the browser tests open (standalone) or inject into the fake Excel: a title row,
 * the header, five items in every state on 2026-12-02, a number in the wrong form (a fix is
 * offered), an unnumbered item, and a 设置 sheet with a principal leader.
 */
import * as ExcelJS from "exceljs";
import { EXTENSION_COLUMNS, OFFICIAL_COLUMNS } from "../../src/domain/columns";
import { isoToSerial } from "../../src/domain/dates";

export const TODAY = "2026-12-02";
export const HEADERS: readonly string[] = [
  ...OFFICIAL_COLUMNS.map((c) => c.header),
  ...EXTENSION_COLUMNS.filter((c) => c.key !== "status").map((c) => c.header),
];
const DATE_HEADERS = new Set(
  [...OFFICIAL_COLUMNS, ...EXTENSION_COLUMNS].filter((c) => c.kind === "date").map((c) => c.header),
);

type Row = Readonly<Record<string, string | number>>;
const base = {
  紧急程度: "一般",
  密级: "公开",
  任务下达时间: "2026-11-02",
  督办科室或单位: "办公室",
  承办单位: "江津区第二中学",
};
export const ITEMS: readonly Row[] = [
  { ...base, 督办事项编号: "〔2026〕1号", 督办事项内容: "校园安全隐患大排查", 要求完成时间: "2026-11-30" },
  { ...base, 督办事项编号: "〔2026〕2号", 督办事项内容: "食堂食品安全整改", 要求完成时间: "2026-12-03" },
  { ...base, 督办事项编号: "[2026]3号", 督办事项内容: "<b>课后服务</b>经费公示", 要求完成时间: "2026-12-31" },
  { ...base, 督办科室或单位: "督导室", 督办事项内容: "教师培训学时统计", 要求完成时间: "2027-01-29" },
  {
    ...base,
    督办事项编号: "〔2026〕4号",
    督办事项内容: "防溺水宣传",
    要求完成时间: "2026-11-20",
    办结日期: "2026-11-18",
    督办结果: "按期办结",
  },
];
export const SETTINGS: readonly (readonly (string | number)[])[] = [
  ["项目", "值"],
  ["单位名称", "重庆市江津区教育委员会"],
  ["编号前缀", ""],
  ["临期预警工作日", 3],
  ["催办回复工作日", 3],
  ["联系电话", "023-47521234"],
  ["电子邮箱", ""],
  [],
  ["科室/单位"],
  ["办公室"],
  ["督导室"],
  [],
  [],
  ["领导", "职务", "主要领导"],
  ["张三", "主任", "是"],
  ["李四", "副主任", "否"],
];

/** Raw values from A1 as Office.js holds them (dates as serial numbers). */
export function registryValues(): (string | number)[][] {
  const rows: (string | number)[][] = [["督办事项登记表", ...HEADERS.slice(1).map(() => "")], [...HEADERS]];
  ITEMS.forEach((item, i) =>
    rows.push(
      HEADERS.map((h) => {
        if (h === "序号") return i + 1;
        const v = item[h] ?? "";
        return DATE_HEADERS.has(h) && typeof v === "string" && v !== "" ? isoToSerial(v) : v;
      }),
    ),
  );
  return rows;
}

/** The same registry as an .xlsx (dates as real dates with the 年月日 format). */
export async function registryBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("督办事项登记表");
  registryValues().forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (v === "") return;
      const cell = ws.getCell(r + 1, c + 1);
      if (r >= 2 && DATE_HEADERS.has(HEADERS[c]) && typeof v === "number") {
        const iso = ITEMS[r - 2][HEADERS[c]] as string;
        cell.value = new Date(`${iso}T00:00:00Z`);
        cell.numFmt = 'yyyy"年"m"月"d"日"';
      } else cell.value = v;
    }),
  );
  ws.mergeCells(1, 1, 1, HEADERS.length);
  const settings = wb.addWorksheet("设置");
  SETTINGS.forEach((cells, r) => cells.forEach((v, c) => (settings.getCell(r + 1, c + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
