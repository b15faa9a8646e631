/**
 * A moment as the person's own calendar and clock show it (the computer's time zone). The
 * engine never reads the clock: the edges that do (the command line, the task pane, the Office
 * adapter's 操作日志) pass the moment in and format it here.
 */
import type { IsoDate } from "./cell";

const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * The local calendar date of a moment, as the engine's YYYY-MM-DD.
 * @example localIsoDate(new Date(2026, 10, 25, 23, 59)) // "2026-11-25"
 */
export function localIsoDate(moment: Date): IsoDate {
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/**
 * The local date and time to the second, as the 操作日志 shows it.
 * @example localDateTime(new Date(2026, 2, 1, 9, 5, 7)) // "2026-03-01 09:05:07"
 */
export function localDateTime(moment: Date): string {
  return `${localIsoDate(moment)} ${pad(moment.getHours())}:${pad(moment.getMinutes())}:${pad(moment.getSeconds())}`;
}
