/**
 * Use cases: the documents of one item (duban notice / report / remind, the task pane's
 * 生成通知单 …). Find the item by its number — typed in any recognisable spelling — build its
 * layout with the engine, and hand the layout to the port, which draws it as a new sheet.
 * A sheet of the same name is never silently overwritten: the new one gets (2), (3)… unless
 * the caller asks to replace it. A 催办提示单 also appends its row to the 催办记录 sheet.
 */
import type { IsoDate } from "../domain/cell";
import type { RegistryItem } from "../domain/model";
import { formatNumber, numberValues, parseNumber } from "../domain/numbers";
import { compareIso } from "../domain/dates";
import { effectiveDeadline, isClosed, isTerminated } from "../domain/status";
import type { SheetLayout } from "../domain/layout/types";
import { buildNotice } from "../domain/documents/notice";
import { buildReport } from "../domain/documents/report";
import { buildRemind, replyByDate } from "../domain/documents/remind";
import { closestNumbers } from "../domain/documents/closest-numbers";
import { documentSheetName, printedNumber, type DocumentKind } from "../domain/documents/common";
import { findSheetName, uniqueSheetName } from "../domain/sheet-name";
import { appendLogRows } from "./log-append";
import {
  readRemindLog,
  REMIND_LOG_HEADERS,
  REMIND_LOG_SHEET,
  remindLogCells,
  remindLogLayout,
  timesUrged,
  type RemindLogEntry,
  type RemindMethod,
} from "../domain/documents/remind-log";
import type { WorkbookPort } from "./port";
import { loadRegistry, type LoadedRegistry } from "./registry";
import { CodedError } from "./errors";

/** How a layout goes into the workbook: as a new sheet, or in place of the sheet of its name. */
export type LayoutMode = "add" | "replace";

/** What document use cases need beyond reading and writing cells: drawing a whole sheet. */
export interface LayoutPort {
  /**
   * Draws a layout as a worksheet named `layout.name`. "add": no sheet has that name (the use
   * case made sure). "replace": the sheet of that name is replaced, keeping its position.
   */
  writeLayout(layout: SheetLayout, mode: LayoutMode): Promise<void>;
}

export type DocumentPort = WorkbookPort & LayoutPort;

/** Why a document could not be made. */
export type DocumentErrorCode = "unknown-number" | "duplicate-number" | "bad-number";

/** A document use case failure: a code, one Chinese line, and the numbers to suggest. */
export class DocumentError extends CodedError<DocumentErrorCode> {
  override readonly name = "DocumentError";

  constructor(
    code: DocumentErrorCode,
    message: string,
    /** Existing numbers closest to the one asked for (unknown-number only). */
    readonly closest: readonly string[] = [],
  ) {
    super(code, message);
  }
}

export interface DocumentRequest {
  /** 督办事项编号 as typed: `〔2021〕3号`, `[2021]3号`, `(2021)03号` … */
  readonly number: string;
  readonly today: IsoDate;
  /** Replace a sheet of the same name instead of adding `(2)`. */
  readonly replace?: boolean;
  /** 经办人. */
  readonly handler?: string;
  /** 催办方式 (催办提示单 by default); remind only. */
  readonly method?: RemindMethod;
  /** Look for the number on this ledger sheet only (`--sheet NAME`); any ledger sheet by default. */
  readonly sheet?: string;
}

export interface DocumentResult {
  readonly kind: DocumentKind;
  /** The item's number in its correct form. */
  readonly number: string;
  /** The ledger sheet of the item. */
  readonly ledgerSheet: string;
  /** 1-based registry row of the item. */
  readonly row: number;
  /** The sheet written. */
  readonly sheetName: string;
  /** True when an existing sheet of that name was replaced. */
  readonly replaced: boolean;
  /** Things the person should know (missing fields, an item not overdue …), in Chinese. */
  readonly warnings: readonly string[];
  readonly layout: SheetLayout;
  /** remind only: the 催办记录 row written (null when a same-day entry was reused) and the count. */
  readonly log?: { readonly sheet: string; readonly row: number | null; readonly timesUrged: number };
}

/** Where an item is, as a message names it: 第 5 行, or 工作表“2022年”第 5 行 when there are several sheets. */
function placeOf(item: RegistryItem, items: readonly RegistryItem[]): string {
  const several = items.some((i) => i.sheet !== item.sheet);
  return several ? `工作表“${item.sheet}”第 ${item.row} 行` : `第 ${item.row} 行`;
}

/**
 * The item with a number, on any ledger sheet, compared in the correct form so any
 * recognisable spelling finds it (an item whose cell holds two numbers is found by either).
 * Throws DocumentError: bad-number (not a number at all — and when a row holds that very text,
 * the advice to correct that row first), duplicate-number (several items), unknown-number
 * (none; with the closest existing numbers, never the text asked for itself).
 * @example findItemByNumber(items, "[2021]3号").number // "〔2021〕3号"
 */
export function findItemByNumber(items: readonly RegistryItem[], number: string): RegistryItem {
  const parsed = parseNumber(number);
  const asked = compactNumber(number);
  const existing = items.map((i) => i.number).filter((n) => n.trim() !== "" && compactNumber(n) !== asked);
  if (!parsed.value) {
    const closest = closestNumbers(number, existing).filter((n) => compactNumber(n) !== asked);
    const same = items.filter((i) => compactNumber(i.number) === asked);
    const advice =
      same.length > 0
        ? `；${same.map((i) => placeOf(i, items)).join("、")}填写的就是“${number.trim()}”，请先把编号改为〔年份〕序号号的规范形式（可运行 duban fix 或按 duban check 的建议修改），再生成文书`
        : suggestion(closest);
    throw new DocumentError(
      "bad-number",
      `无法识别督办事项编号“${number}”（应为〔2021〕3号 的形式）${advice}`,
      closest,
    );
  }
  const wanted = formatNumber(parsed.value);
  const matches = items.filter((i) => numberValues(i.number).some((v) => formatNumber(v) === wanted));
  if (matches.length > 1) {
    throw new DocumentError(
      "duplicate-number",
      `编号 ${wanted} 在登记表中重复（${matches.map((m) => placeOf(m, items)).join("、")}），请先更正编号`,
    );
  }
  if (matches.length === 0) {
    const closest = closestNumbers(wanted, existing);
    throw new DocumentError("unknown-number", `登记表中没有编号为 ${wanted} 的事项${suggestion(closest)}`, closest);
  }
  return matches[0];
}

/** A number's text without white space, for comparing what was typed with what a cell holds. */
function compactNumber(text: string): string {
  return text.replace(/[\s\u3000]+/g, "");
}

/** The number a document is about: the one asked for when the item's cell holds several. */
function numberOfRequest(item: RegistryItem, asked: string): string {
  const values = numberValues(item.number);
  if (values.length <= 1) return printedNumber(item.number);
  const wanted = parseNumber(asked).value;
  return wanted ? formatNumber(wanted) : printedNumber(item.number);
}

function suggestion(closest: readonly string[]): string {
  return closest.length === 0 ? "" : `；最接近的编号：${closest.join("、")}`;
}

/** Warnings about an item for a kind of document (fields the form needs, odd timing). */
function warningsFor(kind: DocumentKind, item: RegistryItem, today: IsoDate): string[] {
  const w: string[] = [];
  if (item.content.trim() === "") w.push("督办事项内容为空，文书中该栏为空白");
  if (item.section.trim() === "") w.push("督办科室或单位为空，文书中该栏为空白");
  const deadline = effectiveDeadline(item);
  if (kind === "notice" || kind === "remind") {
    if (deadline === null) w.push("要求完成时间为空，文书中的期限留空待填");
    if (item.hostUnit.trim() === "" && item.hostHead.trim() === "") w.push("承办单位为空，文书中该栏为空白");
  }
  if (kind === "report" && !isClosed(item))
    w.push("该事项尚未办结（办结日期、督办结果均未注明办结），请核实后再报送书面报告");
  if (kind === "remind") {
    if (isClosed(item) || isTerminated(item)) w.push("该事项已办结或已终止，一般无需催办");
    else if (deadline !== null && compareIso(today, deadline) <= 0) w.push("该事项尚未逾期，本单按进展缓慢催办");
  }
  return w;
}

/** The name to write a document under, and whether that replaces a sheet. */
function placeSheet(wish: string, existing: readonly string[], replace: boolean): { name: string; mode: LayoutMode } {
  const same = findSheetName(wish, existing);
  if (replace && same !== undefined) return { name: same, mode: "replace" };
  return { name: uniqueSheetName(wish, existing), mode: "add" };
}

/**
 * Generates a document of one item and writes it as a new sheet (or in place of the sheet of
 * its name with `replace`). A bounded number of port calls whatever the registry's size: the
 * registry read, the sheet names, one layout written — and, for a 催办提示单, one read of the
 * 催办记录 sheet and one write of its new row (plus the new sheet when there is none).
 * @example await generateDocument(port, "notice", { number: "[2021]3号", today: "2021-04-16" })
 *   // { sheetName: "通知单〔2021〕3号", replaced: false, warnings: [], … }
 */
export async function generateDocument(
  port: DocumentPort,
  kind: DocumentKind,
  request: DocumentRequest,
): Promise<DocumentResult> {
  const loaded = await loadRegistry(port, request.today, request.sheet === undefined ? {} : { sheet: request.sheet });
  const { settings, calendar } = loaded;
  const item = findItemByNumber(loaded.items, request.number);
  const number = numberOfRequest(item, request.number);
  const existing = await port.sheetNames();
  const { name, mode } = placeSheet(documentSheetName(kind, number), existing, request.replace === true);
  const placed = {
    kind,
    number,
    ledgerSheet: item.sheet,
    row: item.row,
    sheetName: name,
    replaced: mode === "replace",
    warnings: warningsFor(kind, item, request.today),
  };
  const handler = request.handler?.trim() ?? "";
  if (kind === "remind") {
    const urged = { item, number, name, mode, existing, handler };
    return { ...placed, ...(await writeRemind(port, loaded, request, urged)) };
  }
  const build = kind === "notice" ? buildNotice : buildReport;
  const layout = build(item, settings, calendar, request.today, { sheetName: name, handler });
  await port.writeLayout(layout, mode);
  return { ...placed, layout };
}

/** The 催办提示单 being written: its item and number, its sheet, the workbook's sheets, the handler. */
interface Urging {
  readonly item: RegistryItem;
  readonly number: string;
  readonly name: string;
  readonly mode: LayoutMode;
  readonly existing: readonly string[];
  readonly handler: string;
}

/**
 * Writes a 催办提示单 and records the urging in 催办记录: earlier urgings are counted from the
 * log; regenerating (replace) on the same day for the same item and method is the same urging,
 * so it is neither counted twice nor logged twice.
 */
async function writeRemind(
  port: DocumentPort,
  loaded: LoadedRegistry,
  request: DocumentRequest,
  u: Urging,
): Promise<Pick<DocumentResult, "layout" | "log">> {
  const { settings, calendar } = loaded;
  const logName = findSheetName(REMIND_LOG_SHEET, u.existing);
  // loadRegistry reads only the sheets it needs: read the log when it was not among them.
  const logGrid =
    logName === undefined
      ? undefined
      : (loaded.grids.find((g) => g.name === logName) ??
        (await port.readSheets([logName])).find((g) => g.name === logName));
  const log = logGrid ? readRemindLog(logGrid) : undefined;
  const method: RemindMethod = request.method ?? "催办提示单";
  const entries = log?.entries ?? [];
  const sameUrging =
    u.mode === "replace"
      ? entries.find((e) => printedNumber(e.number) === u.number && e.date === request.today && e.method === method)
      : undefined;
  const previousUrges = timesUrged(entries, u.number) - (sameUrging ? 1 : 0);
  const extra = { sheetName: u.name, handler: u.handler, previousUrges };
  const layout = buildRemind(u.item, settings, calendar, request.today, extra);
  await port.writeLayout(layout, u.mode);
  if (sameUrging)
    return { layout, log: { sheet: logName ?? REMIND_LOG_SHEET, row: null, timesUrged: previousUrges + 1 } };

  const entry: RemindLogEntry = {
    date: request.today,
    number: u.number,
    method,
    handler: u.handler,
    replyBy: replyByDate(calendar, request.today, settings.remindReplyDays),
  };
  const read = logName === undefined ? undefined : (log ?? readRemindLog({ name: logName, rows: [] }));
  const written = await appendLogRows(port, {
    defs: REMIND_LOG_HEADERS,
    sheetName: REMIND_LOG_SHEET,
    existing: [...u.existing, u.name],
    log: read && logName !== undefined ? { ...read, sheet: logName, grid: logGrid } : undefined,
    layout: remindLogLayout,
    rows: [remindLogCells(entry)],
  });
  return { layout, log: { sheet: written.sheet, row: written.firstRow, timesUrged: previousUrges + 1 } };
}
