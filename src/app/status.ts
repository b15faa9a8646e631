/** Use case: the status (红黄绿灯) of every item on a day (duban status). */
import type { IsoDate } from "../domain/cell";
import type { RegistryItem } from "../domain/model";
import { copyableContent } from "../domain/classified";
import { classifyItem, type ItemStatus } from "../domain/status";
import type { WorkbookPort } from "./port";
import { loadRegistry, type LedgerOptions } from "./registry";

/** One item's place and section (as the registry item has them) and its status on the day. */
export interface ItemStatusRow extends Pick<RegistryItem, "sheet" | "row" | "section">, ItemStatus {
  /** 督办事项编号 as written, null when blank. */
  readonly number: string | null;
  /**
   * 督办事项内容 (a classified item's content never: the note that it is on paper), for people
   * reading the list, like `section` (neither is in the JSON contract).
   */
  readonly content: string;
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
