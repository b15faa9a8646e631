/**
 * The contract every WorkbookPort adapter keeps, as scenarios run through the use cases the
 * CLI and the task pane offer: read a registry with a title row, check, status, number, make a
 * notice, undo (also with a co-author's later edit), number while a co-author numbers too, and
 * refresh / init the workbook's setup (SetupTarget: 状态 formula, lists, colours, sheets).
 * One runner per adapter calls contractSuite(harness); cross-adapter.test.ts also checks that
 * both adapters give the same results.
 */
import { cellText, type SheetGrid } from "../../../src/domain/cell";
import { runCheck } from "../../../src/app/check";
import { runStatus } from "../../../src/app/status";
import { runNumbering } from "../../../src/app/number";
import { generateDocument } from "../../../src/app/documents";
import { runUndo } from "../../../src/app/undo";
import { runRefresh } from "../../../src/app/refresh";
import { runInit } from "../../../src/app/init";
import { runAnalysis, writeAnalysisSheet } from "../../../src/app/analysis";
import { semesterPeriod } from "../../../src/domain/analysis/period";
import { rangeRef } from "../../../src/domain/a1-ref";
import type { CellRange } from "../../../src/domain/cell";
import { STATUS_COLOURS } from "../../../src/domain/registry-plan";
import { ALL_COLUMNS } from "../../../src/domain/columns";
import { OPERATION_LOG_SHEET, parseOperationLog } from "../../../src/domain/operation-log";
import { numberCoauthored } from "../../../src/app/number-coauthored";
import { OPERATION_LABELS } from "../../../src/app/operations";
import { registryRows, REGISTRY, NUMBER_COL, HEADERS, HEADER_ROW, DATE_COLUMNS } from "./fixture";
import type { Harness, Subject } from "./harness";

const CLASH_REPAIR_OPERATION = OPERATION_LABELS["number-repair"];

export const TODAY = "2026-11-25";
/** 12 items; items 4, 8 and 12 (rows 6, 10, 14) have no number; the others are 〔2026〕1号…9号. */
export const ROWS = registryRows({ items: 12, unnumberedEvery: 4 });
export const UNNUMBERED_ROWS = [6, 10, 14];

export const numberAt = (grid: SheetGrid, row: number) => cellText(grid.rows[row - 1]?.[NUMBER_COL - 1]);

/** Cells that differ between two grids, as "row,col". */
export function diffCells(a: SheetGrid, b: SheetGrid): string[] {
  const out: string[] = [];
  const rows = Math.max(a.rows.length, b.rows.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(a.rows[r]?.length ?? 0, b.rows[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      if (cellText(a.rows[r]?.[c]) !== cellText(b.rows[r]?.[c])) out.push(`${r + 1},${c + 1}`);
    }
  }
  return out;
}

export function contractSuite(harness: Harness): void {
  describe(`WorkbookPort contract: ${harness.name}`, () => {
    let subject: Subject;
    beforeEach(async () => {
      subject = await harness.open(ROWS);
    });

    test("a registry with a title row is found below it and every item is read", async () => {
      const check = await subject.run("检查", (port) => runCheck(port, TODAY));
      expect(check.sheetName).toBe(REGISTRY);
      expect(check.rows).toBe(12);
      expect(check.items[0].row).toBe(3);
      expect(check.items.map((i) => i.number).filter((n) => n === "")).toHaveLength(3);
      expect(check.items[0].issuedOn).toBe("2026-03-03");
      expect(check.items[0].content).toContain("校园安全");
    });

    test("status lists every item with its deadline read from the serial date", async () => {
      const status = await subject.run("状态", (port) => runStatus(port, TODAY));
      expect(status.items).toHaveLength(12);
      expect(status.items[0]).toMatchObject({ row: 3, number: "〔2026〕1号", deadline: "2026-05-02" });
      expect(status.items.find((i) => i.row === 6)?.number).toBeNull();
    });

    test("numbering writes exactly the unnumbered cells, continuing after the highest number", async () => {
      const before = await subject.grid(REGISTRY);
      const result = await subject.run("编号", (port) => runNumbering(port, TODAY));
      expect(result.assigned).toEqual([
        { sheet: REGISTRY, row: 6, number: "〔2026〕10号" },
        { sheet: REGISTRY, row: 10, number: "〔2026〕11号" },
        { sheet: REGISTRY, row: 14, number: "〔2026〕12号" },
      ]);
      const after = await subject.grid(REGISTRY);
      expect(diffCells(before, after)).toEqual(UNNUMBERED_ROWS.map((r) => `${r},${NUMBER_COL}`));
      expect(numberAt(after, 10)).toBe("〔2026〕11号");
    });

    test("every write is recorded in the hidden 操作日志 with its old and new value", async () => {
      await subject.run("编号", (port) => runNumbering(port, TODAY));
      expect(subject.hidden(OPERATION_LOG_SHEET)).toBe(true);
      const { entries, skipped } = parseOperationLog(await subject.grid(OPERATION_LOG_SHEET));
      expect(skipped).toBe(0);
      expect(entries.map((e) => [e.operation, e.sheet, e.address, e.old.t, cellText(e.new)]).sort()).toEqual([
        ["编号", REGISTRY, "B10", "empty", "〔2026〕11号"],
        ["编号", REGISTRY, "B14", "empty", "〔2026〕12号"],
        ["编号", REGISTRY, "B6", "empty", "〔2026〕10号"],
      ]);
    });

    test("a notice is drawn as a new sheet and the registry is left as it was", async () => {
      const before = await subject.grid(REGISTRY);
      const result = await subject.run("生成通知单", (port) =>
        generateDocument(port, "notice", { number: "[2026]2号", today: TODAY }),
      );
      expect(await subject.sheetNames()).toContain(result.sheetName);
      const sheet = await subject.grid(result.sheetName);
      const texts = sheet.rows.flat().map((c) => cellText(c));
      expect(texts).toContain(result.layout.title);
      for (const cell of result.layout.cells) {
        expect(cellText(sheet.rows[cell.row - 1]?.[cell.col - 1])).toBe(cell.value.trim());
      }
      expect(diffCells(before, await subject.grid(REGISTRY))).toEqual([]);
    });

    test("the 督办分析报告 carries one native clustered column chart of the table's own cells", async () => {
      const written = await subject.run("生成督办分析报告", async (port) =>
        writeAnalysisSheet(port, await runAnalysis(port, { period: semesterPeriod(2026, "spring"), today: TODAY })),
      );
      const spec = written.layout.charts?.[0];
      if (!spec) throw new Error("the report has no chart");
      const at = (range: CellRange) => `${written.sheetName}!${rangeRef(range)}`;
      expect(subject.inspect.charts(written.sheetName)).toEqual([
        {
          type: "clusteredColumn",
          title: "按期办结、逾期办结、逾期未办结事项数（按督办科室）",
          series: spec.series.map((s) => ({
            name: s.name,
            values: at(s.values),
            categories: at(spec.categories),
            fill: `#${s.colour.toUpperCase()}`,
          })),
        },
      ]);
      expect(spec.series.map((s) => s.name)).toEqual(["按期办结", "逾期办结", "逾期未办结"]);
      // The values are the table's numbers: one row per section (four sections of three items).
      const sheet = await subject.grid(written.sheetName);
      const overdue = spec.series[2].values;
      const column = sheet.rows.slice(overdue.top - 1, overdue.bottom).map((r) => r[overdue.left - 1]);
      expect(column).toEqual(Array(4).fill({ t: "number", v: 3 }));
    });

    test("undo restores the registry exactly; undoing again finds nothing more", async () => {
      const before = await subject.grid(REGISTRY);
      await subject.run("编号", (port) => runNumbering(port, TODAY));
      const undo = await subject.run("撤销上次操作", (port) => runUndo(port));
      expect(undo).toMatchObject({ operation: "编号", restored: 3, conflicts: [] });
      expect(diffCells(before, await subject.grid(REGISTRY))).toEqual([]);
      const again = await subject.run("撤销上次操作", (port) => runUndo(port));
      expect(again).toMatchObject({ operationId: null, restored: 0, message: "没有可撤销的操作" });
    });

    test("undo leaves a cell a co-author changed since, and reports it", async () => {
      await subject.run("编号", (port) => runNumbering(port, TODAY));
      subject.edit(REGISTRY, 10, NUMBER_COL, "〔2026〕30号");
      const undo = await subject.run("撤销上次操作", (port) => runUndo(port));
      expect(undo.restored).toBe(2);
      expect(undo.conflicts.map((c) => [c.address, cellText(c.current), cellText(c.written)])).toEqual([
        ["B10", "〔2026〕30号", "〔2026〕11号"],
      ]);
      expect(undo.message).toContain("1 个单元格已被他人修改");
      const after = await subject.grid(REGISTRY);
      expect([numberAt(after, 6), numberAt(after, 10), numberAt(after, 14)]).toEqual(["", "〔2026〕30号", ""]);
    });

    test("notice, then undo removes the notice sheet; undoing again takes back the numbering", async () => {
      await subject.run("编号", (port) => runNumbering(port, TODAY));
      const sheetsBefore = await subject.sheetNames();
      const numbered = await subject.grid(REGISTRY);
      const notice = await subject.run("生成督办事项通知单", (port) =>
        generateDocument(port, "notice", { number: "[2026]2号", today: TODAY }),
      );
      const logged = parseOperationLog(await subject.grid(OPERATION_LOG_SHEET));
      expect(logged.skipped).toBe(0);
      expect(logged.entries[0]).toMatchObject({
        operation: "生成督办事项通知单",
        sheet: notice.sheetName,
        address: "（新建整个工作表）",
        sheetAction: "created",
      });
      const undo = await subject.run("撤销上次操作", (port) => runUndo(port));
      expect(undo).toMatchObject({
        operation: "生成督办事项通知单",
        restored: 0,
        conflicts: [],
        deletedSheets: [notice.sheetName],
        missingSheets: [],
        message: `已撤销“生成督办事项通知单”：删除工作表“${notice.sheetName}”`,
      });
      expect(await subject.sheetNames()).toEqual(sheetsBefore);
      expect(diffCells(numbered, await subject.grid(REGISTRY))).toEqual([]);
      const again = await subject.run("撤销上次操作", (port) => runUndo(port));
      expect(again).toMatchObject({ operation: "编号", restored: 3 });
      expect(numberAt(await subject.grid(REGISTRY), 6)).toBe("");
    });

    test("a 催办提示单 and the 催办记录 it started are taken back by one undo", async () => {
      const sheetsBefore = await subject.sheetNames();
      const remind = await subject.run("生成催办提示单", (port) =>
        generateDocument(port, "remind", { number: "〔2026〕3号", today: TODAY }),
      );
      expect(await subject.sheetNames()).toEqual(expect.arrayContaining([remind.sheetName, "催办记录"]));
      const ids = new Set(
        parseOperationLog(await subject.grid(OPERATION_LOG_SHEET))
          .entries.filter((e) => e.operation === "生成催办提示单")
          .map((e) => e.id),
      );
      expect(ids.size).toBe(1);
      const undo = await subject.run("撤销上次操作", (port) => runUndo(port));
      expect([...(undo.deletedSheets ?? [])].sort()).toEqual([remind.sheetName, "催办记录"].sort());
      expect(await subject.sheetNames()).toEqual([...sheetsBefore, OPERATION_LOG_SHEET]);
      expect((await subject.run("撤销上次操作", (port) => runUndo(port))).message).toBe("没有可撤销的操作");
    });

    test("undo of a notice whose sheet the person deleted says so, and counts as done", async () => {
      const notice = await subject.run("生成督办事项通知单", (port) =>
        generateDocument(port, "notice", { number: "〔2026〕2号", today: TODAY }),
      );
      subject.removeSheet(notice.sheetName);
      const sheetsBefore = await subject.sheetNames();
      expect(sheetsBefore).not.toContain(notice.sheetName);
      const undo = await subject.run("撤销上次操作", (port) => runUndo(port));
      expect(undo).toMatchObject({
        operation: "生成督办事项通知单",
        deletedSheets: [],
        missingSheets: [notice.sheetName],
      });
      expect(undo.message).toContain(`工作表“${notice.sheetName}”已不存在`);
      expect(await subject.sheetNames()).toEqual(sheetsBefore);
      expect((await subject.run("撤销上次操作", (port) => runUndo(port))).message).toBe("没有可撤销的操作");
    });

    test("a number a co-author took meanwhile is given up for the next free one, and logged", async () => {
      // The co-author adds item 13 (row 15) with 〔2026〕10号 while the add-in numbers.
      subject.coauthorBeforeNextWrite(REGISTRY, 15, NUMBER_COL, "〔2026〕10号");
      const result = await subject.run("编号", (port) => numberCoauthored(port, TODAY));
      expect(result.clashes).toEqual([
        expect.objectContaining({ row: 6, number: "〔2026〕10号", takenBy: [15], renumbered: "〔2026〕13号" }),
      ]);
      expect(result.assigned).toEqual([
        { sheet: REGISTRY, row: 6, number: "〔2026〕13号" },
        { sheet: REGISTRY, row: 10, number: "〔2026〕11号" },
        { sheet: REGISTRY, row: 14, number: "〔2026〕12号" },
      ]);
      const grid = await subject.grid(REGISTRY);
      expect([6, 10, 14, 15].map((r) => numberAt(grid, r))).toEqual([
        "〔2026〕13号",
        "〔2026〕11号",
        "〔2026〕12号",
        "〔2026〕10号",
      ]);
      const log = parseOperationLog(await subject.grid(OPERATION_LOG_SHEET)).entries;
      expect(
        log
          .filter((e) => e.operation === CLASH_REPAIR_OPERATION)
          .map((e) => [e.address, cellText(e.old), cellText(e.new)]),
      ).toEqual([["B6", "〔2026〕10号", "〔2026〕13号"]]);
      // Undo of the repair puts the clashing number back (it still holds what the repair wrote).
      const undo = await subject.run("撤销上次操作", (port) => runUndo(port));
      expect(undo).toMatchObject({ operation: CLASH_REPAIR_OPERATION, restored: 1 });
    });

    // ── refresh and init (SetupTarget) ──

    /** Column of 状态 once refresh adds it: right of the fixture's columns. */
    const STATUS_COL = HEADERS.length + 1;
    const col = (header: string) => HEADERS.indexOf(header) + 1;
    const refresh = () => subject.run("刷新", (port) => runRefresh(port, port, TODAY));

    test("refresh adds 状态 and its helper columns, lists and colours without changing a typed value", async () => {
      const before = await subject.grid(REGISTRY);
      const result = await refresh();
      expect(result.addedColumns).toEqual(["状态", "截止日期", "剩余工作日"]);
      expect(result.outcome.conflicts).toEqual([]);
      const after = await subject.grid(REGISTRY);
      // Every cell that held something still holds it; only the new columns were written.
      const added = [STATUS_COL, STATUS_COL + 1, STATUS_COL + 2].map((c) => `,${c}`);
      expect(diffCells(before, after).filter((k) => !added.some((a) => k.endsWith(a)))).toEqual([]);
      expect(cellText(after.rows[HEADER_ROW - 1][STATUS_COL - 1])).toBe("状态");
      // The live status formula on every item row and the spare rows below, each reading its own row.
      const f = (row: number, c = STATUS_COL) => subject.inspect.formula(REGISTRY, row, c) ?? "";
      const result13 = `${String.fromCharCode(64 + col("督办结果"))}`;
      const [x, y] = [String.fromCharCode(64 + STATUS_COL + 1), String.fromCharCode(64 + STATUS_COL + 2)];
      expect(f(3)).toContain("预警阈值");
      expect(f(14)).toContain(`FIND(办结用语,${result13}14)`);
      expect(f(14)).toContain(`IF(${x}14<TODAY(),"逾期",IF(${y}14<=预警阈值,"临期","办理中"))`);
      expect(f(14)).not.toContain(`${result13}3)`);
      expect(f(400)).toContain(`FIND(办结用语,${result13}400)`);
      expect(f(401)).toBe("");
      expect(f(14, STATUS_COL + 2)).toBe(`IFERROR(INDEX(日历累计,MATCH(${x}14,日历日期,0))-今日累计,"")`);
      expect(f(400, STATUS_COL + 1)).toMatch(/^IF\(ISNUMBER\(/);
      // Lists: literal, from 设置 by name, and dates within the calendar.
      expect(subject.inspect.validation(REGISTRY, 3, col("紧急程度"))).toEqual({
        kind: "list",
        source: "特急,加急,一般",
      });
      expect(subject.inspect.validation(REGISTRY, 400, col("督办科室或单位"))).toEqual({
        kind: "list",
        source: "科室列表",
      });
      expect(subject.inspect.validation(REGISTRY, 3, col("任务下达时间"))).toEqual({ kind: "date" });
      expect(subject.inspect.validation(REGISTRY, HEADER_ROW, STATUS_COL)).toEqual({ kind: "custom" });
      expect(subject.inspect.validation(REGISTRY, 401, col("紧急程度"))).toBeNull();
      // Colours: dates that are not dates and duplicate numbers in red, then the four traffic
      // lights on the whole body.
      const letter = String.fromCharCode(64 + STATUS_COL);
      const formats = subject.inspect.conditionalFormats(REGISTRY);
      const dates = DATE_COLUMNS.map((c) => String.fromCharCode(64 + c));
      expect(formats.map((c) => [c.range, c.formula, c.fill])).toEqual([
        ...dates.map((c) => [
          `${c}3:${c}400`,
          `OR(AND(ISTEXT($${c}3),TRIM($${c}3)<>""),N($${c}3)>DATE(9999,12,31))`,
          "#FF0000",
        ]),
        [`B3:B400`, 'AND(TRIM($B3)<>"",COUNTIF($B$3:$B$400,$B3)>1)', "#FF0000"],
        ...(["已终止", "已办结", "逾期", "临期"] as const).map((s) => [
          `A3:${String.fromCharCode(64 + STATUS_COL + 2)}400`,
          `$${letter}3="${s}"`,
          `#${STATUS_COLOURS[s].fill.slice(2)}`,
        ]),
      ]);
      expect(subject.inspect.frozenRows(REGISTRY)).toBe(HEADER_ROW);
      expect(subject.inspect.printArea(REGISTRY)).toBe("A1:N14");
      expect(await subject.sheetNames()).toEqual(expect.arrayContaining(["督办看板", "设置", "工作日历"]));
      expect(subject.inspect.names()).toMatchObject({
        科室列表: expect.stringMatching(/^设置!A\d+:A\d+$/),
        预警阈值: "设置!B4",
        日历日期: expect.stringMatching(/^工作日历!A2:A\d+$/),
        日历累计: expect.stringMatching(/^工作日历!H2:H\d+$/),
        今日累计: "工作日历!N4",
        登记表状态: `${REGISTRY}!${letter}3:${letter}400`,
      });
      expect(result.outcome.changes).toEqual(
        expect.arrayContaining([
          { sheet: REGISTRY, kind: "cells", count: 3 * 398 + 3 },
          { sheet: REGISTRY, kind: "conditional-formats", count: 11 },
          { sheet: "工作日历", kind: "sheet-created", count: 1 },
        ]),
      );
    });

    test("a status someone typed is kept and reported; the formula goes everywhere else", async () => {
      subject.edit(REGISTRY, HEADER_ROW, STATUS_COL, "状态");
      subject.edit(REGISTRY, 6, STATUS_COL, "已办结");
      const result = await refresh();
      expect(result.addedColumns).toEqual(["截止日期", "剩余工作日"]);
      expect(result.outcome.conflicts.map((c) => [c.sheet, c.address, c.found])).toEqual([
        [REGISTRY, `${String.fromCharCode(64 + STATUS_COL)}6`, "已办结"],
      ]);
      expect(numberAt(await subject.grid(REGISTRY), 6)).toBe("");
      expect(cellText((await subject.grid(REGISTRY)).rows[5][STATUS_COL - 1])).toBe("已办结");
      expect(subject.inspect.formula(REGISTRY, 6, STATUS_COL)).toBeNull();
      expect(subject.inspect.formula(REGISTRY, 5, STATUS_COL)).toContain("预警阈值");
      expect(subject.inspect.formula(REGISTRY, 7, STATUS_COL)).toContain("预警阈值");
    });

    test("refreshing twice changes nothing more", async () => {
      await refresh();
      const sheets = await subject.sheetNames();
      const grids = await Promise.all(sheets.map((s) => subject.grid(s)));
      const look = () =>
        [REGISTRY, "工作日历", "设置", "督办看板"].map((s) => ({
          formats: subject.inspect.conditionalFormats(s),
          validated: subject.inspect.validatedCells(s),
          frozen: subject.inspect.frozenRows(s),
          print: subject.inspect.printArea(s),
        }));
      const looked = look();
      const names = subject.inspect.names();
      const second = await refresh();
      expect(second.outcome).toEqual({ changes: [], conflicts: [] });
      expect(second.unchanged).toBe(true);
      expect(await subject.sheetNames()).toEqual(sheets);
      for (const [i, s] of sheets.entries()) expect([s, diffCells(grids[i], await subject.grid(s))]).toEqual([s, []]);
      expect(look()).toEqual(looked);
      expect(subject.inspect.names()).toEqual(names);
    });

    test("init turns an empty registry sheet into a registry with every header, ready to refresh", async () => {
      const empty = await harness.open([]);
      const result = await empty.run("新建台账", (port) => runInit(port, port, TODAY));
      expect(result.created).toBe(true);
      const grid = await empty.grid(REGISTRY);
      expect(cellText(grid.rows[0][0])).toBe("督办事项登记表");
      expect(grid.rows[1].map((c) => cellText(c))).toEqual([
        ...ALL_COLUMNS.map((c) => c.header),
        "截止日期",
        "剩余工作日",
      ]);
      expect(await empty.sheetNames()).toEqual(expect.arrayContaining(["督办看板", "设置", "工作日历"]));
      expect(empty.inspect.formula(REGISTRY, 3, ALL_COLUMNS.length)).toContain("预警阈值");
      const check = await empty.run("检查", (port) => runCheck(port, TODAY));
      expect(check).toMatchObject({ sheetName: REGISTRY, rows: 0 });
      const again = await empty.run("刷新", (port) => runRefresh(port, port, TODAY));
      expect(again.outcome).toEqual({ changes: [], conflicts: [] });
    });

    test("a person's own conditional format survives two refreshes, ahead of the add-in's", async () => {
      subject.addOwnFormat(REGISTRY, "C3:C20", "LEN($C3)>50", "#FFFF00");
      await refresh();
      const second = await refresh();
      expect(second.outcome).toEqual({ changes: [], conflicts: [] });
      const formats = subject.inspect.conditionalFormats(REGISTRY);
      expect(formats[0]).toEqual({ range: "C3:C20", formula: "LEN($C3)>50", fill: "#FFFF00" });
      expect(formats.filter((f) => f.formula === "LEN($C3)>50")).toHaveLength(1);
      expect(formats).toHaveLength(1 + 11);
    });

    test("upgrade: a workbook set up by the earlier version gets the short formulas and the linear calendar", async () => {
      // What the earlier version left: long 状态 formulas reading 日历序/今日序, a calendar with the
      // helper columns 生效是否工作日 … 日期键, and the names they used.
      const oldStatus = (row: number) =>
        `IF(COUNTIF(B${row}:V${row},"?*")+COUNT(B${row}:V${row})>0,IF(IFERROR(TRIM(M${row})="终止",FALSE),"已终止",` +
        `IFERROR(CHOOSE(MAX(-1,MIN(1,INT((INDEX(日历序,MATCH(H${row},日历日期,0))-今日序)/((预警阈值+1)*100000))))+2,"逾期","临期","办理中"),"办理中")),"")`;
      subject.edit(REGISTRY, HEADER_ROW, STATUS_COL, "状态");
      for (let row = 3; row <= 400; row++) subject.setFormula(REGISTRY, row, STATUS_COL, oldStatus(row));
      const headers = [
        "日期",
        "是否工作日",
        "类型",
        "来源",
        "说明",
        "星期",
        "官方是否工作日",
        "生效是否工作日",
        "累计工作日",
        "日历序",
        "日期键",
      ];
      headers.forEach((h, i) => subject.edit("工作日历", 1, i + 1, h));
      ["2026-01-01", "0", "节假日", "官方", "元旦"].forEach((v, i) => subject.edit("工作日历", 2, i + 1, v));
      subject.edit("工作日历", 2, 11, "k2026-1-1");
      subject.setFormula("工作日历", 2, 10, "I2*100000+A2");
      subject.setFormula("工作日历", 2, 9, 'COUNTIFS(日历日期,"<="&A2,日历工作日,1)');
      subject.defineName("日历序", "'工作日历'!$J$2:$J$2");
      subject.defineName("今日序", "'工作日历'!$N$5");
      subject.defineName("日历键", "'工作日历'!$K$2:$K$2");
      const result = await refresh();
      expect(result.notes.filter((n) => n.code === "upgraded")).toHaveLength(1);
      expect(result.outcome.conflicts).toEqual([]);
      const statusFormulas = [3, 14, 400].map((r) => subject.inspect.formula(REGISTRY, r, STATUS_COL) ?? "");
      expect(statusFormulas.every((f) => f.includes("<TODAY()") && !f.includes("日历序"))).toBe(true);
      expect(Math.max(...statusFormulas.map((f) => f.length))).toBeLessThanOrEqual(400);
      const calendar = await subject.grid("工作日历");
      expect(calendar.rows[0].slice(0, 11).map((c) => cellText(c))).toEqual([
        ...headers.slice(0, 7),
        "累计工作日",
        "",
        "",
        "",
      ]);
      expect(calendar.rows.every((r) => r.slice(8, 11).every((c) => cellText(c) === ""))).toBe(true);
      expect(subject.inspect.formula("工作日历", 2, 8)).toBe('N(H1)+IF(D2="官方",G2,N(B2))');
      const names = subject.inspect.names();
      expect(Object.keys(names)).not.toEqual(expect.arrayContaining(["日历序"]));
      for (const gone of ["日历序", "今日序", "日历键"]) expect(names[gone]).toBeUndefined();
      expect(names["日历累计"]).toMatch(/^工作日历!H2:H\d+$/);
      const again = await refresh();
      expect(again.outcome).toEqual({ changes: [], conflicts: [] });
      expect(again.notes.filter((n) => n.code === "upgraded")).toEqual([]);
    });

    test("the header is the product's own: all columns the fixture wrote were found", async () => {
      const check = await subject.run("检查", (port) => runCheck(port, TODAY));
      expect(check.items[0]).toMatchObject({ hostUnit: "江津区第二中学", major: "否" });
      expect(HEADERS).toContain("签收日期");
    });
  });
}
