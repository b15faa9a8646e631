import { columnKeyOfHeader, locateRegistry, readRegistry } from "../../src/domain/registry";
import type { SheetGrid } from "../../src/domain/cell";
import { GOOD_ROW, OFFICIAL_HEADERS, date, err, grid, registrySheet, type Cellish } from "./grid-helpers";

function read(g: SheetGrid) {
  const layout = locateRegistry([g]);
  if (layout === null) throw new Error("registry not found");
  return { layout, ...readRegistry(g, layout) };
}

describe("header cells are recognised after normalisation", () => {
  it.each([
    ["任务下\n达时间", "issuedOn"],
    ["任务下\r\n达时间", "issuedOn"],
    ["备 注", "remarks"],
    ["备\u3000注", "remarks"],
    [" 序号 ", "seq"],
    ["来文\n编号", "sourceDocNo"],
    ["来文号", "sourceDocNo"],
    ["编号", "number"],
    ["*督办事项内容", "content"],
    ["督办事项内容（必填）", "content"],
    ["督办事项内容:", "content"],
    ["要求完成时间\u200b", "dueOn"],
    ["完成时限", "dueOn"],
    ["承办单位", "hostUnit"],
    ["承办单位\n负责人", "hostHead"],
    ["延期至", "extendedTo"],
    ["状态", "status"],
  ])("%j names column %s", (text, key) => {
    expect(columnKeyOfHeader(text)).toBe(key);
  });
  it.each(["经办人", "督办事项登记表", "", "序号1", "备注栏说明"])("%j names no column", (text) => {
    expect(columnKeyOfHeader(text)).toBeUndefined();
  });
});

describe("locating the registry", () => {
  it("finds the header below a merged title row", () => {
    const layout = locateRegistry([registrySheet([GOOD_ROW])]);
    expect(layout).toMatchObject({ sheetName: "督办事项登记表", headerRow: 2 });
    expect(layout?.columns).toMatchObject({ seq: 1, number: 2, content: 3, remarks: 14, hostUnit: 15, status: 23 });
    expect(layout?.lastHeaderColumn).toBe(23);
  });

  it("finds the header in row 1 when there is no title", () => {
    expect(locateRegistry([registrySheet([GOOD_ROW], { title: false })])?.headerRow).toBe(1);
  });

  it("finds a header under a title block of several rows (a unit line, a date line)", () => {
    const g = grid("Sheet1", [
      ["江津区教委督办事项登记表"],
      [],
      ["填报单位：办公室", null, null, "2021年3月"],
      [...OFFICIAL_HEADERS],
      [1, "〔2021〕1号", "事项"],
    ]);
    expect(locateRegistry([g])).toMatchObject({ sheetName: "Sheet1", headerRow: 4 });
  });

  it("reads broken headers as the form prints them", () => {
    const headers = [
      "序号",
      "督办事项编号",
      "督办事项内容",
      "来文\n编号",
      "紧急\n程度",
      "密级",
      "任务下\n达时间",
      "要求完\n成时间",
      "督办科室或单位",
      "协办科室或单位",
      "承办单位\n负责人",
      "签收\n日期",
      "督办结果",
      "备 注",
    ];
    const layout = locateRegistry([grid("登记", [["督办事项登记表"], headers])]);
    expect(layout?.headerRow).toBe(2);
    expect(Object.keys(layout?.columns ?? {})).toHaveLength(14);
    expect(layout?.columns).toMatchObject({ sourceDocNo: 4, issuedOn: 7, dueOn: 8, hostHead: 11, remarks: 14 });
  });

  it("maps shuffled columns by header, never by position", () => {
    const headers = [...OFFICIAL_HEADERS].reverse();
    const layout = locateRegistry([grid("x", [headers])]);
    expect(layout?.columns.seq).toBe(14);
    expect(layout?.columns.remarks).toBe(1);
    expect(layout?.columns.content).toBe(12);
  });

  it("ignores unknown extra columns but counts them in lastHeaderColumn", () => {
    const headers = ["经办人", ...OFFICIAL_HEADERS, "联系电话"];
    const layout = locateRegistry([grid("x", [headers])]);
    expect(layout?.columns.seq).toBe(2);
    expect(Object.keys(layout?.columns ?? {})).toHaveLength(14);
    expect(layout?.lastHeaderColumn).toBe(16);
  });

  it("takes the first of two cells with the same header", () => {
    const layout = locateRegistry([grid("x", [[...OFFICIAL_HEADERS, "备注"]])]);
    expect(layout?.columns.remarks).toBe(14);
  });

  it("finds the registry on the second sheet", () => {
    const readme = grid("说明", [["填表说明"], ["1. 紧急程度分为特急、加急、一般"]]);
    const layout = locateRegistry([readme, registrySheet([GOOD_ROW], { name: "2021年台账" })]);
    expect(layout?.sheetName).toBe("2021年台账");
  });

  it("prefers the sheet named 督办事项登记表 (name trimmed) over an earlier registry-like sheet", () => {
    const archive = registrySheet([GOOD_ROW], { name: "2020年归档" });
    const named = registrySheet([GOOD_ROW], { name: " 督办事项登记表 " });
    expect(locateRegistry([archive, named])?.sheetName).toBe(" 督办事项登记表 ");
  });

  it("accepts the named sheet with a partial header (督办事项内容 and two more)", () => {
    const g = grid("督办事项登记表", [["编号", "督办事项", "完成时限"]]);
    expect(locateRegistry([g])?.columns).toEqual({ number: 1, content: 2, dueOn: 3 });
  });

  it("falls back from a named sheet without a header to a registry-like sheet", () => {
    const named = grid("督办事项登记表", [["（本表已停用，见Sheet2）"]]);
    const other = registrySheet([GOOD_ROW], { name: "Sheet2" });
    expect(locateRegistry([named, other])?.sheetName).toBe("Sheet2");
  });

  it.each([
    ["no sheets", []],
    ["only a readme", [grid("说明", [["填表说明"]])]],
    ["6 official headers", [grid("x", [OFFICIAL_HEADERS.slice(0, 6)])]],
    ["13 official headers but no 督办事项内容", [grid("x", [OFFICIAL_HEADERS.filter((h) => h !== "督办事项内容")])]],
    ["a header below row 10", [grid("x", [...Array.from({ length: 10 }, () => ["标题"]), [...OFFICIAL_HEADERS]])]],
  ] as [string, SheetGrid[]][])("finds nothing with %s", (_label, grids) => {
    expect(locateRegistry(grids)).toBeNull();
  });

  it("takes the header row with the most official headers among the first 10 rows", () => {
    const g = grid("x", [OFFICIAL_HEADERS.slice(0, 8), [...OFFICIAL_HEADERS]]);
    expect(locateRegistry([g])?.headerRow).toBe(2);
  });
});

describe("reading items", () => {
  it("reads every known column of a full row", () => {
    const { items, issues } = read(
      registrySheet([
        {
          ...GOOD_ROW,
          协办科室或单位: "安全科、基教科",
          承办单位负责人: "王五",
          签收日期: "2021/3/8",
          督办结果: "按期办结",
          备注: "已报区政府",
          承办单位: "某中学",
          事项来源: "区政府批转",
          重大事项: "是",
          签发领导: "张三",
          办结日期: 44286,
          延期至: "2021年5月10日",
          延期批准人: "张三",
          报告日期: "2021.4.2",
          状态: "已办结",
        },
      ]),
    );
    // Dates typed as text are read here; the analysis warns about them (date-cells.ts).
    expect(issues).toEqual([]);
    expect(items).toEqual([
      {
        sheet: "督办事项登记表",
        row: 3,
        seq: "1",
        number: "〔2021〕1号",
        content: "落实校园安全大排查",
        sourceDocNo: "江津府办〔2021〕12号",
        urgency: "一般",
        secrecy: "公开",
        issuedOn: "2021-03-05",
        dueOn: "2021-04-30",
        section: "督导室",
        assisting: "安全科、基教科",
        hostHead: "王五",
        signedOn: "2021-03-08",
        result: "按期办结",
        remarks: "已报区政府",
        hostUnit: "某中学",
        source: "区政府批转",
        major: "是",
        signer: "张三",
        closedOn: "2021-03-31",
        extendedTo: "2021-05-10",
        extensionApprover: "张三",
        reportedOn: "2021-04-02",
      },
    ]);
  });

  it("reads a registry without the product's columns, leaving their fields blank", () => {
    const { items } = read(registrySheet([GOOD_ROW], { headers: OFFICIAL_HEADERS }));
    expect(items[0]).toMatchObject({ hostUnit: "", source: "", closedOn: null, extendedTo: null, reportedOn: null });
  });

  it("reads shuffled columns into the right fields", () => {
    const headers = [...OFFICIAL_HEADERS].reverse();
    const g = registrySheet([GOOD_ROW], { headers });
    const { items } = read(g);
    expect(items[0]).toMatchObject({ seq: "1", number: "〔2021〕1号", section: "督导室", dueOn: "2021-04-30" });
  });

  it("skips blank rows between items and keeps sheet row numbers", () => {
    const g = registrySheet([GOOD_ROW, {}, { 序号: "" }, { ...GOOD_ROW, 序号: 2, 督办事项编号: "〔2021〕2号" }]);
    expect(read(g).items.map((i) => [i.row, i.number])).toEqual([
      [3, "〔2021〕1号"],
      [6, "〔2021〕2号"],
    ]);
  });

  it("does not take prepared empty rows as items (序号, defaults filled down, status or #N/A formulas)", () => {
    const g = registrySheet([
      GOOD_ROW,
      { 序号: 2 },
      { 序号: 3, 状态: "办理中" },
      { 序号: 4, 承办单位负责人: err("#N/A"), 状态: "" },
      { 序号: 5, 督办事项内容: "  " },
      { 序号: 6, 紧急程度: "一般", 密级: "公开", 重大事项: "否", 状态: "办理中" },
    ]);
    const { items, issues } = read(g);
    expect(items.map((i) => i.row)).toEqual([3]);
    expect(issues).toEqual([]);
  });

  it("takes a row with only its number filled as an item (a reserved number)", () => {
    const { items } = read(registrySheet([{ 序号: 1, 督办事项编号: "〔2021〕1号" }]));
    expect(items.map((i) => [i.row, i.number, i.content])).toEqual([[3, "〔2021〕1号", ""]]);
  });

  it("skips a repeat of the header row", () => {
    const headers = [...OFFICIAL_HEADERS];
    const g = grid("督办事项登记表", [headers, [1, "〔2021〕1号", "甲"], headers, [2, "〔2021〕2号", "乙"]]);
    expect(read(g).items.map((i) => i.row)).toEqual([2, 4]);
  });

  it.each([
    ["an Excel date", date("2021-03-05"), "2021-03-05"],
    ["a serial number", 44260, "2021-03-05"],
    ["a serial with a time of day", 44260.5, "2021-03-05"],
    ["ISO text", "2021-03-05", "2021-03-05"],
    ["slashes", "2021/3/5", "2021-03-05"],
    ["dots", "2021.3.5", "2021-03-05"],
    ["Chinese text", "2021年3月5日", "2021-03-05"],
    ["full-width digits", "２０２１年３月５日", "2021-03-05"],
  ] as [string, Cellish, string][])("reads 任务下达时间 given as %s", (_label, value, iso) => {
    const { items, issues } = read(registrySheet([{ ...GOOD_ROW, 任务下达时间: value }]));
    expect(issues).toEqual([]);
    expect(items[0].issuedOn).toBe(iso);
  });

  it.each([
    ["date-unparseable", "下周一", "要求完成时间"],
    ["date-unparseable", "2021-3", "要求完成时间"],
    ["date-impossible", "2021-02-30", "要求完成时间"],
    ["date-impossible", "2021年13月1日", "要求完成时间"],
    ["date-fictitious", 60, "要求完成时间"],
  ] as [string, Cellish, string][])(
    "reports %s for 要求完成时间 %j and leaves the date null",
    (code, value, column) => {
      const { items, issues } = read(registrySheet([{ ...GOOD_ROW, 要求完成时间: value }]));
      expect(items[0].dueOn).toBeNull();
      expect(issues).toEqual([expect.objectContaining({ row: 3, column, code, severity: "error" })]);
      expect(issues[0].message).toContain(String(value));
    },
  );

  it("names a date column by its canonical header even when the sheet spells it differently", () => {
    const headers = OFFICIAL_HEADERS.map((h) => (h === "任务下达时间" ? "任务下\n达时间" : h));
    const g = grid("督办事项登记表", [headers, [1, "", "甲", "", "", "", "三月初"]]);
    expect(read(g).issues.map((i) => i.column)).toEqual(["任务下达时间"]);
  });

  it.each(["#N/A", "#REF!", "#VALUE!"])("reports an error value %s in a known column and leaves it blank", (value) => {
    const { items, issues } = read(registrySheet([{ ...GOOD_ROW, 督办科室或单位: err(value), 签收日期: err(value) }]));
    expect(items[0].section).toBe("");
    expect(items[0].signedOn).toBeNull();
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, "督办科室或单位", "cell-error"],
      [3, "签收日期", "cell-error"],
    ]);
    expect(issues[0].message).toContain(value);
  });

  it("reports an error value in the 状态 column of an item", () => {
    const { issues } = read(registrySheet([{ ...GOOD_ROW, 状态: err("#NAME?") }]));
    expect(issues.map((i) => [i.column, i.code])).toEqual([["状态", "cell-error"]]);
  });

  it("ignores values in unknown columns: a row with only them is no item", () => {
    const headers = [...OFFICIAL_HEADERS, "经办人"];
    const g = grid("督办事项登记表", [headers, [...OFFICIAL_HEADERS.map(() => null), "李四"]]);
    expect(read(g).items).toEqual([]);
  });

  it("reads text of numbers, booleans and trims text", () => {
    const { items } = read(registrySheet([{ ...GOOD_ROW, 督办事项编号: 3, 来文编号: true, 备注: "  注意  " }]));
    expect(items[0]).toMatchObject({ number: "3", sourceDocNo: "TRUE", remarks: "注意" });
  });

  it("reads ragged rows shorter than the header", () => {
    const g = grid("督办事项登记表", [[...OFFICIAL_HEADERS], [1, "〔2021〕1号", "甲"]]);
    expect(read(g).items[0]).toMatchObject({ content: "甲", remarks: "", dueOn: null });
  });

  it("reads 30,000 rows, the last one at sheet row 30002", () => {
    const rows = Array.from({ length: 30000 }, (_, i) => ({
      ...GOOD_ROW,
      序号: i + 1,
      督办事项编号: `〔2021〕${i + 1}号`,
    }));
    const { items } = read(registrySheet(rows));
    expect(items).toHaveLength(30000);
    expect(items[29999].row).toBe(30002);
  });
});
