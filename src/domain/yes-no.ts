/**
 * Yes and no as clerks write them in the workbook (重大事项, 主要领导, 是否工作日): 是/否, the
 * usual marks (√ ×), Y/N, TRUE/FALSE, 1/0. The lists offer only 是 and 否.
 */
import { cellText, isBlank, type CellValue } from "./cell";

/** The two values the dropdown lists offer. */
export const YES_NO = { yes: "是", no: "否" } as const;

const YES: ReadonlySet<string> = new Set([YES_NO.yes, "√", "✓", "✔", "Y", "YES", "TRUE", "1"]);
const NO: ReadonlySet<string> = new Set([YES_NO.no, "×", "✗", "N", "NO", "FALSE", "0", "不是"]);

/**
 * Yes/no of a cell (是/否 and the usual marks, white space and case ignored); undefined when it
 * is neither. Blank is no.
 * @example parseYesNo({ t: "string", v: " √ " }) // true
 * @example parseYesNo({ t: "empty" }) // false
 * @example parseYesNo({ t: "string", v: "待定" }) // undefined
 */
export function parseYesNo(cell: CellValue | undefined): boolean | undefined {
  if (cell === undefined || isBlank(cell)) return false;
  if (cell.t === "bool") return cell.v;
  const t = cellText(cell)
    .replace(/[\s\u3000]+/g, "")
    .toUpperCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}
