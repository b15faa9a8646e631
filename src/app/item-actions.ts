/**
 * Use cases: what the office does to one item — 销号 (close it: 办结日期 and 督办结果), 延期
 * (extend it: 延期至 and 延期批准人, a principal leader of 设置) and 终止 (terminate it: 督办结果
 * 终止 and the approving principal leader in 延期批准人). Each writes exactly the cells it sets,
 * through the 操作日志 when the port keeps one (so 撤销上次操作 takes it back), then reads the
 * registry again and returns the checks of that row — the write is verified by the same rules
 * as everything typed by hand.
 */
import { EMPTY, type CellValue, type IsoDate } from "../domain/cell";
import { isValidIso, compareIso, formatChineseDate } from "../domain/dates";
import type { ColumnKey } from "../domain/columns";
import { isClosed, isTerminated, classifyItem, effectiveDeadline } from "../domain/status";
import { resultCloses } from "../domain/vocabulary";
import type { Issue, LedgerReading, RegistryItem, Status } from "../domain/model";
import { HEADER_OF } from "../domain/registry";
import { CALENDAR_ISSUE_COLUMN } from "../domain/calendar-sheet";
import { SETTINGS_ISSUE_COLUMN } from "../domain/settings";
import type { CellWrite, WorkbookPort } from "./port";
import { operationLabel } from "./operations";
import { writeOperation, type LoggedOutcome } from "./ports/operation-log";
import { loadRegistry, type LoadedRegistry } from "./registry";
import { ledgerWrite, placeItemWrite } from "./write-target";
import { CodedError } from "./errors";

/** The row an action is about (any row of the item; sheet: the first ledger sheet when omitted). */
export interface ItemRef {
  readonly row: number;
  readonly sheet?: string;
}

export type ItemAction =
  | (ItemRef & { readonly kind: "close"; readonly closedOn: IsoDate; readonly result: string })
  | (ItemRef & { readonly kind: "extend"; readonly extendedTo: IsoDate; readonly approver: string })
  | (ItemRef & { readonly kind: "terminate"; readonly approver: string });

export const ITEM_ACTION_ERROR_CODES = [
  "not-an-item",
  "missing-column",
  "bad-date",
  "date-in-future",
  "date-before-issue",
  "result-not-closing",
  "not-later",
  "no-principal",
  "not-principal",
  "already-closed",
  "already-terminated",
] as const;

export type ItemActionErrorCode = (typeof ITEM_ACTION_ERROR_CODES)[number];

/** An action refused before anything was written, with one Chinese line saying what to do. */
export class ItemActionError extends CodedError<ItemActionErrorCode> {
  override readonly name = "ItemActionError";
}

/** One cell the action set. */
export interface ItemChange {
  readonly column: string;
  readonly from: string;
  readonly to: string;
}

export interface ItemActionResult extends LoggedOutcome {
  /** 销号, 延期 or 终止. */
  readonly operation: string;
  readonly row: number;
  readonly number: string;
  readonly changes: readonly ItemChange[];
  /** The item's status after the write. */
  readonly status: Status;
  /** What the checks report for this row after the write (empty when the row is clean). */
  readonly issues: readonly Issue[];
}

function refuse(code: ItemActionErrorCode, message: string): never {
  throw new ItemActionError(code, message);
}

/** The item at a row of a ledger sheet (any of its rows, for an item over several rows). */
function findItem(loaded: LoadedRegistry, ref: ItemRef): RegistryItem {
  const sheet = ref.sheet ?? loaded.layout.sheetName;
  const item = loaded.items.find((i) => i.sheet === sheet && ref.row >= i.row && ref.row <= (i.lastRow ?? i.row));
  return item ?? refuse("not-an-item", `“${sheet}”第 ${ref.row} 行不是登记表中的督办事项，请选中事项所在的行`);
}

function column(ledger: LedgerReading, key: ColumnKey): number {
  return (
    ledger.layout.columns[key] ??
    refuse(
      "missing-column",
      `“${ledger.layout.sheetName}”中没有“${HEADER_OF[key]}”列：请先点击“刷新红黄绿灯”，加载项会在备注右侧添加该列`,
    )
  );
}

function checkDate(date: IsoDate, label: string): void {
  if (!isValidIso(date)) refuse("bad-date", `${label}“${date}”不是有效日期，请按 2026-12-02 的格式选择日期`);
}

function principalNames(loaded: LoadedRegistry): string[] {
  return loaded.settings.leaders.filter((l) => l.principal).map((l) => l.name);
}

function checkApprover(loaded: LoadedRegistry, approver: string): string {
  const names = principalNames(loaded);
  if (names.length === 0) {
    refuse("no-principal", "设置表中没有主要领导：请在“设置”中添加领导并把“主要领导”设为“是”");
  }
  const name = approver.trim();
  if (!names.includes(name)) {
    refuse("not-principal", `“${name}”不是设置表中的主要领导；可选：${names.join("、")}`);
  }
  return name;
}

/** The 延期审批人 cell of an extension or a termination: the principal leader who approved it. */
function approvalCell(loaded: LoadedRegistry, approver: string): { key: "extensionApprover"; value: CellValue } {
  return { key: "extensionApprover", value: { t: "string", v: checkApprover(loaded, approver) } };
}

function checkOpen(item: RegistryItem): void {
  if (isTerminated(item)) refuse("already-terminated", `第 ${item.row} 行的事项已终止`);
  if (isClosed(item)) refuse("already-closed", `第 ${item.row} 行的事项已办结（已销号）`);
}

/** The cells of one action, in the order they are written. */
function plannedCells(loaded: LoadedRegistry, item: RegistryItem, action: ItemAction, today: IsoDate) {
  const date = (v: IsoDate): CellValue => ({ t: "date", v });
  const text = (v: string): CellValue => ({ t: "string", v });
  checkOpen(item);
  switch (action.kind) {
    case "close": {
      checkDate(action.closedOn, "办结日期");
      if (compareIso(action.closedOn, today) > 0) {
        refuse("date-in-future", `办结日期 ${formatChineseDate(action.closedOn)} 晚于今天，请填写实际办结的日期`);
      }
      if (item.issuedOn !== null && compareIso(action.closedOn, item.issuedOn) < 0) {
        refuse("date-before-issue", `办结日期早于任务下达时间（${formatChineseDate(item.issuedOn)}）`);
      }
      const result = action.result.trim();
      if (!resultCloses(result)) {
        refuse("result-not-closing", `督办结果“${result}”不表示办结：请选择按期办结、延期办结或逾期办结`);
      }
      return [
        { key: "closedOn" as const, value: date(action.closedOn) },
        { key: "result" as const, value: text(result) },
      ];
    }
    case "extend": {
      checkDate(action.extendedTo, "延期至");
      const current = effectiveDeadline(item);
      if (current !== null && compareIso(action.extendedTo, current) <= 0) {
        refuse("not-later", `延期至须晚于现在的截止日期（${formatChineseDate(current)}）`);
      }
      return [{ key: "extendedTo" as const, value: date(action.extendedTo) }, approvalCell(loaded, action.approver)];
    }
    case "terminate": {
      return [{ key: "result" as const, value: text("终止") }, approvalCell(loaded, action.approver)];
    }
  }
}

function shown(value: CellValue): string {
  if (value.t === "date") return formatChineseDate(value.v);
  if (value.t === "empty") return "";
  return String(value.v);
}

/**
 * Closes, extends or terminates one item. Nothing is written when the action is refused
 * (ItemActionError). A bounded number of port calls: one registry read, one write, one read back.
 * @example await applyItemAction(port, { kind: "close", row: 5, closedOn: "2026-12-01", result: "按期办结" }, "2026-12-02")
 *   // { operation: "销号", row: 5, status: "已办结", issues: [], changes: [{ column: "办结日期", … }], logged: true }
 */
export async function applyItemAction(
  port: WorkbookPort,
  action: ItemAction,
  today: IsoDate,
): Promise<ItemActionResult> {
  const loaded = await loadRegistry(port, today);
  const item = findItem(loaded, action);
  const cells = plannedCells(loaded, item, action, today);
  const sheet = item.sheet;
  const ledger = loaded.ledgers.find((l) => l.layout.sheetName === sheet) ?? loaded.ledgers[0];
  const grid = loaded.grids.find((g) => g.name === sheet);
  const writes: CellWrite[] = cells.map(({ key, value }) => {
    // An item over several rows is written in its first row, or the top-left cell of a merge.
    const at = placeItemWrite(grid, {
      sheet,
      row: item.row,
      col: column(ledger, key),
      column: HEADER_OF[key],
      first: item.row,
      last: item.lastRow ?? item.row,
    });
    return ledgerWrite(sheet, at.row, at.col, value, at.old);
  });
  const operation = operationLabel(action.kind);
  const logged = await writeOperation(port, writes, { kind: action.kind });

  const after = await loadRegistry(port, today);
  const now = after.items.find((i) => i.sheet === sheet && i.row === item.row) ?? item;
  return {
    operation,
    row: item.row,
    number: item.number,
    changes: writes.map((w, i) => ({
      column: HEADER_OF[cells[i].key],
      from: shown(w.old ?? EMPTY),
      to: shown(w.value),
    })),
    status: classifyItem(now, today, after.calendar, after.settings.warningDays).status,
    issues: after.issues.filter(
      (i) =>
        (i.sheet ?? sheet) === sheet &&
        i.row >= item.row &&
        i.row <= (item.lastRow ?? item.row) &&
        !isSideSheetIssue(i),
    ),
    logged,
  };
}

/** Issues of the 设置 and 工作日历 sheets carry those sheets' rows, not registry rows. */
function isSideSheetIssue(issue: Issue): boolean {
  return issue.column === SETTINGS_ISSUE_COLUMN || issue.column === CALENDAR_ISSUE_COLUMN;
}
