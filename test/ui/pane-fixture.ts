/**
 * PaneServices for component tests: the real services (createPaneServices, the real use cases)
 * over a workbook held in memory (the fake port), with selection, undo and fix recorded.
 */
import type { CellTarget, FixTarget, Outcome, PaneServices } from "../../src/taskpane/services";
import { createPaneServices } from "../../src/taskpane/pane-services";
import { metaLabel, operationMeta } from "../../src/app/operations";
import { runNumbering } from "../../src/app/number";
import type { DocumentPort } from "../../src/app/documents";
import type { SheetLayout } from "../../src/domain/layout/types";
import { date, grid, registrySheet, type RowSpec } from "../domain/grid-helpers";
import { LoggedMemoryPort } from "../app/memory-port";
import { SETTINGS as BROWSER_SETTINGS } from "../browser/pane-workbook";

export const TODAY = "2026-12-02";

class DocumentMemoryPort extends LoggedMemoryPort implements DocumentPort {
  readonly layouts: SheetLayout[] = [];
  /** A new sheet holding the layout's cells (a log sheet's headers are read back by the next operation). */
  async writeLayout(layout: SheetLayout): Promise<void> {
    this.layouts.push(layout);
    this.sheets.set(layout.name, []);
    this.apply(
      layout.cells.map((c) => ({
        sheet: layout.name,
        row: c.row,
        col: c.col,
        value: c.number !== undefined ? { t: "number", v: c.number } : { t: "string", v: c.value },
      })),
    );
  }
}

const base: RowSpec = { 督办科室或单位: "办公室", 任务下达时间: date("2026-11-02"), 承办单位: "江津二中" };
export const ROWS: RowSpec[] = [
  { ...base, 督办事项编号: "〔2026〕1号", 督办事项内容: "校园安全排查", 要求完成时间: date("2026-11-30") },
  { ...base, 督办事项编号: "〔2026〕2号", 督办事项内容: "食堂整改", 要求完成时间: date("2026-12-03") },
  {
    ...base,
    督办事项编号: "[2026]3号",
    督办事项内容: "<img src=x onerror=alert(1)>",
    要求完成时间: date("2026-12-31"),
  },
  { ...base, 督办科室或单位: "督导室", 督办事项内容: "未编号的事项", 要求完成时间: date("2027-01-29") },
];

/** The browser tests' 设置 sheet (a principal leader, room in each list). */
export const SETTINGS = grid(
  "设置",
  BROWSER_SETTINGS.map((row) => [...row]),
);

export interface Recorded {
  readonly port: DocumentMemoryPort;
  readonly selected: CellTarget[];
  readonly fixes: (readonly FixTarget[] | undefined)[];
  readonly undos: number[];
  /** The operations the services ran on the workbook, by name (reads included). */
  readonly runs: string[];
  /** Simulates the person selecting a row in Excel (when following the selection). */
  selectRow(row: number): void;
}

export function memoryServices(
  options: { mode?: PaneServices["mode"]; withFix?: boolean; number?: () => Promise<Outcome> } = {},
): { services: PaneServices; recorded: Recorded } {
  const port = new DocumentMemoryPort([registrySheet(ROWS), SETTINGS]);
  const selected: CellTarget[] = [];
  const fixes: (readonly FixTarget[] | undefined)[] = [];
  const undos: number[] = [];
  const runs: string[] = [];
  let follower: ((cell: { sheet: string; row: number } | null) => void) | null = null;
  const excel = (options.mode ?? "excel") === "excel";
  const services = createPaneServices<DocumentMemoryPort>({
    mode: options.mode ?? "excel",
    source: excel ? "当前工作簿" : "登记表.xlsx",
    today: () => TODAY,
    run: (operation, fn) => {
      runs.push(metaLabel(operationMeta(operation)));
      return fn(port);
    },
    setupTarget: () => ({ applySetupPlan: async () => ({ changes: [], conflicts: [] }) }),
    warnings: () => [],
    number: (p, day) => runNumbering(p, day),
    undo: async () => {
      undos.push(Date.now());
      return { tone: "success", title: "已撤销“销号”", lines: [] };
    },
    fix: options.withFix
      ? async (_p, _day, only) => {
          fixes.push(only);
          return { fixed: [{ row: 5, column: "督办事项编号", from: "[2026]3号", to: "〔2026〕3号" }] };
        }
      : null,
    select: excel ? async (target) => void selected.push(target) : null,
    followSelection: excel
      ? (onCell) => {
          follower = onCell;
          return () => (follower = null);
        }
      : null,
    watch: null,
    download: excel
      ? null
      : async () => ({ name: "登记表（已处理）.xlsx", bytes: new Uint8Array([1, 2, 3]), losses: [] }),
  });
  const wrapped: PaneServices = options.number ? { ...services, number: options.number } : services;
  return {
    services: wrapped,
    recorded: {
      port,
      selected,
      fixes,
      undos,
      runs,
      selectRow: (row) => follower?.({ sheet: "督办事项登记表", row }),
    },
  };
}
