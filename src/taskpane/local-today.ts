import type { IsoDate } from "../domain/cell";

/**
 * The local calendar date of a moment, as the engine's YYYY-MM-DD (the pane's only clock).
 * @example localIsoDate(new Date(2026, 10, 25, 23, 59)) // "2026-11-25"
 */
export function localIsoDate(now: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
