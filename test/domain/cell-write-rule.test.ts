import {
  decideCell,
  describeStored,
  holdsPlanned,
  isEmptyStored,
  type StoredCell,
} from "../../src/domain/cell-write-rule";
import type { CellPlan, FillMode, PlanValue } from "../../src/domain/setup-plan-types";

const text = (v: string): StoredCell => ({ value: { t: "string", v }, formula: null });
const num = (v: number): StoredCell => ({ value: { t: "number", v }, formula: null });
const formula = (f: string, v = ""): StoredCell => ({ value: { t: "string", v }, formula: f });
const empty: StoredCell = { value: { t: "empty" }, formula: null };
const plan = (mode: FillMode, value: PlanValue = { t: "formula", f: "STATUS(日历序)" }): CellPlan => ({
  row: 3,
  col: 2,
  mode,
  value,
  marker: "日历序",
});

describe("a planned cell is written by its fill mode, the same for every adapter", () => {
  test.each([
    ["into an empty cell", empty, { write: true }],
    ["not over the same formula of ours", formula("STATUS(日历序)", "办理中"), { write: false }],
    ["over an older formula of ours", formula("OLD(日历序)", "办理中"), { write: true }],
    ["not over a typed status, reported", text("已办结"), { write: false, conflict: "已办结" }],
    ["not over a person's formula, reported", formula("1+1"), { write: false, conflict: "=1+1" }],
    ["not over a typed text beginning with =", text("=日历序"), { write: false, conflict: "=日历序" }],
  ])("formula mode: %s", (_name, cell, expected) => {
    expect(decideCell(plan("formula"), cell)).toEqual(expected);
  });

  test.each([
    ["an empty cell", empty, true],
    ["an empty text", text(""), true],
    ["a typed value", text("人填的"), false],
    ["a formula giving nothing", formula("A1"), false],
  ])("ifEmpty mode writes only into an empty cell: %s → %s", (_name, cell, write) => {
    expect(decideCell(plan("ifEmpty", { t: "string", v: "新" }), cell)).toEqual({ write });
    expect(isEmptyStored(cell)).toBe(write);
  });

  test.each([
    ["a date held as its serial", num(46296), { t: "date", v: "2026-10-01" }, true],
    ["a number held as text", text("1"), { t: "number", v: 1 }, false],
    ["an empty text planned in an empty cell", empty, { t: "string", v: "" }, true],
    ["the same formula", formula("A1+1", "0"), { t: "formula", f: "A1+1" }, true],
    ["a value where a formula is planned", num(2), { t: "formula", f: "A1+1" }, false],
    ["a formula where a value is planned", formula("A1", "x"), { t: "string", v: "x" }, false],
  ] as const)("owned mode rewrites only what differs: %s", (_name, cell, value, same) => {
    expect(holdsPlanned(cell, value)).toBe(same);
    expect(decideCell(plan("owned", value), cell)).toEqual({ write: !same });
  });

  test("a conflict names what the cell holds: the formula with =, else the trimmed text", () => {
    expect(describeStored(formula("A1+2"))).toBe("=A1+2");
    expect(describeStored(num(46296))).toBe("46296");
    expect(describeStored(text(" 已办结 "))).toBe("已办结");
  });
});
