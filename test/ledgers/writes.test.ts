/**
 * Writes around merged cells and classified items: a number goes to a merge's top-left cell;
 * a write the layout cannot take is refused with a coded AppError naming the cell (exit 2 on
 * the command line, never "发生意外错误"); fixes are logged as one undoable 修正 operation,
 * and a classified item's content never reaches the 操作日志.
 */
import * as path from "path";
import * as ExcelJS from "exceljs";
import { AppError } from "../../src/app/errors";
import { runFix } from "../../src/app/fix";
import { metaLabel } from "../../src/app/operations";
import { runNumbering } from "../../src/app/number";
import type { CellWrite, WorkbookPort } from "../../src/app/port";
import type { LoggedWorkbookPort } from "../../src/app/ports/operation-log";
import type { OperationMeta } from "../../src/app/operations";
import type { SheetGrid } from "../../src/domain/cell";
import { writeTarget } from "../../src/domain/merged-cells";
import { CLASSIFIED_CONTENT_SHOWN } from "../../src/domain/vocabulary";
import { date, grid } from "../domain/grid-helpers";
import { OFFICIAL_HEADERS } from "../domain/grid-helpers";
import { makeTempDir, removeDir, runCli } from "../cli/helpers";

const TODAY = "2026-12-02";
const box = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });

describe("where a value for a cell may be written", () => {
  const merges = [box(5, 2, 6, 2), box(8, 1, 8, 2)];
  it.each<[string, number, number, number, number, ReturnType<typeof writeTarget>]>([
    ["a cell no merge covers: itself", 3, 2, 3, 3, { ok: true, row: 3, col: 2 }],
    ["the top-left cell of a merge: itself", 5, 2, 5, 6, { ok: true, row: 5, col: 2 }],
    [
      "a covered cell of a merge down its column, within the item: the top-left",
      6,
      2,
      5,
      6,
      { ok: true, row: 5, col: 2 },
    ],
    ["a covered cell of a merge across columns: refused", 8, 2, 8, 8, { ok: false, merge: box(8, 1, 8, 2) }],
    ["a covered cell whose merge starts above the item: refused", 6, 2, 6, 6, { ok: false, merge: box(5, 2, 6, 2) }],
  ])("%s", (_rule, row, col, first, last, expected) => {
    expect(writeTarget(merges, row, col, first, last)).toEqual(expected);
  });

  it("unknown merges allow the cell itself", () => {
    expect(writeTarget(undefined, 6, 2)).toEqual({ ok: true, row: 6, col: 2 });
  });
});

/** A port over grids that records what it is asked to write (logged or not). */
class MemoryPort implements LoggedWorkbookPort {
  readonly plain: CellWrite[][] = [];
  readonly logged: { writes: CellWrite[]; meta: OperationMeta }[] = [];
  constructor(readonly grids: SheetGrid[]) {}
  async sheetNames() {
    return this.grids.map((g) => g.name);
  }
  async readSheets(names: readonly string[]) {
    return this.grids.filter((g) => names.includes(g.name));
  }
  async writeCells(writes: readonly CellWrite[]) {
    this.plain.push([...writes]);
  }
  async writeLogged(writes: readonly CellWrite[], meta: OperationMeta) {
    this.logged.push({ writes: [...writes], meta });
  }
}

/** Official headers in row 1; row 2: a 秘密 item with its content typed in, a number in brackets, a text date. */
function ledger(): SheetGrid {
  const row = (values: Record<string, unknown>) => OFFICIAL_HEADERS.map((h) => values[h] ?? null);
  return grid("督办事项登记表", [
    [...OFFICIAL_HEADERS],
    row({
      督办事项编号: "[2026]1号",
      督办事项内容: "某校财务审计问题整改",
      密级: "秘密",
      任务下达时间: "2026-11-02",
      要求完成时间: date("2026-11-30"),
      督办科室或单位: "办公室",
    }),
  ] as never);
}

describe("runFix", () => {
  it("applies the form fixes as one 修正 operation when the port keeps the 操作日志; a text date becomes a date", async () => {
    const port = new MemoryPort([ledger()]);
    const { fixed } = await runFix(port, TODAY);
    expect(fixed).toEqual([
      { sheet: "督办事项登记表", row: 2, column: "督办事项编号", from: "[2026]1号", to: "〔2026〕1号" },
      { sheet: "督办事项登记表", row: 2, column: "任务下达时间", from: "2026-11-02", to: "2026-11-02" },
    ]);
    expect(port.plain).toEqual([]);
    expect(port.logged).toHaveLength(1);
    expect(port.logged[0].meta).toEqual({ kind: "fix" });
    expect(metaLabel(port.logged[0].meta)).toBe("修正");
    expect(port.logged[0].writes[1]).toMatchObject({ row: 2, col: 7, value: { t: "date", v: "2026-11-02" } });
    expect(port.logged[0].writes[1].numFmt).toBe('yyyy"年"m"月"d"日"');
  });

  it("replaces a classified item's content only when asked for that cell, and never logs the content", async () => {
    const port = new MemoryPort([ledger()]);
    expect((await runFix(port, TODAY)).fixed.map((f) => f.column)).not.toContain("督办事项内容");
    const asked = new MemoryPort([ledger()]);
    const { fixed } = await runFix(asked, TODAY, { only: [{ row: 2, column: "督办事项内容" }] });
    expect(fixed).toEqual([
      {
        sheet: "督办事项登记表",
        row: 2,
        column: "督办事项内容",
        from: CLASSIFIED_CONTENT_SHOWN,
        to: "涉密事项，内容见纸质台账",
      },
    ]);
    const write = asked.logged[0].writes[0];
    expect(write.old).toEqual({ t: "string", v: CLASSIFIED_CONTENT_SHOWN });
    expect(JSON.stringify(asked.logged)).not.toContain("某校财务审计问题整改");
  });

  it("writes plainly through a port without the 操作日志", async () => {
    const g = ledger();
    const port: WorkbookPort & { writes: CellWrite[][] } = {
      writes: [],
      sheetNames: async () => [g.name],
      readSheets: async () => [g],
      writeCells: async (w) => void port.writes.push([...w]),
    };
    await runFix(port, TODAY);
    expect(port.writes).toHaveLength(1);
  });
});

describe("a write the layout cannot take", () => {
  /** Row 2: 序号 and 编号 merged across (A2:B2) on an unnumbered item: its 编号 cell is covered. */
  function covered(): SheetGrid {
    const g = grid("督办事项登记表", [
      [...OFFICIAL_HEADERS],
      [1, null, "事项", null, null, null, date("2026-11-02"), date("2026-11-30"), "督导室"],
    ]);
    return { ...g, merges: [box(2, 1, 2, 2)] };
  }

  it("is refused with AppError covered-cell naming the cell, before anything is written", async () => {
    const port = new MemoryPort([covered()]);
    const error = await runNumbering(port, TODAY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "covered-cell" });
    expect((error as Error).message).toContain("B2");
    expect((error as Error).message).toContain("A2:B2");
    expect(port.plain).toEqual([]);
  });

  it("on the command line: exit 2, one Chinese line naming the cell, never 发生意外错误", async () => {
    const dir = makeTempDir();
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("督办事项登记表");
      OFFICIAL_HEADERS.forEach((h, i) => (ws.getCell(1, i + 1).value = h));
      ws.getCell(2, 1).value = 1;
      ws.getCell(2, 3).value = "事项";
      ws.getCell(2, 7).value = new Date("2026-11-02T00:00:00Z");
      ws.getCell(2, 8).value = new Date("2026-11-30T00:00:00Z");
      ws.getCell(2, 9).value = "督导室";
      ws.mergeCells("A2:B2");
      await wb.xlsx.writeFile(path.join(dir, "登记表.xlsx"));
      const run = await runCli(["number", "登记表.xlsx", "-o", "out.xlsx"], { cwd: dir, today: TODAY });
      expect(run.code).toBe(2);
      expect(run.stderr).toHaveLength(1);
      expect(run.stderr[0]).toContain("B2");
      expect(run.stderr[0]).not.toContain("发生意外错误");
    } finally {
      removeDir(dir);
    }
  });
});
