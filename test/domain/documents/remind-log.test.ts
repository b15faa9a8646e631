import {
  readRemindLog,
  REMIND_LOG_SHEET,
  remindLogCells,
  remindLogLayout,
  timesUrged,
} from "../../../src/domain/documents/remind-log";
import { date, grid } from "../grid-helpers";

describe("reading the 催办记录 sheet", () => {
  it("reads entries under the header, with dates from real dates, serials and text", () => {
    const log = readRemindLog(
      grid(REMIND_LOG_SHEET, [
        ["催办记录"],
        ["催办日期", "督办事项编号", "催办方式", "经办人", "回复期限"],
        [date("2021-05-10"), "〔2021〕3号", "电话", "王芳", date("2021-05-13")],
        [44334, "[2021]3号", "催办提示单", "李明", "2021年5月21日"],
        ["", "", "", "", ""],
        ["2021/5/20", "〔2021〕4号", "督办函", "", "明天"],
      ]),
    );
    expect(log.headerRow).toBe(2);
    expect(log.entries).toEqual([
      { row: 3, date: "2021-05-10", number: "〔2021〕3号", method: "电话", handler: "王芳", replyBy: "2021-05-13" },
      { row: 4, date: "2021-05-18", number: "[2021]3号", method: "催办提示单", handler: "李明", replyBy: "2021-05-21" },
      { row: 6, date: "2021-05-20", number: "〔2021〕4号", method: "督办函", handler: "", replyBy: null },
    ]);
    expect(log.nextRow).toBe(7);
  });

  it("finds columns by header in any order and by their other spellings", () => {
    const log = readRemindLog(
      grid(REMIND_LOG_SHEET, [
        ["编号", "方式", "日 期"],
        ["〔2021〕3号", "电话", "2021-05-10"],
      ]),
    );
    expect(log.columns).toEqual({ number: 1, method: 2, date: 3 });
    expect(log.entries[0]).toMatchObject({ number: "〔2021〕3号", method: "电话", date: "2021-05-10", handler: "" });
  });

  it("reads nothing from a sheet without a header, and appends below what it holds", () => {
    const log = readRemindLog(grid(REMIND_LOG_SHEET, [["随手记"], [], ["〔2021〕3号"]]));
    expect(log.headerRow).toBe(0);
    expect(log.entries).toEqual([]);
    expect(log.nextRow).toBe(4);
  });

  it("appends right under the header of an empty log", () => {
    expect(readRemindLog(grid(REMIND_LOG_SHEET, [["催办日期", "督办事项编号"]])).nextRow).toBe(2);
    expect(readRemindLog(grid(REMIND_LOG_SHEET, [])).nextRow).toBe(2);
  });
});

describe("how many times an item was urged", () => {
  const entries = [
    { date: "2021-05-10", number: "〔2021〕3号", method: "电话", handler: "", replyBy: null },
    { date: "2021-05-18", number: "[2021]03号", method: "催办提示单", handler: "", replyBy: null },
    { date: "2021-05-18", number: "〔2021〕13号", method: "电话", handler: "", replyBy: null },
    { date: "2021-05-18", number: "江津教督〔2021〕3号", method: "电话", handler: "", replyBy: null },
  ];
  it.each([
    ["spellings of one number count together", "〔2021〕3号", 2],
    ["a misspelt query counts the same", "(2021)3号", 2],
    ["another sequence is another item", "〔2021〕13号", 1],
    ["another prefix is another item", "江津教督〔2021〕3号", 1],
    ["never urged", "〔2021〕9号", 0],
  ])("%s", (_rule, number, count) => {
    expect(timesUrged(entries, number)).toBe(count);
  });
});

describe("writing the log", () => {
  it("gives the cells of an entry, dates as dates and blanks as empty", () => {
    expect(
      remindLogCells({ date: "2021-05-10", number: "〔2021〕3号", method: "电话", handler: "", replyBy: "2021-05-13" }),
    ).toEqual({
      date: { t: "date", v: "2021-05-10" },
      number: { t: "string", v: "〔2021〕3号" },
      method: { t: "string", v: "电话" },
      handler: { t: "empty" },
      replyBy: { t: "date", v: "2021-05-13" },
    });
  });

  it("starts a new log sheet with its framed header and no fixed print area", () => {
    const layout = remindLogLayout();
    expect(layout.name).toBe("催办记录");
    expect(layout.cells.map((c) => [c.row, c.col, c.value])).toEqual([
      [1, 1, "催办日期"],
      [1, 2, "督办事项编号"],
      [1, 3, "催办方式"],
      [1, 4, "经办人"],
      [1, 5, "回复期限"],
    ]);
    expect(layout.borders).toEqual([
      { range: { top: 1, left: 1, bottom: 1, right: 5 }, outline: "thin", inner: "thin" },
    ]);
    expect(layout.page.printArea).toBeNull();
    expect(layout.page.fitToHeight).toBe(0);
    // A header read back from the new sheet is the header the reader expects.
    const read = readRemindLog(grid("催办记录", [layout.cells.map((c) => c.value)]));
    expect(read.columns).toEqual({ date: 1, number: 2, method: 3, handler: 4, replyBy: 5 });
  });
});
