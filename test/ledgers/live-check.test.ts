/** Live checking on items over several rows: an edit in any row of an item reports the whole item. */
import { checkChangedRows, startLiveState } from "../../src/app/live-check";
import { analyzeRegistry } from "../../src/domain/analyze";
import type { CellRange } from "../../src/domain/cell";
import { OFFICIAL_HEADERS, cell, date, grid, type Cellish } from "../domain/grid-helpers";

const TODAY = "2026-12-02";
const HEADERS = [...OFFICIAL_HEADERS, "承办单位"];
const box = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });
const row = (values: Readonly<Record<number, Cellish>>): Cellish[] =>
  Array.from({ length: HEADERS.length }, (_, i) => values[i + 1] ?? null);
const item = (seq: number, number: string, extra: Readonly<Record<number, Cellish>> = {}) =>
  row({ 1: seq, 2: number, 3: `事项${seq}`, 7: date("2026-11-02"), 8: date("2026-11-30"), 9: "督导室", ...extra });

describe("live checking on items over several rows", () => {
  const rows: Cellish[][] = [
    [...HEADERS],
    item(1, "〔2026〕1号", { 11: "王五", 15: "江津中学" }),
    row({ 11: "赵六", 15: "江津二中" }),
    item(2, "〔2026〕2号"),
  ];
  const merges = [box(2, 1, 3, 1), box(2, 2, 3, 2), box(2, 3, 3, 3)];

  it("an edit in a continuation row reports the issues of its whole item, as a full check does", () => {
    const state = startLiveState([{ ...grid("督办事项登记表", rows), merges }], TODAY)!;
    const edited = rows.map((r) => [...r]);
    edited[2][11] = "下周";
    const result = checkChangedRows(state, [{ firstRow: 3, rows: [edited[2].map(cell)] }]);
    expect(result.full).toBe(false);
    expect(result.rows).toEqual([2, 3]);
    const full = analyzeRegistry([{ ...grid("督办事项登记表", edited), merges }], TODAY)!;
    expect(result.issues).toEqual(full.issues.filter((i) => i.row === 2 || i.row === 3));
    expect(result.issues.map((i) => [i.row, i.code])).toEqual([[3, "date-unparseable"]]);
  });

  it("a number made a duplicate reports both items, each over its own rows", () => {
    const state = startLiveState([{ ...grid("督办事项登记表", rows), merges }], TODAY)!;
    const edited = rows.map((r) => [...r]);
    edited[3][1] = "〔2026〕1号";
    const result = checkChangedRows(state, [{ firstRow: 4, rows: [edited[3].map(cell)] }]);
    expect(result.rows).toEqual([2, 3, 4]);
    expect(result.issues.map((i) => [i.row, i.code])).toEqual([
      [2, "number-duplicate"],
      [4, "number-duplicate"],
    ]);
  });
});
