/**
 * What the contract suite needs from an adapter: open a workbook from raw rows, run a use case
 * as one operation on a port that logs its writes and draws layouts, simulate a co-author, and
 * look at the result. One harness per adapter: Office (the fake Excel) and xlsx (ExcelJS).
 */
import * as ExcelJS from "exceljs";
import type { CellValue, SheetGrid } from "../../../src/domain/cell";
import type { SheetLayout } from "../../../src/domain/layout/types";
import type { CellWrite } from "../../../src/app/port";
import type { DocumentPort, LayoutMode } from "../../../src/app/documents";
import type { SetupOutcome, SetupTarget } from "../../../src/app/setup-port";
import type { WorkbookPlan } from "../../../src/domain/setup-plan";
import {
  logRowCells,
  OPERATION_LOG_HEADERS,
  OPERATION_LOG_SHEET,
  sheetEntry,
  type SheetAction,
} from "../../../src/domain/operation-log";
import type { LoggedWorkbookPort } from "../../../src/app/ports/operation-log";
import { metaLabel, operationKindOf, type OperationMeta } from "../../../src/app/operations";
import type { NumberingPort } from "../../../src/app/number-coauthored";
import { OfficeWorkbook } from "../../../src/adapters/office/office-workbook";
import { fixedRequirements } from "../../../src/adapters/office/requirements";
import { XlsxWorkbook } from "../../../src/adapters/xlsx/xlsx-workbook";
import { renderLayout } from "../../../src/adapters/xlsx/render-layout";
import { xlsxSetupTarget } from "../../../src/adapters/xlsx/apply-plan";
import { escapeText } from "../../../src/adapters/xlsx/package/xml";
import { FakeExcel, parseBox, boxAddress } from "../office/fake-excel";
import { registryXlsx, REGISTRY } from "./fixture";
import { unzipSync } from "fflate";
import { officeCharts, xlsxCharts, type SeenChart } from "./seen-charts";

export type ContractPort = DocumentPort & LoggedWorkbookPort & NumberingPort & SetupTarget;

/** A conditional format as both adapters can show it: range and formula without "$"/"=", fill "#RRGGBB". */
export interface SeenFormat {
  readonly range: string;
  readonly formula: string;
  readonly fill: string | null;
}

/** A cell's validation as both adapters can show it: a list's source without "=" or quotes. */
export interface SeenValidation {
  readonly kind: string;
  readonly source?: string;
}

/** What the contract suite looks at beyond values (formulas, lists, colours, frozen rows, print area, names). */
export interface Inspector {
  /** The formula of a cell without "=", or null. */
  formula(sheet: string, row: number, col: number): string | null;
  validation(sheet: string, row: number, col: number): SeenValidation | null;
  /** How many cells of the sheet have a validation. */
  validatedCells(sheet: string): number;
  /** The sheet's conditional formats in priority order (one per rule). */
  conditionalFormats(sheet: string): SeenFormat[];
  frozenRows(sheet: string): number;
  /** Print area as "A1:N14", or null. */
  printArea(sheet: string): string | null;
  /** Defined names → reference without "$", quotes or "=". */
  names(): Record<string, string>;
  /** The sheet's native charts (seen-charts.ts). */
  charts(sheet: string): SeenChart[];
}

/**
 * The operation a suite names by its label: the kind of that label (plain writes for a label
 * the add-in does not use), logged under the label as given.
 */
function labelMeta(label: string): OperationMeta {
  return { kind: operationKindOf(label) ?? "write", label };
}

export interface Subject {
  /** Runs a use case as one operation of the add-in. */
  run<T>(label: string, fn: (port: ContractPort) => Promise<T>): Promise<T>;
  /** A co-author's edit landing after the add-in read and before its next write. */
  coauthorBeforeNextWrite(sheet: string, row: number, col: number, text: string): void;
  /** A co-author's (or the person's) edit now. */
  edit(sheet: string, row: number, col: number, text: string): void;
  /** The person deletes a sheet by hand (not logged). */
  removeSheet(sheet: string): void;
  /** The person (or an earlier version of the add-in) enters a formula (without "="). */
  setFormula(sheet: string, row: number, col: number, formula: string): void;
  /** A workbook-level defined name to a reference like "'工作日历'!$J$2:$J$9". */
  defineName(name: string, ref: string): void;
  /** The person's own conditional format (a custom formula with a fill), added on top. */
  addOwnFormat(sheet: string, range: string, formula: string, fill: string): void;
  /** A sheet as the port reads it. */
  grid(sheet: string): Promise<SheetGrid>;
  sheetNames(): Promise<string[]>;
  /** True when the sheet is hidden. */
  hidden(sheet: string): boolean;
  readonly inspect: Inspector;
}

/** How a registry is laid out beyond its values. */
export interface OpenOptions {
  /** Merged ranges besides the title's (A1 to the last header column of row 1), e.g. "A2:A3". */
  readonly merges?: readonly string[];
}

export interface Harness {
  readonly name: string;
  /**
   * Opens the registry. With `merges`, the Office harness runs as ExcelApi 1.13 (merged areas
   * read) and the title row is merged there too, as the xlsx file has it.
   */
  open(registry: readonly (readonly unknown[])[], options?: OpenOptions): Promise<Subject>;
}

/** "'表'!$A$2:$A$9" → "表!A2:A9" */
function plainRef(ref: string): string {
  return ref
    .replace(/^=/, "")
    .replace(/\$/g, "")
    .replace(/^'((?:[^']|'')*)'!/, (_m, name: string) => `${name.replace(/''/g, "'")}!`);
}

const listSource = (source: string) => source.replace(/^=/, "").replace(/^"(.*)"$/, "$1");

let clock = 0;
const now = () => new Date(2026, 10, 25, 9, 0, clock++);
let ids = 0;
const newId = () => `op${++ids}`;

// ───────────────────────────── Office (fake Excel) ─────────────────────────────

export const officeHarness: Harness = {
  name: "Office.js adapter (fake Excel)",
  async open(registry, options = {}) {
    const fake = new FakeExcel({ [REGISTRY]: registry });
    if (options.merges) {
      fake.sheet(REGISTRY).merges.push(`A1:${colName(registry[1]?.length ?? 1)}1`, ...options.merges);
    }
    const office = new OfficeWorkbook(fake.run, {
      now,
      newId,
      requirements: fixedRequirements({ ExcelApi: options.merges ? "1.13" : "1.9" }),
    });
    const put = (sheet: string, row: number, col: number, text: string) => {
      if (!fake.hasSheet(sheet)) fake.addSheet(sheet);
      fake.coauthorEdit(sheet, `${colName(col)}${row}`, [[text]]);
    };
    return {
      run: (label, fn) => office.operation(labelMeta(label), fn),
      coauthorBeforeNextWrite: (sheet, row, col, text) => fake.beforeNextWrite(() => put(sheet, row, col, text)),
      edit: put,
      removeSheet: (sheet) => {
        fake.sheets.splice(fake.sheets.indexOf(fake.sheet(sheet)), 1);
      },
      setFormula: (sheet, row, col, formula) => {
        if (!fake.hasSheet(sheet)) fake.addSheet(sheet);
        fake.userEdit(sheet, `${colName(col)}${row}`, [[`=${formula}`]]);
      },
      defineName: (name, ref) => fake.names.push({ name, formula: `=${ref}` }),
      addOwnFormat: (sheet, range, formula, fill) =>
        fake.sheet(sheet).conditionalFormats.unshift({
          id: `mine-${formula}`,
          range,
          type: "Custom",
          formula: `=${formula}`,
          fill,
        }),
      grid: async (sheet) => (await office.readSheets([sheet]))[0] ?? { name: sheet, rows: [] },
      sheetNames: () => office.sheetNames(),
      hidden: (sheet) => fake.sheet(sheet).visibility === "Hidden",
      inspect: {
        charts: (sheet) => officeCharts(fake, sheet),
        formula: (sheet, row, col) => fake.sheet(sheet).get(row, col)?.formula?.replace(/^=/, "") ?? null,
        validation: (sheet, row, col) => {
          const rule = fake.sheet(sheet).validationAt(row, col)?.rule as
            Record<string, { source?: string }> | undefined;
          if (!rule) return null;
          const kind = Object.keys(rule)[0];
          const source = rule[kind].source;
          return { kind: kind === "wholeNumber" ? "whole" : kind, ...(source ? { source: listSource(source) } : {}) };
        },
        validatedCells: (sheet) => fake.sheet(sheet).validationCells.size,
        conditionalFormats: (sheet) =>
          fake.sheet(sheet).conditionalFormats.map((cf) => ({
            range: cf.range,
            formula: (cf.formula ?? "").replace(/^=/, ""),
            fill: cf.fill?.toUpperCase() ?? null,
          })),
        frozenRows: (sheet) => fake.sheet(sheet).frozenRows,
        printArea: (sheet) => {
          const area = fake.sheet(sheet).pageLayout.printArea;
          return area ? boxAddress(parseBox(area)) : null;
        },
        names: () => Object.fromEntries(fake.names.map((n) => [n.name, plainRef(n.formula)])),
      },
    };
  },
};

function colName(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// ───────────────────────────── xlsx (package) ─────────────────────────────

/**
 * The xlsx adapter with the 操作日志 the add-in keeps, written the same way (hidden sheet,
 * newest entries inserted at row 2, log rows before the cells), for the contract suite only:
 * the CLI writes new files and has no undo. A layout is logged as one entry for its sheet, and
 * the operation's own writes share one 操作编号, as in the Office session.
 */
class LoggedXlsx implements ContractPort {
  private opId: string | null = null;

  constructor(
    private readonly book: XlsxWorkbook,
    private readonly meta: OperationMeta,
    private readonly pending: (() => void)[],
  ) {}

  sheetNames(): Promise<string[]> {
    return this.book.sheetNames();
  }

  readSheets(names: readonly string[]): Promise<SheetGrid[]> {
    return this.book.readSheets(names);
  }

  writeCells(writes: readonly CellWrite[]): Promise<void> {
    return this.writeLogged(writes, this.meta);
  }

  private idFor(meta: OperationMeta): string {
    if (meta !== this.meta) return newId();
    this.opId ??= newId();
    return this.opId;
  }

  /** Inserts rows at row 2 of the hidden log sheet (created with its header when missing). */
  private insertLogRows(rows: readonly (readonly CellValue[])[]): void {
    if (!this.book.sheetNamesSync().includes(OPERATION_LOG_SHEET)) {
      this.book.addSheet(OPERATION_LOG_SHEET, { hidden: true });
      this.book.setCells(
        OPERATION_LOG_HEADERS.map((h, i) => ({
          sheet: OPERATION_LOG_SHEET,
          row: 1,
          col: i + 1,
          value: { t: "string", v: h },
        })),
      );
    }
    const [log] = this.book.readSheetsSync([OPERATION_LOG_SHEET]);
    const older = log.rows.slice(1);
    const all = [...rows, ...older];
    const writes: CellWrite[] = [];
    all.forEach((cells, i) => {
      const width = Math.max(cells.length, older[i]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        writes.push({ sheet: OPERATION_LOG_SHEET, row: i + 2, col: c + 1, value: cells[c] ?? { t: "empty" } });
      }
    });
    this.book.setCells(writes);
  }

  private logSheetAction(sheet: string, action: SheetAction, meta: OperationMeta): void {
    const base = { id: this.idFor(meta), time: "2026-11-25 09:00:00", operation: metaLabel(meta), undoes: meta.undoes };
    this.insertLogRows([logRowCells(sheetEntry(base, sheet, action))]);
  }

  async writeLogged(writes: readonly CellWrite[], meta: OperationMeta): Promise<void> {
    if (writes.length === 0) return;
    for (const fn of this.pending.splice(0)) fn();
    const id = this.idFor(meta);
    const time = "2026-11-25 09:00:00";
    const [grid] = await this.book.readSheets([...new Set(writes.map((w) => w.sheet))].slice(0, 1));
    const rows = writes.map((w) =>
      logRowCells({
        id,
        time,
        operation: metaLabel(meta),
        undoes: meta.undoes,
        sheet: w.sheet,
        row: w.row,
        col: w.col,
        old: w.old ?? grid?.rows[w.row - 1]?.[w.col - 1] ?? { t: "empty" },
        new: w.value,
      }),
    );
    this.insertLogRows(rows);
    await this.book.writeCells(writes);
  }

  async writeLayout(layout: SheetLayout, mode: LayoutMode): Promise<void> {
    const existing = this.book.sheetNamesSync().find((n) => n.toLowerCase() === layout.name.toLowerCase());
    this.logSheetAction(existing ?? layout.name, existing ? "replaced" : "created", this.meta);
    renderLayout(this.book, layout, mode);
  }

  async deleteSheet(name: string, meta: OperationMeta): Promise<void> {
    this.logSheetAction(name, "deleted", meta);
    await this.book.deleteSheet(name);
  }

  applySetupPlan(plan: WorkbookPlan): Promise<SetupOutcome> {
    return xlsxSetupTarget(this.book).applySetupPlan(plan);
  }
}

interface XlsxCf {
  ref: string;
  rules: { formulae?: unknown[]; priority?: number; style?: { fill?: { bgColor?: { argb?: string } } } }[];
}

/**
 * ExcelJS's reading of the adapter's saved bytes: the contract looks at the file as another
 * program would. Refreshed after every operation (inspection is synchronous).
 */
class SavedView {
  private wb: ExcelJS.Workbook | null = null;
  private zipped: Record<string, Uint8Array> = {};
  private seenRevision = -1;

  constructor(private readonly book: XlsxWorkbook) {}

  async refresh(): Promise<void> {
    if (this.seenRevision === this.book.revision && this.wb) return;
    const wb = new ExcelJS.Workbook();
    const bytes = await this.book.toBuffer();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    this.wb = wb;
    this.zipped = unzipSync(new Uint8Array(bytes));
    this.seenRevision = this.book.revision;
  }

  /** The saved package's parts. */
  get parts(): Record<string, Uint8Array> {
    this.workbook;
    return this.zipped;
  }

  get workbook(): ExcelJS.Workbook {
    if (!this.wb || this.seenRevision !== this.book.revision)
      throw new Error("inspected before the view was refreshed");
    return this.wb;
  }
}

/** A person's own conditional format (a custom formula with a fill), added on top: priority 1. */
function addOwnFormat(book: XlsxWorkbook, sheet: string, range: string, formula: string, fill: string): void {
  const info = book.sheet(sheet);
  if (!info) throw new Error(`no sheet ${sheet}`);
  const doc = book.doc(info);
  const dxf = book.styles().dxf({ fill: `FF${fill.slice(1)}` });
  const own = `<conditionalFormatting sqref="${range}"><cfRule type="expression" dxfId="${dxf}" priority="1"><formula>${escapeText(formula)}</formula></cfRule></conditionalFormatting>`;
  doc.setElements("conditionalFormatting", [own, ...doc.elementTexts("conditionalFormatting")]);
  book.touch();
}

export const xlsxHarness: Harness = {
  name: "xlsx adapter (package)",
  async open(registry, options = {}) {
    const book: XlsxWorkbook = await registryXlsx(registry, {}, options.merges ?? []);
    const pending: (() => void)[] = [];
    const view = new SavedView(book);
    const put = (sheet: string, row: number, col: number, text: string) => {
      if (!book.sheetNamesSync().includes(sheet)) book.addSheet(sheet);
      book.setCells([{ sheet, row, col, value: { t: "string", v: text } }]);
    };
    const ws = (sheet: string) => view.workbook.getWorksheet(sheet);
    await view.refresh();
    return {
      run: async (label, fn) => {
        try {
          return await fn(new LoggedXlsx(book, labelMeta(label), pending));
        } finally {
          await view.refresh();
        }
      },
      coauthorBeforeNextWrite: (sheet, row, col, text) => pending.push(() => put(sheet, row, col, text)),
      edit: put,
      removeSheet: (sheet) => void book.deleteSheet(sheet),
      setFormula: (sheet, row, col, formula) => {
        if (!book.sheetNamesSync().includes(sheet)) book.addSheet(sheet);
        book.setFormula(sheet, row, col, formula);
      },
      defineName: (name, ref) => book.defineName(name, ref),
      addOwnFormat: (sheet, range, formula, fill) => addOwnFormat(book, sheet, range, formula, fill),
      grid: async (sheet) => (await book.readSheets([sheet]))[0] ?? { name: sheet, rows: [] },
      sheetNames: () => book.sheetNames(),
      hidden: (sheet) => book.sheetState(sheet) === "hidden",
      inspect: {
        charts: (sheet) => xlsxCharts(view.parts, sheet),
        formula: (sheet, row, col) => {
          const cell = ws(sheet)?.getCell(row, col);
          return cell && cell.type === ExcelJS.ValueType.Formula ? (cell.formula ?? null) : null;
        },
        validation: (sheet, row, col) => {
          const model = (ws(sheet) as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
            ?.dataValidations.model;
          const dv = model?.[`${colName(col)}${row}`];
          if (!dv) return null;
          return { kind: dv.type, ...(dv.type === "list" ? { source: listSource(String(dv.formulae[0])) } : {}) };
        },
        validatedCells: (sheet) => {
          const w = ws(sheet) as unknown as { dataValidations: { model: object } };
          return Object.values(w.dataValidations.model).filter(Boolean).length;
        },
        conditionalFormats: (sheet) => {
          const w = ws(sheet) as unknown as { conditionalFormattings?: XlsxCf[] };
          return (w.conditionalFormattings ?? [])
            .flatMap((cf) => cf.rules.map((rule) => ({ cf, rule })))
            .sort((a, b) => (a.rule.priority ?? 0) - (b.rule.priority ?? 0))
            .map(({ cf, rule }) => ({
              range: cf.ref.replace(/\$/g, ""),
              formula: String(rule.formulae?.[0] ?? ""),
              fill: rule.style?.fill?.bgColor?.argb ? `#${rule.style.fill.bgColor.argb.slice(-6).toUpperCase()}` : null,
            }));
        },
        frozenRows: (sheet) => {
          const v = ws(sheet)?.views?.[0] as { state?: string; ySplit?: number } | undefined;
          return v?.state === "frozen" ? (v.ySplit ?? 0) : 0;
        },
        printArea: (sheet) => {
          const area = ws(sheet)?.pageSetup.printArea;
          return area ? area.replace(/\$/g, "") : null;
        },
        names: () => {
          const model = (view.workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] })
            .model;
          return Object.fromEntries(model.map((m) => [m.name, plainRef(m.ranges[0] ?? "")]));
        },
      },
    };
  },
};
