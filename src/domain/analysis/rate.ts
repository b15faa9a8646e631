/** How the analysis prints a rate (its own module: the pane's 报告 view needs it without the report's layout). */

/**
 * A rate as printed: one decimal and a per cent sign; "—" when there is none.
 * @example rateText(0.85714) // "85.7%"
 * @example rateText(null) // "—"
 */
export function rateText(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)}%`;
}
