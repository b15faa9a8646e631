import type { IsoDate } from "../domain/cell";
import { isValidIso } from "../domain/dates";

/**
 * The local calendar date of a moment, as the engine's YYYY-MM-DD (the pane's only clock).
 * @example localIsoDate(new Date(2026, 10, 25, 23, 59)) // "2026-11-25"
 */
export function localIsoDate(now: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The day fixed by `?today=YYYY-MM-DD` in the page's address, or null (then the computer's date
 * counts). Anything that is not a real date is ignored.
 * @example todayFromQuery("?today=2026-12-02") // "2026-12-02"
 * @example todayFromQuery("?today=2026-02-30") // null
 */
export function todayFromQuery(search: string): IsoDate | null {
  const value = new URLSearchParams(search).get("today");
  return value !== null && isValidIso(value.trim()) ? value.trim() : null;
}
