import { nextElement, opensElement, plainCellRef, plainRowNumber } from "../../../src/adapters/xlsx/book/sheet-scan";

/** The start tag is the whole string: xml[0, length). */
const whole = (xml: string): [string, number, number] => [xml, 0, xml.length];

describe("reading a plain start tag's r attribute by position", () => {
  it.each<[string, [number, number] | null]>([
    ['<c r="A1">', [1, 1]],
    ['<c r="AB12" s="3">', [28, 12]],
    ['<c s="3" r="c7">', [3, 7]],
    ['<c s="3">', null],
    ['<c r="12">', null],
    ['<c r="A">', null],
    ['<c r="A0">', null],
    ['<c r="A1x">', null],
  ])("a cell %s reads as %j", (tag, want) => {
    expect(plainCellRef(...whole(tag))).toEqual(want);
  });

  it.each<[string, number | null]>([
    ['<row r="12">', 12],
    ['<row r="3" spans="1:9">', 3],
    ['<row spans="1:9">', null],
    ['<row r="">', null],
    ['<row r="1a">', null],
  ])("a row %s reads as %j", (tag, want) => {
    expect(plainRowNumber(...whole(tag))).toBe(want);
  });

  it("an r attribute past the end of the tag is not the tag's", () => {
    const xml = '<c s="1"><c r="B2">';
    expect(plainCellRef(xml, 0, xml.indexOf(">") + 1)).toBeNull();
  });
});

describe("finding an element by its name with prefix", () => {
  it.each<[string, number, string, boolean]>([
    ['<c r="A1">', 0, "<c", true],
    ["<c>", 0, "<c", true],
    ["<c/>", 0, "<c", true],
    ["<c\tr='A1'>", 0, "<c", true],
    ["<cols>", 0, "<c", false],
    ['<x:c r="A1">', 0, "<x:c", true],
    ['<row r="1"><rowBreaks/>', 11, "<row", false],
    ['<row r="1"><c/>', 1, "<row", false],
  ])("in %s at %d, %s opens the element: %s", (xml, at, open, want) => {
    expect(opensElement(xml, open, at)).toBe(want);
  });

  it.each<[string, string, number, number]>([
    ['<cols/><c r="A1"/>', "<c", 0, 7],
    ['<c r="A1"/><c r="B1"/>', "<c", 1, 11],
    ["<rowBreaks/><row>", "<row", 0, 12],
    ["<cols/><col/>", "<c", 0, -1],
    ["", "<row", 0, -1],
  ])("in %s the next %s from %d starts at %d", (xml, open, from, want) => {
    expect(nextElement(xml, open, from)).toBe(want);
  });
});
