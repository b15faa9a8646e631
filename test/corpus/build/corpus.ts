/**
 * The corpus: one workbook per feature people keep in a ledger and a writer must not lose,
 * each also holding the same 督办事项登记表 and 统计 sheet so every command can run on it.
 *
 *   buildCorpus()            the workbooks in memory
 *   writeCorpus(dir)         writes them to dir (scripts/make-corpus.js does this from the shell)
 */
import * as fs from "fs";
import * as path from "path";
import { chartWorkbook, headerPictureWorkbook } from "./features-drawing";
import { pivotWorkbook } from "./features-pivot";
import { notesWorkbook, threadedCommentsWorkbook } from "./features-comments";
import {
  autofilterWorkbook,
  dataBarsWorkbook,
  hyperlinksWorkbook,
  pageBreaksWorkbook,
  sheetProtectionWorkbook,
  sparklinesWorkbook,
  tableWorkbook,
  validationsWorkbook,
} from "./features-sheet";
import {
  customPropertiesWorkbook,
  definedNamesWorkbook,
  externalLinkWorkbook,
  libreOfficeWorkbook,
  macroWorkbook,
  numberFormatsWorkbook,
  workbookProtectionWorkbook,
} from "./features-workbook";

export interface CorpusEntry {
  /** File name, e.g. "chart.xlsx". */
  readonly file: string;
  /** What the workbook holds, in Chinese, for test names and messages. */
  readonly feature: string;
  readonly build: () => Uint8Array;
}

export const CORPUS: readonly CorpusEntry[] = [
  { file: "chart.xlsx", feature: "图表和图表工作表", build: chartWorkbook },
  { file: "pivot.xlsx", feature: "数据透视表及其缓存", build: pivotWorkbook },
  { file: "sparklines.xlsx", feature: "迷你图（x14 扩展）", build: sparklinesWorkbook },
  { file: "threaded-comments.xlsx", feature: "线程批注及其人员", build: threadedCommentsWorkbook },
  { file: "external-link.xlsx", feature: "外部链接及引用它的公式", build: externalLinkWorkbook },
  { file: "macro.xlsm", feature: "启用宏的工作簿（VBA 工程）", build: macroWorkbook },
  { file: "custom-properties.xlsx", feature: "自定义文档属性（密级）", build: customPropertiesWorkbook },
  { file: "hyperlinks.xlsx", feature: "内部超链接", build: hyperlinksWorkbook },
  { file: "page-breaks.xlsx", feature: "手动分页符", build: pageBreaksWorkbook },
  { file: "header-footer-picture.xlsx", feature: "页眉图片", build: headerPictureWorkbook },
  { file: "autofilter.xlsx", feature: "自动筛选条件", build: autofilterWorkbook },
  { file: "workbook-protection.xlsx", feature: "工作簿结构保护", build: workbookProtectionWorkbook },
  { file: "defined-names.xlsx", feature: "公式定义的名称", build: definedNamesWorkbook },
  { file: "number-formats.xlsx", feature: "带反斜杠转义的数字格式", build: numberFormatsWorkbook },
  { file: "sheet-protection.xlsx", feature: "工作表保护密码（旧式）", build: sheetProtectionWorkbook },
  { file: "notes.xlsx", feature: "带作者的批注（一条始终显示）", build: notesWorkbook },
  { file: "table.xlsx", feature: "带标题行的 Excel 表格", build: tableWorkbook },
  { file: "data-bars.xlsx", feature: "渐变数据条（x14 扩展）", build: dataBarsWorkbook },
  { file: "data-validations.xlsx", feature: "数据验证", build: validationsWorkbook },
  { file: "libreoffice.xlsx", feature: "LibreOffice 保存的工作簿（无主题部件）", build: libreOfficeWorkbook },
];

/** Every corpus workbook with its bytes. */
export function buildCorpus(): { entry: CorpusEntry; bytes: Uint8Array }[] {
  return CORPUS.map((entry) => ({ entry, bytes: entry.build() }));
}

/** Writes the corpus into `dir` (created when missing); returns the paths written. */
export function writeCorpus(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return buildCorpus().map(({ entry, bytes }) => {
    const file = path.join(dir, entry.file);
    fs.writeFileSync(file, bytes);
    return file;
  });
}
