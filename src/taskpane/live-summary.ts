import type { ChangeSource, LiveCheckResult } from "../app/live-check";
import type { Issue } from "../domain/model";

/** What the pane shows of live checking: counts over the registry as last checked. */
export interface LiveSummary {
  readonly errors: number;
  readonly warnings: number;
  /** Who made the last change checked. */
  readonly source: ChangeSource;
}

/** One live-check result, as the Office adapter hands it over: the check's, and who made the change. */
export type LiveResult = LiveCheckResult & Pick<LiveSummary, "source">;

/**
 * Keeps the issues by row across live checks: a full check replaces everything, a partial one
 * replaces the rows it checked.
 * @example const t = liveTally(); t.apply({ full: true, rows: [3], issues: [issue], source: "local" }) // { errors: 1, … }
 */
export function liveTally(): { apply(result: LiveResult): LiveSummary } {
  const byRow = new Map<number, Issue[]>();
  return {
    apply(result) {
      if (result.full) byRow.clear();
      for (const row of result.rows) byRow.delete(row);
      for (const issue of result.issues) byRow.set(issue.row, [...(byRow.get(issue.row) ?? []), issue]);
      const all = [...byRow.values()].flat();
      const errors = all.filter((i) => i.severity === "error").length;
      return { errors, warnings: all.length - errors, source: result.source };
    },
  };
}
