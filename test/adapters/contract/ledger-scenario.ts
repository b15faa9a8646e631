/**
 * The contract on a ledger as offices keep it, for both adapters: a merged title, a two-row
 * header (时间 over 任务下达时间/要求完成时间, 督办单位 over 督办/协办, the rest merged down) and
 * items over two rows (序号, 编号, 内容 and the dates merged down, one row per 承办单位). Check,
 * status, number (into the merge's top-left cell), refresh (columns on the lowest header row,
 * the formula on item rows only), a notice, and undo of the numbering.
 */
import { cellText } from "../../../src/domain/cell";
import { runCheck } from "../../../src/app/check";
import { runStatus } from "../../../src/app/status";
import { runNumbering } from "../../../src/app/number";
import { generateDocument } from "../../../src/app/documents";
import { runUndo } from "../../../src/app/undo";
import { runRefresh } from "../../../src/app/refresh";
import { isoToSerial } from "../../../src/domain/dates";
import { REGISTRY } from "./fixture";
import type { Harness, Subject } from "./harness";
import { diffCells } from "./contract-suite";

const TODAY = "2026-12-02";
const d = (iso: string) => isoToSerial(iso);

/** Columns: A 序号 B 编号 C 内容 D 密级 E–F 时间 G–H 督办单位 I 负责人 J 督办结果 K 承办单位. */
const GROUPS = [
  "序号",
  "督办事项编号",
  "督办事项内容",
  "密级",
  "时间",
  "",
  "督办单位",
  "",
  "承办单位负责人",
  "督办结果",
  "承办单位",
];
const SUBS = ["", "", "", "", "任务下达时间", "要求完成时间", "督办", "协办", "", "", ""];
const row = (cells: Record<number, unknown>) => Array.from({ length: 11 }, (_, i) => cells[i + 1] ?? "");

/** Rows from A1: title, the band (rows 2–3), items at 4–5 (two rows), 6, 7–8 (two rows, no number), 9. */
export const LEDGER_ROWS: unknown[][] = [
  row({ 1: "督办事项登记表" }),
  GROUPS,
  SUBS,
  row({
    1: 1,
    2: "〔2026〕1号",
    3: "各校完成消防设施检测",
    4: "公开",
    5: d("2026-10-12"),
    6: d("2026-11-30"),
    7: "督导室",
    9: "王五",
    10: "已办结",
    11: "江津中学",
  }),
  row({ 9: "赵六", 10: "未办结", 11: "江津二中" }),
  row({
    1: 2,
    2: "〔2026〕2号",
    3: "报送课后服务经费使用情况",
    4: "公开",
    5: d("2026-11-16"),
    6: d("2026-12-04"),
    7: "办公室",
    9: "钱七",
    11: "几江小学",
  }),
  row({
    1: 3,
    3: "落实学生午休课桌椅配备",
    4: "公开",
    5: d("2026-11-18"),
    6: d("2026-12-31"),
    7: "基教科",
    9: "吴十",
    11: "实验中学",
  }),
  row({ 9: "郑一", 11: "田家炳中学" }),
  row({
    1: 4,
    3: "开展师德师风专项检查",
    4: "公开",
    5: d("2026-11-25"),
    6: d("2026-12-15"),
    7: "组织科",
    9: "李明",
    11: "进修学校",
  }),
];

/** The header band's merges and the two items' merges down their rows. */
export const LEDGER_MERGES: readonly string[] = [
  ...["A", "B", "C", "D", "I", "J", "K"].map((c) => `${c}2:${c}3`),
  "E2:F2",
  "G2:H2",
  ...["A", "B", "C", "D", "E", "F", "G"].flatMap((c) => [`${c}4:${c}5`, `${c}7:${c}8`]),
];

export function ledgerScenario(harness: Harness): void {
  describe(`a two-row header and items over two rows: ${harness.name}`, () => {
    let subject: Subject;
    beforeEach(async () => {
      subject = await harness.open(LEDGER_ROWS, { merges: LEDGER_MERGES });
    });

    test("check reads the band, one item per merged block, 承办单位 collected, the continuation rows reported", async () => {
      const check = await subject.run("检查", (port) => runCheck(port, TODAY));
      expect(check.ledgers[0].layout).toMatchObject({ headerRow: 3, headerRows: [2, 3] });
      expect(check.ledgers[0].layout.columns).toMatchObject({ issuedOn: 5, dueOn: 6, section: 7, assisting: 8 });
      expect(check.ledgers[0].mergesKnown).toBe(true);
      expect(check.items.map((i) => [i.row, i.lastRow, i.hostUnit])).toEqual([
        [4, 5, "江津中学、江津二中"],
        [6, undefined, "几江小学"],
        [7, 8, "实验中学、田家炳中学"],
        [9, undefined, "进修学校"],
      ]);
      expect(check.ledgers[0].continuations).toEqual([
        { row: 5, itemRow: 4 },
        { row: 8, itemRow: 7 },
      ]);
      expect(check.issues).toEqual([]);
    });

    test("status: the item closed for one unit only is 逾期; due 12-04 is 临期", async () => {
      const status = await subject.run("状态", (port) => runStatus(port, TODAY));
      expect(status.items.map((i) => [i.row, i.status])).toEqual([
        [4, "逾期"],
        [6, "临期"],
        [7, "办理中"],
        [9, "办理中"],
      ]);
    });

    test("number writes into the merge's top-left cell and nowhere else; undo takes it back", async () => {
      const before = await subject.grid(REGISTRY);
      const result = await subject.run("编号", (port) => runNumbering(port, TODAY));
      expect(result.assigned).toEqual([
        { sheet: REGISTRY, row: 7, number: "〔2026〕3号" },
        { sheet: REGISTRY, row: 9, number: "〔2026〕4号" },
      ]);
      const after = await subject.grid(REGISTRY);
      expect(diffCells(before, after)).toEqual(["7,2", "9,2"]);
      await subject.run("撤销", (port) => runUndo(port));
      expect(diffCells(before, await subject.grid(REGISTRY))).toEqual([]);
    });

    test("refresh puts its columns on the lowest header row and the formula on item rows only", async () => {
      const result = await subject.run("刷新", (port) => runRefresh(port, port, TODAY));
      expect(result.addedColumns).toContain("状态");
      const grid = await subject.grid(REGISTRY);
      const statusCol = grid.rows[2].findIndex((c) => cellText(c) === "状态") + 1;
      expect(statusCol).toBeGreaterThan(11);
      expect(cellText(grid.rows[1][statusCol - 1])).toBe("");
      for (const r of [4, 6, 7, 9]) expect(subject.inspect.formula(REGISTRY, r, statusCol)).toContain("预警阈值");
      // No 状态, 截止日期 or 剩余工作日 of their own on the band and the continuation rows.
      for (const r of [2, 3, 5, 8]) {
        for (const c of [statusCol, statusCol + 1, statusCol + 2])
          expect(subject.inspect.formula(REGISTRY, r, c)).toBeNull();
      }
      // The first item's results of both rows are read: one unit's 未办结 keeps it open.
      expect(subject.inspect.formula(REGISTRY, 4, statusCol)).toContain('J4&"、"&J5');
      expect(subject.inspect.frozenRows(REGISTRY)).toBe(3);
      expect(result.notes).toEqual([]);
    });

    test("a notice of an item over two rows names both host units", async () => {
      const doc = await subject.run("通知单", (port) =>
        generateDocument(port, "notice", { number: "〔2026〕1号", today: TODAY }),
      );
      const text = doc.layout.cells.map((c) => c.value).join("\n");
      expect(text).toContain("江津中学、江津二中");
      expect(doc.warnings).toEqual([]);
    });
  });
}
