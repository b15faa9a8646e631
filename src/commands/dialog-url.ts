/**
 * The ribbon commands' result dialog: the outcome travels in the dialog's address (the dialog
 * page has no other channel before it loads), cut to what fits comfortably in a URL.
 */
import type { Outcome } from "../taskpane/services";
import { DIALOG, STRINGS } from "../taskpane/strings";

/** The ribbon's function names (manifest <FunctionName>) and what they do. */
export const COMMAND_NAMES = {
  dubanCheck: STRINGS.views.check,
  dubanNumber: STRINGS.number,
  dubanRefresh: STRINGS.refresh,
} as const;

/** Lines and characters per line carried to the dialog. */
const MAX_LINES = 12;
const MAX_CHARS = 120;

/**
 * The dialog's address for an outcome, next to the page that opens it.
 * @example dialogUrl("https://x/commands.html", { tone: "success", title: "已编号", lines: [] })
 *   // "https://x/dialog.html?o=%7B%22tone%22…"
 */
export function dialogUrl(pageUrl: string, outcome: Outcome): string {
  const lines = outcome.lines.slice(0, MAX_LINES).map((l) => (l.length > MAX_CHARS ? `${l.slice(0, MAX_CHARS)}…` : l));
  if (outcome.lines.length > MAX_LINES) lines.push(DIALOG.more(outcome.lines.length - MAX_LINES));
  const payload = JSON.stringify({ tone: outcome.tone, title: outcome.title, lines });
  const base = pageUrl
    .split("?")[0]
    .split("#")[0]
    .replace(/[^/]*$/, "");
  return `${base}dialog.html?o=${encodeURIComponent(payload)}`;
}

/**
 * The outcome carried by a dialog address; null when it holds none or is damaged.
 * @example outcomeFromSearch("?o=%7B%22tone%22%3A%22info%22%2C%22title%22%3A%22x%22%2C%22lines%22%3A%5B%5D%7D") // { tone: "info", title: "x", lines: [] }
 */
export function outcomeFromSearch(search: string): Outcome | null {
  const raw = new URLSearchParams(search).get("o");
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as { tone?: unknown; title?: unknown; lines?: unknown };
    const tones = ["success", "warning", "error", "info"];
    if (typeof value.title !== "string" || !tones.includes(String(value.tone)) || !Array.isArray(value.lines))
      return null;
    return { tone: value.tone as Outcome["tone"], title: value.title, lines: value.lines.map(String) };
  } catch {
    return null;
  }
}
