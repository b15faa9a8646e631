import { FILL_HEIGHT_PT, FormBuilder, MAX_ROW_HEIGHT_PT } from "../../../src/domain/layout/form-builder";
import {
  charWidthEm,
  columnWidthPt,
  rowHeightFor,
  textWidthPt,
  wrappedLines,
} from "../../../src/domain/layout/metrics";

describe("text metrics", () => {
  it.each([
    ["督", 1],
    ["〔", 1],
    ["，", 1],
    ["☑", 1],
    ["3", 0.55],
    ["@", 0.55],
    ["é", 0.6],
  ])("%j is %d em wide", (ch, em) => {
    expect(charWidthEm(ch)).toBe(em);
  });

  it("measures Excel column widths as 7 px per character plus 5 px padding", () => {
    expect(columnWidthPt(10)).toBe(56.25);
    expect(columnWidthPt(0)).toBe(3.75);
  });

  it("measures text", () => {
    expect(textWidthPt("督办事项", 14)).toBe(56);
    expect(textWidthPt("2021年", 10)).toBeCloseTo(32);
  });

  it.each([
    ["one line when it fits", "督办事项", 14, 100, 1],
    ["CJK breaks between any characters", "督办事项通知单", 14, 60, 2],
    ["each line break starts a line", "督办\n事项\n通知", 14, 200, 3],
    ["a blank text is one line", "", 14, 50, 1],
    ["an e-mail address moves to the next line whole", "电子邮箱：duban@jjedu.cn", 14, 130, 2],
    ["a word longer than a line breaks inside", "x".repeat(40), 10, 60, 4],
  ])("%s", (_rule, text, size, width, lines) => {
    expect(wrappedLines(text, size, width)).toBe(lines);
  });

  it("gives a row the height of its lines, at least the minimum", () => {
    expect(rowHeightFor("督办", 14, 100, 20)).toBe(27);
    expect(rowHeightFor("督办", 14, 100, 40)).toBe(40);
    expect(rowHeightFor("督办事项通知单", 14, 60, 0)).toBe(Math.ceil(2 * 14 * 1.45 + 6));
  });
});

describe("building a form", () => {
  it("places cells left to right with their spans, merging what spans", () => {
    const f = new FormBuilder([10, 10, 10]);
    f.row([
      { text: "a", style: "label" },
      { text: "b", style: "value", span: 2, field: "b" },
    ]);
    const layout = f.build("S", "T");
    expect(layout.cells).toEqual([
      { row: 1, col: 1, value: "a", style: "label" },
      { row: 1, col: 2, value: "b", style: "value", field: "b" },
    ]);
    expect(layout.merges).toEqual([{ top: 1, left: 2, bottom: 1, right: 3 }]);
  });

  it("skips columns a cell above covers with its row span", () => {
    const f = new FormBuilder([10, 10, 10]);
    f.row([
      { text: "a", style: "label", rowSpan: 2 },
      { text: "b", style: "value" },
      { text: "c", style: "value" },
    ]);
    f.row([
      { text: "d", style: "value" },
      { text: "e", style: "value" },
    ]);
    const layout = f.build("S", "T");
    expect(layout.cells.find((c) => c.value === "d")).toMatchObject({ row: 2, col: 2 });
    expect(layout.merges).toContainEqual({ top: 1, left: 1, bottom: 2, right: 1 });
  });

  it("refuses a row that does not fill the form or overflows it", () => {
    const f = new FormBuilder([10, 10]);
    expect(() => f.row([{ text: "a", style: "label" }])).toThrow(/fills 1 of the form's 2 columns/);
    expect(() => f.row([{ text: "a", style: "label", span: 3 }])).toThrow(/more columns/);
    expect(() => new FormBuilder([])).toThrow();
  });

  it("gives each row the height its wrapped text needs", () => {
    const f = new FormBuilder([10, 30]);
    const short = f.row([
      { text: "短", style: "label" },
      { text: "短", style: "value" },
    ]);
    const tall = f.row([
      { text: "督办事项".repeat(5), style: "label" },
      { text: "短", style: "value" },
    ]);
    const heights = f.build("S", "T").rowHeights;
    // One line of 14 pt: 1.45 em plus padding.
    expect(heights[short - 1]).toBe(27);
    expect(heights[tall - 1]).toBeGreaterThan(4 * 14);
  });

  it("grows the rows under a multi-row cell that needs more room", () => {
    const f = new FormBuilder([10, 10]);
    f.row([
      { text: "督办事项".repeat(6), style: "label", rowSpan: 2 },
      { text: "x", style: "value" },
    ]);
    f.row([{ text: "y", style: "value" }]);
    const heights = f.build("S", "T").rowHeights;
    expect(heights[0] + heights[1]).toBeGreaterThanOrEqual(
      rowHeightFor("督办事项".repeat(6), 14, columnWidthPt(10), 0),
    );
  });

  it("splits a row taller than Excel allows into rows no taller than 409 pt", () => {
    const f = new FormBuilder([10, 10]);
    f.row([
      { text: "L", style: "label" },
      { text: "督".repeat(400), style: "valueLeft", field: "long" },
    ]);
    const after = f.row([{ text: "next", style: "value", span: 2 }]);
    const layout = f.build("S", "T");
    expect(layout.rowHeights.every((h) => h <= MAX_ROW_HEIGHT_PT)).toBe(true);
    expect(after).toBeGreaterThan(2);
    expect(layout.merges).toContainEqual({ top: 1, left: 1, bottom: after - 1, right: 1 });
    expect(layout.merges).toContainEqual({ top: 1, left: 2, bottom: after - 1, right: 2 });
  });

  it("fills the page through the rows asked for, and only up to the page", () => {
    const f = new FormBuilder([10]);
    const a = f.row([{ text: "a", style: "body" }]);
    const b = f.row([{ text: "b", style: "body" }]);
    const filled = f.build("S", "T", { fill: [a, b] }).rowHeights;
    expect(filled[0] + filled[1]).toBeGreaterThan(FILL_HEIGHT_PT - 2);
    expect(filled[0] + filled[1]).toBeLessThanOrEqual(FILL_HEIGHT_PT);
    const plain = f.build("S", "T").rowHeights;
    expect(plain).toEqual([27, 27]);
  });

  it("frames tables with inner lines and boxes without", () => {
    const f = new FormBuilder([10, 10]);
    const top = f.row([{ text: "a", style: "body", span: 2 }]);
    f.row([{ text: "b", style: "body", span: 2 }]);
    f.table(top);
    f.box(top, top);
    expect(f.build("S", "T").borders).toEqual([
      { range: { top: 1, left: 1, bottom: 2, right: 2 }, outline: "thin", inner: "thin" },
      { range: { top: 1, left: 1, bottom: 1, right: 2 }, outline: "thin", inner: "none" },
    ]);
  });

  it("sets up A4 portrait, one page, centred, print area over every row and column", () => {
    const f = new FormBuilder([10, 20]);
    f.space(12);
    f.row([{ text: "a", style: "body", span: 2 }]);
    const layout = f.build("S", "T");
    expect(layout.rowHeights[0]).toBe(12);
    expect(layout.page).toEqual({
      paper: "A4",
      orientation: "portrait",
      marginsCm: { top: 2.5, bottom: 2.0, left: 2.5, right: 2.0, header: 1.0, footer: 1.0 },
      printArea: { top: 1, left: 1, bottom: 2, right: 2 },
      fitToWidth: 1,
      fitToHeight: 1,
      horizontalCentered: true,
    });
    expect(layout.showGridLines).toBe(false);
  });
});
