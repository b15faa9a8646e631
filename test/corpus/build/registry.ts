/**
 * The 督办事项登记表 every corpus workbook holds, as an office keeps it: a merged title row,
 * the 14 official headers (some broken over two lines), eight items — some numbered, some
 * not, one overdue on 2026-11-25, two due around 2026-12-02, one from last year, one ended —
 * 序号 as =ROW()-2, dates as serial numbers with a date format; and a 统计 sheet whose
 * formulas count the registry (COUNTIF, COUNTA, MAX) so LibreOffice has something to recalculate.
 * One item is typed the way clerks type (紧急程度 平件, 密级 非密): warnings `duban fix` corrects.
 */
import { OFFICIAL_COLUMNS } from "../../../src/domain/columns";
import type { CellInput, SheetBuilder } from "./sheet";
import { WorkbookBuilder, type Flavour } from "./workbook-builder";

export const REGISTRY = "督办事项登记表";
export const STATS = "统计";

/** Where the printed form breaks a header over two lines (characters on the first line). */
const FORM_BREAKS: Readonly<Record<string, number>> = {
  来文编号: 2,
  紧急程度: 2,
  任务下达时间: 3,
  要求完成时间: 3,
  承办单位负责人: 4,
  签收日期: 2,
};

/** The 14 official headers as printed on attachment 3 (line breaks where the form has them). */
export const HEADERS: readonly string[] = OFFICIAL_COLUMNS.map(({ header }) =>
  FORM_BREAKS[header] ? `${header.slice(0, FORM_BREAKS[header])}\n${header.slice(FORM_BREAKS[header])}` : header,
);

/** Serial number of an ISO day in the 1900 date system. */
export function serial(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000);
}

type Item = readonly [
  number: string,
  content: string,
  doc: string,
  urgency: string,
  secrecy: string,
  issued: string,
  due: string,
  section: string,
  assisting: string,
  head: string,
  signed: string,
  result: string,
  remarks: string,
];

/** The items (columns B…N); "" is a blank cell. */
export const ITEMS: readonly Item[] = [
  [
    "〔2026〕1号",
    "落实全区中小学校园安全隐患排查整治工作",
    "江津教发〔2026〕12号",
    "一般",
    "公开",
    "2026-01-10",
    "2026-03-31",
    "督导室",
    "办公室",
    "王敏",
    "2026-01-12",
    "按期办结",
    "",
  ],
  [
    "〔2026〕2号",
    "完成义务教育学校课后服务经费核算",
    "江津府办〔2026〕33号",
    "加急",
    "内部",
    "2026-09-01",
    "2026-11-20",
    "办公室",
    "财务科、基础教育科",
    "刘洋",
    "2026-09-03",
    "",
    "已电话催办",
  ],
  [
    "",
    "组织开展冬季学生防溺水、防一氧化碳中毒专项教育",
    "江津教发〔2026〕88号",
    "特急",
    "公开",
    "2026-11-02",
    "2026-12-02",
    "秘书科",
    "",
    "陈静",
    "2026-11-03",
    "",
    "",
  ],
  [
    "〔2026〕3号",
    "推进教师“县管校聘”管理改革试点",
    "区委批转〔2026〕5号",
    "一般",
    "公开",
    "2026-06-15",
    "2026-12-31",
    "组织科",
    "人事科",
    "赵刚",
    "2026-06-16",
    "正在推进",
    "",
  ],
  [
    "",
    "编制2027年教育事业发展计划（征求意见稿）",
    "",
    "平件",
    "非密",
    "2026-11-18",
    "2027-01-15",
    "办公室",
    "规划科",
    "",
    "",
    "",
    "",
  ],
  [
    "〔2026〕4号",
    "筹建城区第二幼儿园（因规划调整停止）",
    "江津府办〔2026〕7号",
    "一般",
    "公开",
    "2026-03-02",
    "2026-09-30",
    "督导室",
    "",
    "孙丽",
    "2026-03-05",
    "终止",
    "区政府会议纪要〔2026〕9号",
  ],
  [
    "",
    "整改2025年度审计反馈的食堂财务管理问题",
    "审计报告〔2025〕14号",
    "加急",
    "内部",
    "2025-12-20",
    "2026-02-28",
    "督导室",
    "财务科",
    "周强",
    "2025-12-22",
    "",
    "",
  ],
  [
    "〔2026〕5号",
    "完成学校安全视频监控平台接入",
    "江津教发〔2026〕90号",
    "一般",
    "公开",
    "2026-11-09",
    "2026-12-03",
    "秘书科",
    "",
    "吴芳",
    "2026-11-10",
    "",
    "",
  ],
];

/** First item row (the title is row 1, the header row 2). */
export const FIRST_ITEM_ROW = 3;
export const LAST_ITEM_ROW = FIRST_ITEM_ROW + ITEMS.length - 1;
/** The overdue item every document command (notice, report, remind) is run for. */
export const DOCUMENT_NUMBER = "〔2026〕2号";
export const SECTIONS = ["督导室", "办公室", "秘书科", "组织科"];
/** The year `archive` is run for, and the rows of the items it moves (closed or ended, issued that year). */
export const ARCHIVE_YEAR = 2026;
export const ARCHIVED_ROWS = ITEMS.flatMap((item, k) =>
  item[5].startsWith(String(ARCHIVE_YEAR)) && ["按期办结", "终止"].includes(item[11]) ? [FIRST_ITEM_ROW + k] : [],
);

const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
const DATE_COLUMNS = new Set([5, 6, 10]); // issued, due, signed within an Item

export interface RegistryOptions {
  readonly flavour?: Flavour;
  /** Headers on one line (a table's column names must equal its header cells). */
  readonly singleLineHeaders?: boolean;
}

/** The registry sheet's cells; returns the sheet. */
export function writeRegistry(wb: WorkbookBuilder, options: RegistryOptions = {}): SheetBuilder {
  const ws = wb.addSheet(REGISTRY);
  const st = wb.styles;
  const title = st.xf({ font: "title", center: true });
  const header = st.xf({ font: "header", fill: "header", border: true, wrap: true, center: true });
  const text = st.xf({ border: true, wrap: true });
  const date = st.xf({ border: true, numFmt: DATE_FORMAT });
  const seq = st.xf({ border: true, center: true });
  ws.set("A1", "江津区教育委员会督办事项登记表", title).merge("A1:N1").row(1, 'ht="30" customHeight="1"');
  const cols = "ABCDEFGHIJKLMN";
  HEADERS.forEach((h, i) => ws.set(`${cols[i]}2`, options.singleLineHeaders ? h.replace(/\n/g, "") : h, header));
  ws.row(2, 'ht="36" customHeight="1"');
  ITEMS.forEach((item, k) => {
    const r = FIRST_ITEM_ROW + k;
    ws.set(`A${r}`, { f: "ROW()-2", v: k + 1 }, seq);
    item.forEach((value, i) => {
      const ref = `${cols[i + 1]}${r}`;
      if (value === "") ws.set(ref, null, text);
      else if (DATE_COLUMNS.has(i)) ws.set(ref, serial(value), date);
      else ws.set(ref, value, text);
    });
  });
  const widths = [5, 13, 46, 20, 6, 6, 15, 15, 12, 18, 9, 15, 10, 22];
  ws.add(
    "cols",
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`,
  );
  ws.add(
    "sheetViews",
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="C3" sqref="C3"/></sheetView></sheetViews>',
  );
  ws.add("pageSetup", '<pageSetup paperSize="9" orientation="landscape"/>');
  return ws;
}

/** The values the 统计 formulas give for the registry above. */
function countOf(section: string): number {
  return ITEMS.filter((i) => i[7] === section).length;
}

/** The 统计 sheet: counts by section, COUNTA of the contents, the latest deadline, a monthly series. */
export function writeStats(wb: WorkbookBuilder): SheetBuilder {
  const ws = wb.addSheet(STATS);
  const reg = `${REGISTRY}!`;
  ws.set("A1", "督办事项统计", wb.styles.xf({ font: "header" }));
  ws.set("A2", "科室").set("B2", "事项数");
  SECTIONS.forEach((s, k) => {
    ws.set(`A${3 + k}`, s).set(`B${3 + k}`, { f: `COUNTIF(${reg}$I$3:$I$200,A${3 + k})`, v: countOf(s) });
  });
  ws.set("A7", "合计").set("B7", { f: "SUM(B3:B6)", v: ITEMS.length });
  ws.set("A8", "事项总数（COUNTA）").set("B8", { f: `COUNTA(${reg}$C$3:$C$200)`, v: ITEMS.length });
  const latest = Math.max(...ITEMS.map((i) => serial(i[6])));
  ws.set("A9", "最晚要求完成时间").set(
    "B9",
    { f: `MAX(${reg}$H$3:$H$200)`, v: latest },
    wb.styles.xf({ numFmt: DATE_FORMAT }),
  );
  const months: CellInput[] = ["新增事项（7—12月）", 2, 3, 1, 4, 2, 5];
  months.forEach((v, i) => ws.set(`${"ABCDEFG"[i]}10`, v));
  ws.add(
    "cols",
    '<cols><col min="1" max="1" width="20" customWidth="1"/><col min="2" max="2" width="14" customWidth="1"/></cols>',
  );
  return ws;
}

/** A workbook holding the registry and the 统计 sheet, ready for a feature to add to. */
export function registryWorkbook(options: RegistryOptions = {}): {
  wb: WorkbookBuilder;
  registry: SheetBuilder;
  stats: SheetBuilder;
} {
  const wb = new WorkbookBuilder(options.flavour ?? "excel");
  const registry = writeRegistry(wb, options);
  const stats = writeStats(wb);
  return { wb, registry, stats };
}
