/** Use case: the status (红黄绿灯) of every item on a day (duban status). */
import type { IsoDate } from "../domain/cell";
import type { Status } from "../domain/model";
import { copyableContent } from "../domain/classified";
import { classifyItem } from "../domain/status";
import type { WorkbookPort } from "./port";
import { loadRegistry, type LedgerOptions } from "./registry";

export interface ItemStatusRow {
  /** The ledger sheet of the item. */
  readonly sheet: string;
  /** 1-based sheet row (the first row of an item over several rows). */
  readonly row: number;
  /** 督办事项编号 as written, null when blank. */
  readonly number: string | null;
  readonly status: Status;
  readonly deadline: IsoDate | null;
  readonly workingDaysLeft: number | null;
  /**
   * 督办事项内容 (a classified item's content never: the note that it is on paper) and
   * 督办科室或单位, for people reading the list (not in the JSON contract).
   */
  readonly content: string;
  readonly section: string;
}

export interface StatusResult {
  readonly items: readonly ItemStatusRow[];
  /** The first ledger sheet. */
  readonly sheetName: string;
  /** Every ledger sheet read. */
  readonly sheetNames: readonly string[];
}

/**
 * Classifies every item on `today` with the workbook's calendar and warning threshold.
 * @example const { items } = await runStatus(port, "2026-11-25") // [{ sheet: "督办事项登记表", row: 3, status: "逾期", … }]
 */
export async function runStatus(
  port: WorkbookPort,
  today: IsoDate,
  options: LedgerOptions = {},
): Promise<StatusResult> {
  const { items, settings, calendar, layout, ledgers } = await loadRegistry(port, today, options);
  return {
    sheetName: layout.sheetName,
    sheetNames: ledgers.map((l) => l.layout.sheetName),
    items: items.map((item) => {
      const s = classifyItem(item, today, calendar, settings.warningDays);
      return {
        sheet: item.sheet,
        row: item.row,
        number: item.number === "" ? null : item.number,
        status: s.status,
        deadline: s.deadline,
        workingDaysLeft: s.workingDaysLeft,
        content: copyableContent(item),
        section: item.section,
      };
    }),
  };
}
