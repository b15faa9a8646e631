/** A WorkbookPort over grids in memory that applies its writes, optionally keeping a log of them. */
import type { CellValue, SheetGrid } from "../../src/domain/cell";
import type { CellWrite, WorkbookPort } from "../../src/app/port";
import { metaLabel, type OperationMeta } from "../../src/app/operations";
import type { LoggedWorkbookPort } from "../../src/app/ports/operation-log";

export class MemoryPort implements WorkbookPort {
  readonly sheets = new Map<string, CellValue[][]>();
  readonly calls: string[] = [];
  readonly written: CellWrite[][] = [];

  constructor(grids: readonly SheetGrid[]) {
    for (const g of grids)
      this.sheets.set(
        g.name,
        g.rows.map((r) => [...r]),
      );
  }

  async sheetNames(): Promise<string[]> {
    this.calls.push("sheetNames");
    return [...this.sheets.keys()];
  }

  async readSheets(names: readonly string[]): Promise<SheetGrid[]> {
    this.calls.push(`readSheets:${names.join(",")}`);
    return names
      .filter((n) => this.sheets.has(n))
      .map((name) => ({ name, rows: this.sheets.get(name)!.map((r) => [...r]) }));
  }

  async writeCells(writes: readonly CellWrite[]): Promise<void> {
    this.calls.push("writeCells");
    this.apply(writes);
  }

  protected apply(writes: readonly CellWrite[]): void {
    this.written.push([...writes]);
    for (const w of writes) {
      const rows = this.sheets.get(w.sheet);
      if (!rows) throw new Error(`no sheet ${w.sheet}`);
      while (rows.length < w.row) rows.push([]);
      const row = rows[w.row - 1];
      while (row.length < w.col) row.push({ t: "empty" });
      row[w.col - 1] = w.value;
    }
  }

  /** The value of one cell (1-based). */
  at(sheet: string, row: number, col: number): CellValue {
    return this.sheets.get(sheet)?.[row - 1]?.[col - 1] ?? { t: "empty" };
  }
}

/** The same, keeping the 操作日志 as the Office adapter does (writeLogged with its operation). */
export class LoggedMemoryPort extends MemoryPort implements LoggedWorkbookPort {
  /** Each logged write's operation, by the name the 操作日志 records. */
  readonly operations: { operation: string }[] = [];

  async writeLogged(writes: readonly CellWrite[], meta: OperationMeta): Promise<void> {
    this.calls.push(`writeLogged:${metaLabel(meta)}`);
    this.operations.push({ operation: metaLabel(meta) });
    this.apply(writes);
  }
}
