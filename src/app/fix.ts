/**
 * Use case: apply the fixes `check` offers (duban fix; the task pane's one-click fixes). An
 * issue with a `fix` names the corrected value of its cell: a number in its correct form, a
 * date typed as text (written as a real date: a serial with the date format), a synonym's list
 * value, a value without stray spaces. Nothing else is touched; when the port keeps the
 * 操作日志 the writes are logged as one operation (修正), so they can be undone.
 *
 * By default the fixes that only correct a form are applied; the classified-content fix (which
 * replaces a classified item's content by the note that it is on paper) only when `only` names
 * its cell — it removes text, so a person asks for it. A classified item's content is never
 * recorded: not in the log, not in the result.
 */
import { cellText, type CellValue, type IsoDate } from "../domain/cell";
import { ALL_COLUMNS, type ColumnKey } from "../domain/columns";
import type { Issue } from "../domain/model";
import type { RuleCode } from "../domain/rules";
import { CLASSIFIED_CONTENT_SHOWN } from "../domain/vocabulary";
import type { CellWrite, WorkbookPort } from "./port";
import { writeOperation } from "./ports/operation-log";
import { loadRegistry, type LoadedRegistry } from "./registry";
import { ledgerWrite, placeItemWrite } from "./write-target";

/** Fixes applied without being asked for one by one: they correct a form, never remove text. */
export const AUTO_FIX_CODES: ReadonlySet<RuleCode> = new Set<RuleCode>([
  "number-format",
  "date-as-text",
  "urgency-synonym",
  "secrecy-synonym",
  "urgency-invalid",
  "secrecy-invalid",
  "major-invalid",
  "text-spacing",
]);

/** One cell corrected. `from` and `to` are the cell's text before and after. */
export interface FixedCell {
  readonly sheet: string;
  readonly row: number;
  /** Header of the column, without white space (as in `check`). */
  readonly column: string;
  readonly from: string;
  readonly to: string;
}

export interface FixOptions {
  /** Only the fixes of these cells (the pane's one-click fix); `sheet` defaults to any ledger sheet. */
  readonly only?: readonly { readonly sheet?: string; readonly row: number; readonly column: string }[];
  /** Only this ledger sheet (`--sheet NAME`). */
  readonly sheet?: string;
}

export interface FixResult {
  readonly fixed: readonly FixedCell[];
}

const KEY_OF_HEADER: ReadonlyMap<string, ColumnKey> = new Map(ALL_COLUMNS.map((c) => [c.header, c.key]));

/** True when an issue is one of the cells `only` names. */
function named(issue: Issue, only: NonNullable<FixOptions["only"]>): boolean {
  return only.some(
    (o) => o.row === issue.row && o.column === issue.column && (o.sheet === undefined || o.sheet === issue.sheet),
  );
}

/** The issues whose fixes apply, one per cell (the first fix offered for a cell wins). */
function fixesToApply(loaded: LoadedRegistry, options: FixOptions): Issue[] {
  const ledgers = new Set(loaded.ledgers.map((l) => l.layout.sheetName));
  const seen = new Set<string>();
  return loaded.issues.filter((issue) => {
    if (issue.fix === undefined || issue.sheet === undefined || !ledgers.has(issue.sheet)) return false;
    const wanted = options.only ? named(issue, options.only) : AUTO_FIX_CODES.has(issue.code as RuleCode);
    const cell = `${issue.sheet}\u0000${issue.row}\u0000${issue.column}`;
    if (!wanted || seen.has(cell)) return false;
    seen.add(cell);
    return true;
  });
}

/** The text a cell shows before the fix (untrimmed, so stray spaces can be seen). */
function shownBefore(cell: CellValue): string {
  return cell.t === "string" ? cell.v : cellText(cell);
}

/**
 * Applies the fixes `check` offers and writes exactly those cells in one call.
 * @example await runFix(port, "2026-12-02") // { fixed: [{ sheet: "督办台账", row: 5, column: "督办事项编号", from: "[2026]3号", to: "〔2026〕3号" }] }
 * @example await runFix(port, today, { only: [{ sheet: "2022年", row: 7, column: "任务下达时间" }] })
 */
export async function runFix(port: WorkbookPort, today: IsoDate, options: FixOptions = {}): Promise<FixResult> {
  const loaded = await loadRegistry(port, today, options.sheet === undefined ? {} : { sheet: options.sheet });
  const writes: CellWrite[] = [];
  const fixed: FixedCell[] = [];
  for (const issue of fixesToApply(loaded, options)) {
    const sheet = issue.sheet!;
    const ledger = loaded.ledgers.find((l) => l.layout.sheetName === sheet)!;
    const key = KEY_OF_HEADER.get(issue.column);
    const col = key === undefined ? undefined : ledger.layout.columns[key];
    if (col === undefined) continue;
    const grid = loaded.grids.find((g) => g.name === sheet);
    const at = placeItemWrite(grid, { sheet, row: issue.row, col, column: issue.column });
    const classified = issue.code === "classified-content";
    const old: CellValue = classified ? { t: "string", v: CLASSIFIED_CONTENT_SHOWN } : at.old;
    const to = issue.fix!;
    const value: CellValue = issue.code === "date-as-text" ? { t: "date", v: to } : { t: "string", v: to };
    writes.push(ledgerWrite(sheet, at.row, at.col, value, old));
    fixed.push({ sheet, row: at.row, column: issue.column, from: shownBefore(old), to });
  }
  await writeOperation(port, writes, { kind: "fix" });
  return { fixed };
}
