import { cellText, isBlank } from "../../src/domain/cell";
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
