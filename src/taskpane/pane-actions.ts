import type { LiveSummary } from "./live-summary";

/** What the task pane can ask for, and what it shows back: plain data, no Office objects. */
export type OutcomeTone = "success" | "warning" | "error" | "info";

export interface ActionOutcome {
  readonly tone: OutcomeTone;
  readonly title: string;
  /** Detail lines (issues, numbers assigned, conflicts …), already in Chinese. */
  readonly lines: readonly string[];
}

export type DocumentKindChoice = "notice" | "report" | "remind";

/** The task pane's actions, passed to components as props (the template's pattern). */
export interface PaneActions {
  /** Starts live checking of the registry; returns the function that stops it. */
  watch?(onSummary: (summary: LiveSummary) => void): () => void;
  check(): Promise<ActionOutcome>;
  number(): Promise<ActionOutcome>;
  refresh?(): Promise<ActionOutcome>;
  undo(): Promise<ActionOutcome>;
  document(kind: DocumentKindChoice, number: string): Promise<ActionOutcome>;
}

/** How many detail lines the pane lists before saying how many more there are. */
export const MAX_LINES = 50;

/**
 * Cut a long list of lines for the pane, saying how many were left out.
 * @example limitLines(["a", "b", "c"], 2) // ["a", "b", "……另有 1 条"]
 */
export function limitLines(lines: readonly string[], max = MAX_LINES): string[] {
  return lines.length <= max ? [...lines] : [...lines.slice(0, max), `……另有 ${lines.length - max} 条`];
}
