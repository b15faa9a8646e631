import { cellText, isBlank } from "../../src/domain/cell";

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
