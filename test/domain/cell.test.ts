import { cellText, isBlank, rangeUnion } from "../../src/domain/cell";
import { storedValueKey } from "../../src/domain/cell-key";

describe("cell text", () => {
  it.each([
    [{ t: "empty" } as const, ""],
    [{ t: "string", v: "  督办 " } as const, "督办"],
    [{ t: "number", v: 3 } as const, "3"],
    [{ t: "date", v: "2021-03-05" } as const, "2021-03-05"],
    [{ t: "error", v: "#N/A" } as const, "#N/A"],
  ])("text of %j is %j", (cell, text) => {
    expect(cellText(cell)).toBe(text);
  });
  it("a cell of only spaces is blank", () => {
    expect(isBlank({ t: "string", v: " \u3000 " })).toBe(true);
    expect(isBlank({ t: "number", v: 0 })).toBe(false);
  });
});

describe("stored value keys", () => {
  it.each([
    [{ t: "date", v: "2026-10-01" } as const, { t: "number", v: 46296 } as const, true],
    [{ t: "string", v: "" } as const, { t: "empty" } as const, true],
    [{ t: "string", v: "1" } as const, { t: "number", v: 1 } as const, false],
    [{ t: "bool", v: true } as const, { t: "string", v: "TRUE" } as const, false],
    [{ t: "error", v: "#N/A" } as const, { t: "error", v: "#N/A" } as const, true],
  ])("%j stored as %j: %s", (a, b, same) => {
    expect(storedValueKey(a) === storedValueKey(b)).toBe(same);
  });
});

describe("rangeUnion: the smallest rectangle holding both", () => {
  const r = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });
  test.each([
    ["disjoint, below and to the right", r(1, 1, 3, 2), r(5, 2, 5, 4), r(1, 1, 5, 4)],
    ["one inside the other", r(1, 1, 10, 10), r(3, 3, 4, 4), r(1, 1, 10, 10)],
    ["the same rectangle", r(2, 2, 2, 2), r(2, 2, 2, 2), r(2, 2, 2, 2)],
    ["above and to the left", r(7, 5, 9, 6), r(1, 1, 1, 1), r(1, 1, 9, 6)],
  ])("%s", (_name, a, b, union) => {
    expect(rangeUnion(a, b)).toEqual(union);
    expect(rangeUnion(b, a)).toEqual(union);
  });
});
