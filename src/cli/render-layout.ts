/**
 * How the CLI shows the way each ledger sheet was read: the `layout` part of `duban check
 * --json` and the lines of the text report about the header band, skipped rows and items over
 * several rows. Skipped rows are information, never issues (the issues' severities stay
 * error | warning).
 */
import { columnLetters } from "../domain/a1-ref";
import { ALL_COLUMNS } from "../domain/columns";
import type { LedgerReading, SkipReason } from "../domain/model";

/** What a skipped row is, in Chinese. */
export const SKIP_REASON_TEXT: Readonly<Record<SkipReason, string>> = {
  total: "合计行",
  footer: "表尾（制表人、审核人等）",
  note: "表下说明",
  "repeated-header": "重复的表头",
};

/**
 * The JSON of one ledger sheet's reading:
 * `{"sheet","headerRows":[3,4],"columns":{"督办事项编号":"B",…},"skipped":[{"row","reason","text"}],
 * "continuations":[{"row","item"}],"mergesKnown":true}` — columns by canonical header, in
 * column order, as column letters.
 * @example layoutJson(reading).headerRows // [3, 4]
 */
export function layoutJson(reading: LedgerReading): object {
  const { layout } = reading;
  const columns = ALL_COLUMNS.filter((c) => layout.columns[c.key] !== undefined)
    .map((c) => [c.header, layout.columns[c.key]!] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([header, col]) => [header, columnLetters(col)]);
  return {
    sheet: layout.sheetName,
    headerRows: [...layout.headerRows],
    columns: Object.fromEntries(columns),
    skipped: reading.skipped.map((s) => ({ row: s.row, reason: s.reason, text: s.text })),
    continuations: reading.continuations.map((c) => ({ row: c.row, item: c.itemRow })),
    mergesKnown: reading.mergesKnown,
  };
}

/** "第3行" or "第3–4行". */
function rowsText(rows: readonly number[]): string {
  const first = rows[0];
  const last = rows[rows.length - 1];
  return first === last ? `第${first}行` : `第${first}–${last}行`;
}

/**
 * The lines about how one ledger sheet was read, for people: the header band, the rows that
 * are not items, the items over several rows. Nothing when there is nothing to say but a
 * one-row header.
 * @example readingLines(reading, false) // ["表头：第3–4行（两行表头）", "第12行不是事项（合计行：合计），未检查", …]
 */
export function readingLines(reading: LedgerReading, named: boolean): string[] {
  const lines: string[] = [];
  const where = named ? `工作表“${reading.layout.sheetName}”` : "";
  const band = reading.layout.headerRows;
  if (band.length > 1) lines.push(`${where}表头：${rowsText(band)}（${band.length}行表头，按下方一行的列名读取）`);
  for (const s of reading.skipped) {
    const what =
      s.reason === "repeated-header" ? SKIP_REASON_TEXT[s.reason] : `${SKIP_REASON_TEXT[s.reason]}：${s.text}`;
    lines.push(`${where}第${s.row}行不是事项（${what}），未检查、不编号`);
  }
  const spans = new Map<number, number>();
  for (const c of reading.continuations) spans.set(c.itemRow, Math.max(spans.get(c.itemRow) ?? c.itemRow, c.row));
  if (spans.size > 0) {
    const list = [...spans].map(([first, last]) => rowsText([first, last])).join("、");
    lines.push(`${where}跨多行的事项（合并的编号或内容，按一个事项读取）：${list}`);
  }
  if (!reading.mergesKnown && reading.continuations.length > 0) {
    lines.push("（此处读不到合并单元格，跨多行的事项是按“续行只填承办单位、负责人等”推断的）");
  }
  return lines;
}
