/**
 * A faithful in-memory fake of exactly the Excel JavaScript API objects the Office adapter
 * uses, with Office.js batching semantics:
 *
 * - every property set, method call and `load` is *queued*; nothing reaches the workbook and
 *   no loaded value is readable until `context.sync()` runs the queue, in order;
 * - reading a property that was not loaded (or before the sync) throws PropertyNotLoaded;
 * - a sync whose request (the JSON of what it sends) or response (the JSON of what it loads)
 *   exceeds 5 MB fails like Excel on the web (Request/ResponsePayloadSizeLimitExceeded);
 * - a failing operation applies the operations queued before it and none after it;
 * - `*OrNullObject` gives null objects (isNullObject), `getItem` of a missing name fails
 *   with ItemNotFound at sync time;
 * - strings written to `values` are parsed the way Excel parses typed text ("'…" stays text,
 *   "=…" is a formula, "12" a number, "2021-03-05" a date), unless the cell's format is "@";
 * - events (`onChanged`) fire for the add-in's own writes and for edits made with
 *   `userEdit`/`coauthorEdit`, unless `context.runtime.enableEvents` is false.
 *
 * Objects modelled: Workbook, WorksheetCollection, Worksheet, Range (values, numberFormat,
 * formulas, address and dimensions, insert, merge, getBoundingRect, merged areas, format:
 * fill, font, alignment, wrap, column width and hidden columns, row height, borders — set and
 * loaded), conditional formats (custom rules: added at the top priority, loaded per range as
 * the formats intersecting it, reordered by `priority`, deleted), data validation (per cell:
 * a load over a range gives the common rule or type "Inconsistent"), named items, tables,
 * page layout (set and loaded, print area and title rows), freeze panes (rows, columns,
 * location), charts (added from one column of numbers, series named, given values, x-axis
 * values and a fill, title, legend, position), Runtime, the onChanged event. A single value assigned to `values`/`formulas`/
 * `formulasR1C1`/`numberFormat` of a larger range is applied to every cell as it is (the
 * behaviour Microsoft documented): an A1 formula keeps its references in every cell — relative
 * references are *not* moved, since Microsoft does not document that — while an R1C1 formula
 * means the same relative cells everywhere by definition. `formulasR1C1` loads in R1C1 too.
 *
 * Behaviours of real Excel that tests must meet: conditional-format ids are positions in
 * their collection; a method called on an *OrNullObject proxy before its isNullObject was read
 * fails; `zoom = { horizontalFitToPages }` can be ignored (`ignoreFitToPages`, office-js issue
 * 1860); an oversize request can fail as GeneralException (`oversizeCode`, older Excel on the
 * web) below a configurable `payloadLimit`. Counters: syncs, request and response bytes of
 * every sync, run options.
 */

import { fromR1C1, toR1C1 } from "./fake-r1c1";

export type Raw = string | number | boolean;

/** Most merged areas getMergedAreasOrNullObject returns ("more than 512 … will fail"). */
export const MAX_MERGED_AREAS = 512;

export interface FakeCell {
  value: Raw;
  formula?: string;
  numberFormat: string;
}

export interface CellFormat {
  fill?: string;
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  fontColor?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  borders: Record<string, string>;
}

/** One conditional format; its priority is its index in FakeSheet.conditionalFormats (0 = first). */
export interface FakeConditionalFormat {
  readonly id: string;
  range: string;
  readonly type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  stopIfTrue?: boolean;
}

/** A data-validation setting, shared by the cells it was set on. */
export interface FakeValidation {
  /** Address it was set on (cells may have been cleared or overwritten since). */
  readonly range: string;
  rule: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
  ignoreBlanks: boolean;
}

export interface FakeTable {
  name: string;
  range: string;
  hasHeaders: boolean;
  style?: string;
}

/** A chart's series: the ranges it was given, as "sheet!A1:A5" addresses (null until set). */
export interface FakeChartSeries {
  name: string;
  values: string | null;
  xValues: string | null;
  fill: string | null;
}

/** A chart on a sheet, as the add-in built it. */
export interface FakeChart {
  readonly name: string;
  readonly type: string;
  title: string;
  legend: { visible: boolean; position: string };
  /** The cells it covers, from setPosition (null until positioned). */
  position: { start: string; end: string | null } | null;
  readonly series: FakeChartSeries[];
}

export interface FakePageLayout {
  orientation?: string;
  paperSize?: string;
  leftMargin?: number;
  rightMargin?: number;
  topMargin?: number;
  bottomMargin?: number;
  headerMargin?: number;
  footerMargin?: number;
  centerHorizontally?: boolean;
  printArea?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly formats = new Map<string, CellFormat>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly merges: string[] = [];
  readonly hiddenColumns = new Set<number>();
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  /** Data validation of each cell ("row,col"). */
  readonly validationCells = new Map<string, FakeValidation>();
  readonly tables: FakeTable[] = [];
  readonly charts: FakeChart[] = [];
  readonly handlers: ((args: unknown) => unknown)[] = [];
  readonly pageLayout: FakePageLayout = {};
  visibility = "Visible";
  showGridlines = true;
  frozenRows = 0;
  frozenColumns = 0;
  tabColor = "";
  constructor(
    public name: string,
    readonly id: string,
  ) {}

  get(row: number, col: number): FakeCell | undefined {
    return this.cells.get(key(row, col));
  }

  /** The distinct validation settings of the sheet's cells. */
  get validations(): FakeValidation[] {
    return [...new Set(this.validationCells.values())];
  }

  /** The validation of one cell, if any. */
  validationAt(row: number, col: number): FakeValidation | undefined {
    return this.validationCells.get(key(row, col));
  }

  set(row: number, col: number, cell: FakeCell): void {
    if (cell.value === "" && cell.formula === undefined && cell.numberFormat === "General") {
      this.cells.delete(key(row, col));
    } else this.cells.set(key(row, col), cell);
  }

  format(row: number, col: number): CellFormat {
    const k = key(row, col);
    let f = this.formats.get(k);
    if (!f) {
      f = { borders: {} };
      this.formats.set(k, f);
    }
    return f;
  }

  /** Bounding box of cells holding a value (valuesOnly) or anything at all; null when none. */
  usedBox(valuesOnly: boolean): Box | null {
    let box: Box | null = null;
    const grow = (r: number, c: number) => {
      box = box
        ? { r1: Math.min(box.r1, r), c1: Math.min(box.c1, c), r2: Math.max(box.r2, r), c2: Math.max(box.c2, c) }
        : { r1: r, c1: c, r2: r, c2: c };
    };
    for (const [k, cell] of this.cells) {
      if (valuesOnly && cell.value === "" && cell.formula === undefined) continue;
      const [r, c] = k.split(",").map(Number);
      grow(r, c);
    }
    if (!valuesOnly) {
      for (const k of this.formats.keys()) {
        const [r, c] = k.split(",").map(Number);
        grow(r, c);
      }
    }
    return box;
  }
}

export interface Box {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function key(row: number, col: number): string {
  return `${row},${col}`;
}

/** An error as Office.js raises it (OfficeExtension.Error has a `code`). */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export interface SyncRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly ops: number;
  readonly failed?: string;
}

interface Fault {
  /** 1-based number of the sync (counted over the fake's life) that fails. */
  readonly at: number;
  /** Operations of that sync applied before it fails (default 0). */
  readonly afterOps: number;
  readonly code: string;
}

interface Op {
  readonly bytes: number;
  /** True for operations that change cell values. */
  readonly write?: boolean;
  apply(): void;
  /** Bytes this operation adds to the response (loads), computed after apply. */
  response?(): number;
  /** Called when the sync's response is delivered (loads become readable). */
  deliver?(): void;
}

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
const OP_OVERHEAD = 80;

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
}

// ───────────────────────────── addresses ─────────────────────────────

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function colLetters(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "B5", "A2:K9", "$A$1", "A:A", "3:3" → a box (whole columns/rows to the sheet's limits). */
export function parseBox(address: string): Box {
  const plain = address.replace(/\$/g, "").replace(/^.*!/, "");
  const [a, b = a] = plain.split(":");
  const part = (p: string) => {
    const m = /^([A-Z]*)(\d*)$/i.exec(p);
    if (!m || (m[1] === "" && m[2] === "")) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
    return { c: m[1] === "" ? null : colNumber(m[1]), r: m[2] === "" ? null : Number(m[2]) };
  };
  const p = part(a);
  const q = part(b);
  return {
    r1: p.r ?? 1,
    c1: p.c ?? 1,
    r2: q.r ?? 1048576,
    c2: q.c ?? 16384,
  };
}

export function boxAddress(box: Box): string {
  const a = `${colLetters(box.c1)}${box.r1}`;
  const b = `${colLetters(box.c2)}${box.r2}`;
  return a === b ? a : `${a}:${b}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ───────────────────────────── typed input ─────────────────────────────

const ERROR_LITERALS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];

function isoSerial(y: number, m: number, d: number): number {
  const days = Date.UTC(y, m - 1, d) / 86400000;
  return days + 25569;
}

/** How Excel stores text typed into a cell with this number format. */
export function parseTyped(input: unknown, numberFormat: string): { value: Raw; formula?: string; fmt?: string } {
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  if (input === null || input === undefined) return { value: "" };
  const s = String(input);
  if (s === "") return { value: "" };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (numberFormat === "@") return { value: s };
  if (s.startsWith("=") && s.length > 1) {
    const literal = s.slice(1).toUpperCase();
    if (ERROR_LITERALS.includes(literal)) return { value: literal, formula: s };
    if (literal === "NA()") return { value: "#N/A", formula: s };
    return { value: "", formula: s };
  }
  if (/^[-+]?\d+(\.\d+)?$/.test(s.trim())) return { value: Number(s) };
  const d = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s.trim());
  if (d) return { value: isoSerial(Number(d[1]), Number(d[2]), Number(d[3])), fmt: "yyyy/m/d" };
  if (/^(true|false)$/i.test(s)) return { value: s.toUpperCase() === "TRUE" };
  return { value: s };
}

// ───────────────────────────── the fake ─────────────────────────────

export type ChangeSource = "Local" | "Remote";

/** A workbook-scoped defined name; `formula` as it was given ("=Sheet!$A$1"). */
export interface FakeName {
  readonly name: string;
  formula: string;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly names: FakeName[] = [];
  eventsEnabled = true;
  readonly syncs: SyncRecord[] = [];
  readonly runOptions: unknown[] = [];
  /** Requirement sets the host claims, for Office.context.requirements.isSetSupported. */
  readonly supportedSets = new Map<string, number>([["ExcelApi", 1.8]]);
  /** The selected range (sheet and A1 address); the first sheet's A1 until something is selected. */
  selection: { sheet: string; address: string } | null = null;
  /** The active sheet's name (null: the first sheet). */
  activeSheet: string | null = null;
  /** workbook.onSelectionChanged handlers (ExcelApi 1.2). */
  readonly selectionHandlers: ((args: unknown) => unknown)[] = [];
  /** The request/response limit (Excel on the web: 5 MB). */
  payloadLimit = PAYLOAD_LIMIT;
  /** How an oversize request or response fails: by its own code, or (older Excel on the web) GeneralException. */
  oversizeCode: "payload" | "GeneralException" = "payload";
  /** Office-js issue 1860: `zoom = { horizontalFitToPages }` is ignored unless the Page Layout tab is active. */
  ignoreFitToPages = false;
  private faults: Fault[] = [];
  private beforeWrite: (() => void)[] = [];
  private nextId = 1;

  constructor(sheets: Record<string, readonly (readonly unknown[])[]> = {}) {
    for (const [name, rows] of Object.entries(sheets)) this.addSheet(name, rows);
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  /** Adds a sheet whose cells are given from A1 (null/undefined/"" = empty). */
  addSheet(name: string, rows: readonly (readonly unknown[])[] = []): FakeSheet {
    const sheet = new FakeSheet(name, `{sheet-${this.nextId++}}`);
    rows.forEach((cells, r) =>
      cells.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        sheet.set(r + 1, c + 1, { value: v as Raw, numberFormat: "General" });
      }),
    );
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  hasSheet(name: string): boolean {
    return this.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase());
  }

  /** The raw value of one cell ("" when empty). */
  value(sheet: string, address: string): Raw {
    const b = parseBox(address);
    return this.sheet(sheet).get(b.r1, b.c1)?.value ?? "";
  }

  /** Number format of one cell. */
  numberFormat(sheet: string, address: string): string {
    const b = parseBox(address);
    return this.sheet(sheet).get(b.r1, b.c1)?.numberFormat ?? "General";
  }

  /** All values of a sheet's used range from A1, as rows. */
  rows(sheet: string): Raw[][] {
    const s = this.sheet(sheet);
    const box = s.usedBox(true);
    if (!box) return [];
    const out: Raw[][] = [];
    for (let r = 1; r <= box.r2; r++) {
      const row: Raw[] = [];
      for (let c = 1; c <= box.c2; c++) row.push(s.get(r, c)?.value ?? "");
      out.push(row);
    }
    return out;
  }

  /** Makes sync number `at` (1-based, over the fake's life) fail after `afterOps` operations. */
  failSync(at: number, afterOps = 0, code = "GeneralException"): void {
    this.faults.push({ at, afterOps, code });
  }

  /** Runs `fn` (a co-author's edit, say) just before the next sync that writes cell values. */
  beforeNextWrite(fn: () => void): void {
    this.beforeWrite.push(fn);
  }

  /** Excel.run: records the options and runs the batch on a new request context. */
  readonly run = async <T>(options: unknown, batch: (context: never) => Promise<T>): Promise<T> => {
    this.runOptions.push(options);
    const context = new FakeContext(this);
    return batch(context as never);
  };

  /** The person selecting a range (clicking a cell): fires onSelectionChanged like Excel does. */
  userSelect(sheet: string, address: string): void {
    this.select(this.sheet(sheet).name, address);
  }

  /** Selects a range and fires the workbook's onSelectionChanged handlers (when events are on). */
  select(sheet: string, address: string): void {
    this.selection = { sheet, address: boxAddress(parseBox(address)) };
    this.activeSheet = sheet;
    if (!this.eventsEnabled) return;
    for (const h of [...this.selectionHandlers]) void h({ type: "SelectionChanged" });
  }

  /** The selected range, the first sheet's A1 when nothing was selected. */
  selected(): { sheet: string; address: string } | null {
    if (this.selection && this.hasSheet(this.selection.sheet)) return this.selection;
    const first = this.sheets[0];
    return first ? { sheet: first.name, address: "A1" } : null;
  }

  /** An edit by the person at this computer (typing), firing events like Excel does. */
  userEdit(sheet: string, address: string, values: unknown[][]): void {
    this.edit(sheet, address, values, "Local");
  }

  /** An edit by a co-author arriving from the cloud. */
  coauthorEdit(sheet: string, address: string, values: unknown[][]): void {
    this.edit(sheet, address, values, "Remote");
  }

  private edit(sheetName: string, address: string, values: unknown[][], source: ChangeSource): void {
    const sheet = this.sheet(sheetName);
    const box = parseBox(address);
    writeValues(sheet, box, values);
    this.fire(sheet, box, source);
  }

  /** Runs onChanged handlers of a sheet (when events are enabled). */
  fire(sheet: FakeSheet, box: Box, source: ChangeSource, changeType = "RangeEdited"): void {
    if (!this.eventsEnabled) return;
    const args = {
      address: boxAddress(box),
      changeType,
      source,
      worksheetId: sheet.id,
      type: "WorksheetChanged",
    };
    for (const h of [...sheet.handlers]) void h(args);
  }

  newSheetId(): string {
    return `{sheet-${this.nextId++}}`;
  }

  newObjectId(): string {
    return `{object-${this.nextId++}}`;
  }

  /** The defined name (case-insensitive), if any. */
  name(name: string): FakeName | undefined {
    return this.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }

  /** Runs one sync's queue with the limits and faults of Excel on the web. */
  execute(queue: Op[]): void {
    const number = this.syncs.length + 1;
    if (this.beforeWrite.length > 0 && queue.some((op) => op.write)) {
      for (const fn of this.beforeWrite.splice(0)) fn();
    }
    const requestBytes = queue.reduce((n, op) => n + op.bytes, 0);
    const fault = this.faults.find((f) => f.at === number);
    const oversize = (code: string) => (this.oversizeCode === "payload" ? code : "GeneralException");
    if (requestBytes > this.payloadLimit) {
      const code = oversize("RequestPayloadSizeLimitExceeded");
      this.syncs.push({ requestBytes, responseBytes: 0, ops: queue.length, failed: code });
      throw new FakeOfficeError(code, "请求负载大小已超过限制。");
    }
    let applied = 0;
    try {
      for (const op of queue) {
        if (fault && applied >= fault.afterOps)
          throw new FakeOfficeError(fault.code, `injected fault at sync ${number}`);
        op.apply();
        applied += 1;
      }
    } catch (error) {
      const code = error instanceof FakeOfficeError ? error.code : "GeneralException";
      this.syncs.push({ requestBytes, responseBytes: 0, ops: queue.length, failed: code });
      throw error instanceof FakeOfficeError ? error : new FakeOfficeError(code, String(error));
    }
    const responseBytes = queue.reduce((n, op) => n + (op.response ? op.response() : 0), 0);
    if (responseBytes > this.payloadLimit) {
      const code = oversize("ResponsePayloadSizeLimitExceeded");
      this.syncs.push({ requestBytes, responseBytes, ops: queue.length, failed: code });
      throw new FakeOfficeError(code, "响应负载大小已超过限制。");
    }
    this.syncs.push({ requestBytes, responseBytes, ops: queue.length });
    for (const op of queue) op.deliver?.();
  }
}

function writeValues(sheet: FakeSheet, box: Box, values: unknown, r1c1 = false): void {
  // One value for a whole range is applied to every cell as it is (an A1 formula unchanged).
  forEachCell(box, values, (r, c, value) => {
    const v = r1c1 && typeof value === "string" && value.startsWith("=") ? fromR1C1(value, r, c) : value;
    const old = sheet.get(r, c);
    const fmt = old?.numberFormat ?? "General";
    const parsed = parseTyped(v, fmt);
    sheet.set(r, c, {
      value: parsed.value,
      formula: parsed.formula,
      numberFormat: parsed.fmt && fmt === "General" ? parsed.fmt : fmt,
    });
  });
}

/** Calls fn for each cell of a box with the matching element of a 2-D array (or one scalar for all). */
function forEachCell(box: Box, values: unknown, fn: (r: number, c: number, v: unknown) => void): void {
  const rows = box.r2 - box.r1 + 1;
  const cols = box.c2 - box.c1 + 1;
  if (Array.isArray(values)) {
    if (values.length !== rows || values.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new FakeOfficeError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
      );
    }
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) fn(box.r1 + r, box.c1 + c, values[r][c]);
  } else {
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) fn(box.r1 + r, box.c1 + c, values);
  }
}

// ───────────────────────────── proxies ─────────────────────────────

class FakeContext {
  readonly queue: Op[] = [];
  readonly workbook: FakeWorkbook;
  readonly runtime: FakeRuntime;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    this.runtime = new FakeRuntime(this);
  }

  enqueue(payload: unknown, apply: () => void, extra: Partial<Op> = {}): void {
    this.queue.push({ bytes: bytesOf(payload) + OP_OVERHEAD, apply, ...extra });
  }

  async sync(): Promise<void> {
    const queue = this.queue.splice(0);
    await Promise.resolve();
    this.excel.execute(queue);
  }

  trackedObjects = { add: () => undefined, remove: () => undefined };
}

/** Base: loadable properties readable only after a sync delivered them. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  /** For *OrNullObject proxies: true once isNullObject was read (after a sync). */
  protected nullChecked = false;
  constructor(protected readonly ctx: FakeContext) {}

  /**
   * Office.js documents *OrNullObject proxies for one use: sync, then test isNullObject. A
   * command queued on one before that (or on one that is null) relies on undocumented
   * behaviour: the fake refuses it at once.
   */
  protected guardNullable(nullable: boolean): void {
    if (!nullable) return;
    if (!this.nullChecked || this.loaded.get("isNullObject") === true) {
      throw new Error(
        "fake Excel: a method was called on an *OrNullObject proxy before its isNullObject was checked (or on a null object)",
      );
    }
  }

  get context(): FakeContext {
    return this.ctx;
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as T;
  }

  /** Queue a load: `snapshot` runs when the op executes, its result is delivered after the sync. */
  protected queueLoad(props: string[], snapshot: () => Record<string, unknown>): void {
    let result: Record<string, unknown> = {};
    this.ctx.enqueue(
      { load: props },
      () => {
        result = snapshot();
      },
      {
        response: () => bytesOf(result),
        deliver: () => {
          for (const [k, v] of Object.entries(result)) this.loaded.set(k, v);
        },
      },
    );
  }
}

function propList(arg: unknown): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim());
  if (Array.isArray(arg)) return arg.map(String);
  if (typeof arg === "object" && arg !== null && "select" in arg) return propList((arg as { select: unknown }).select);
  return Object.keys(arg as object);
}

class FakeRuntime extends Proxy {
  set enableEvents(value: boolean) {
    this.ctx.enqueue({ enableEvents: value }, () => {
      this.ctx.excel.eventsEnabled = value;
    });
  }
  get enableEvents(): boolean {
    return this.read("enableEvents");
  }
  load(props?: unknown): this {
    this.queueLoad(propList(props), () => ({ enableEvents: this.ctx.excel.eventsEnabled }));
    return this;
  }
}

class FakeWorkbook extends Proxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  /** Workbook.onSelectionChanged (ExcelApi 1.2): the handler is registered at the next sync. */
  readonly onSelectionChanged: {
    add: (handler: (args: unknown) => unknown) => { remove: () => void; context: FakeContext };
  };
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    const handlers = ctx.excel.selectionHandlers;
    this.onSelectionChanged = {
      add: (handler) => {
        this.ctx.enqueue({ onSelectionChanged: "add" }, () => handlers.push(handler));
        return {
          context: this.ctx,
          remove: () =>
            this.ctx.enqueue({ onSelectionChanged: "remove" }, () => {
              const i = handlers.indexOf(handler);
              if (i >= 0) handlers.splice(i, 1);
            }),
        };
      },
    };
  }

  /** Workbook.getSelectedRange (ExcelApi 1.1). */
  getSelectedRange(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const sel = this.ctx.excel.selected();
        if (!sel) throw new FakeOfficeError("ItemNotFound", "no selection");
        return { sheet: this.ctx.excel.sheet(sel.sheet), box: parseBox(sel.address) };
      },
      false,
    );
  }
}

/** workbook.names: workbook-scoped defined names. */
class FakeNamedItemCollection extends Proxy {
  private itemList: FakeNamedItem[] | null = null;

  get items(): FakeNamedItem[] {
    if (!this.itemList) throw new FakeOfficeError("PropertyNotLoaded", "items not loaded");
    return this.itemList;
  }

  load(props?: unknown): this {
    const wanted = propList(props).map((p) => p.replace(/^items\//, ""));
    let snapshot: FakeName[] = [];
    this.ctx.enqueue(
      { load: wanted },
      () => {
        snapshot = this.ctx.excel.names.map((n) => ({ ...n }));
      },
      {
        response: () => bytesOf(snapshot),
        deliver: () => {
          this.itemList = snapshot.map((n) => {
            const item = new FakeNamedItem(this.ctx, n.name);
            item.deliver({ name: n.name, formula: n.formula, type: "Range", scope: "Workbook", visible: true });
            return item;
          });
        },
      },
    );
    return this;
  }

  add(name: string, reference: unknown): FakeNamedItem {
    this.ctx.enqueue({ addName: name, reference }, () => {
      if (typeof reference !== "string")
        throw new FakeOfficeError("InvalidArgument", "fake names take text references");
      if (this.ctx.excel.name(name)) throw new FakeOfficeError("ItemAlreadyExists", `name ${name} exists`);
      if (!/^=/.test(reference)) throw new FakeOfficeError("InvalidArgument", `reference ${reference}`);
      this.ctx.excel.names.push({ name, formula: reference });
    });
    return new FakeNamedItem(this.ctx, name);
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, name);
  }
}

class FakeNamedItem extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly wanted: string,
  ) {
    super(ctx);
  }
  deliver(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }
  private target(): FakeName {
    const n = this.ctx.excel.name(this.wanted);
    if (!n) throw new FakeOfficeError("ItemNotFound", `no name ${this.wanted}`);
    return n;
  }
  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  set formula(v: string) {
    this.ctx.enqueue({ nameFormula: v }, () => (this.target().formula = v));
  }
  delete(): void {
    this.ctx.enqueue({ deleteName: this.wanted }, () => {
      const list = this.ctx.excel.names;
      list.splice(list.indexOf(this.target()), 1);
    });
  }
}

type SheetResolver = () => FakeSheet | null;

class FakeWorksheetCollection extends Proxy {
  private itemList: FakeWorksheet[] | null = null;

  get items(): FakeWorksheet[] {
    if (!this.itemList) throw new FakeOfficeError("PropertyNotLoaded", "items not loaded");
    return this.itemList;
  }

  load(props?: unknown): this {
    const wanted = propList(props).map((p) => p.replace(/^items\//, ""));
    let names: FakeSheet[] = [];
    this.ctx.enqueue(
      { load: wanted },
      () => {
        names = [...this.ctx.excel.sheets];
      },
      {
        response: () => bytesOf(names.map((s) => ({ name: s.name, visibility: s.visibility }))),
        deliver: () => {
          this.itemList = names.map((s) => {
            const ws = new FakeWorksheet(this.ctx, () => s, false);
            ws.deliverBasics(s);
            return ws;
          });
        },
      },
    );
    return this;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.find(name), false, name);
  }

  /** A sheet or a null object; as in Office.js, its isNullObject is loaded by the next sync without asking. */
  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => this.find(name), true, name);
    ws.load("isNullObject");
    return ws;
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.ctx.enqueue({ add: name }, () => {
      if (this.find(name)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
      created = new FakeSheet(name, this.ctx.excel.newSheetId());
      this.ctx.excel.sheets.push(created);
    });
    return new FakeWorksheet(this.ctx, () => created, false, name);
  }

  private find(name: string): FakeSheet | null {
    return this.ctx.excel.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
}

class FakeWorksheet extends Proxy {
  readonly onChanged: { add: (handler: (args: unknown) => unknown) => { remove: () => void } };
  readonly pageLayout: FakePageLayoutProxy;
  readonly freezePanes: FakeFreezePanes;
  readonly tables: { add: (address: string, hasHeaders: boolean) => FakeTableProxy };
  readonly charts: FakeChartCollection;
  constructor(
    ctx: FakeContext,
    private readonly resolver: SheetResolver,
    private readonly nullable: boolean,
    private readonly wanted = "",
  ) {
    super(ctx);
    this.onChanged = {
      add: (handler) => {
        this.ctx.enqueue({ onChanged: "add" }, () => this.target().handlers.push(handler));
        return {
          remove: () => {
            const list = this.target().handlers;
            const i = list.indexOf(handler);
            if (i >= 0) list.splice(i, 1);
          },
        };
      },
    };
    this.pageLayout = new FakePageLayoutProxy(ctx, () => this.target());
    this.freezePanes = new FakeFreezePanes(ctx, () => this.target());
    this.charts = new FakeChartCollection(ctx, () => this.target());
    this.tables = {
      add: (address: string, hasHeaders: boolean) => {
        const table: FakeTable = { name: "", range: address.replace(/^.*!/, ""), hasHeaders };
        this.ctx.enqueue({ addTable: address }, () => {
          const sheet = this.target();
          table.name = `表${sheet.tables.length + 1}`;
          sheet.tables.push(table);
        });
        return new FakeTableProxy(ctx, table);
      },
    };
  }

  /** The sheet this proxy names; ItemNotFound when it does not exist (and is not nullable). */
  target(): FakeSheet {
    const s = this.resolver();
    if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${this.wanted}`);
    return s;
  }

  deliverBasics(s: FakeSheet): void {
    this.loaded.set("name", s.name);
    this.loaded.set("visibility", s.visibility);
    this.loaded.set("id", s.id);
  }

  get isNullObject(): boolean {
    const v = this.read<boolean>("isNullObject");
    this.nullChecked = true;
    return v;
  }
  get name(): string {
    return this.read("name");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(v: string) {
    this.ctx.enqueue({ visibility: v }, () => (this.target().visibility = v));
  }
  get id(): string {
    return this.read("id");
  }
  set showGridlines(v: boolean) {
    this.ctx.enqueue({ showGridlines: v }, () => (this.target().showGridlines = v));
  }
  set tabColor(v: string) {
    this.ctx.enqueue({ tabColor: v }, () => (this.target().tabColor = v));
  }

  load(props?: unknown): this {
    const wanted = propList(props);
    this.queueLoad(wanted, () => {
      const s = this.resolver();
      if (!s) {
        if (!this.nullable) throw new FakeOfficeError("ItemNotFound", `no sheet ${this.wanted}`);
        return { isNullObject: true };
      }
      return { isNullObject: false, name: s.name, visibility: s.visibility, id: s.id };
    });
    return this;
  }

  delete(): void {
    this.guardNullable(this.nullable);
    this.ctx.enqueue({ delete: this.wanted }, () => {
      const s = this.target();
      const list = this.ctx.excel.sheets;
      list.splice(list.indexOf(s), 1);
    });
  }

  set position(p: number) {
    this.ctx.enqueue({ position: p }, () => {
      const s = this.target();
      const list = this.ctx.excel.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(p, list.length), 0, s);
    });
  }

  activate(): void {
    this.guardNullable(this.nullable);
    this.ctx.enqueue({ activate: true }, () => (this.ctx.excel.activeSheet = this.target().name));
  }

  getRange(address?: string): FakeRange {
    this.guardNullable(this.nullable);
    const box = address === undefined ? parseBox("A1:XFD1048576") : parseBox(address);
    return new FakeRange(this.ctx, () => ({ sheet: this.target(), box }), false);
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.guardNullable(this.nullable);
    const box = { r1: row + 1, c1: col + 1, r2: row + rows, c2: col + cols };
    return new FakeRange(this.ctx, () => ({ sheet: this.target(), box }), false);
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.guardNullable(this.nullable);
    return new FakeRange(
      this.ctx,
      () => {
        // As in Excel: only the used range may be null; a missing sheet from getItem is ItemNotFound.
        const s = this.nullable ? this.resolver() : this.target();
        if (!s) return null;
        const box = s.usedBox(valuesOnly);
        return box ? { sheet: s, box } : null;
      },
      true,
    );
  }

  getUsedRange(valuesOnly = false): FakeRange {
    this.guardNullable(this.nullable);
    return new FakeRange(
      this.ctx,
      () => {
        const s = this.target();
        return { sheet: s, box: s.usedBox(valuesOnly) ?? { r1: 1, c1: 1, r2: 1, c2: 1 } };
      },
      false,
    );
  }
}

class FakeTableProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly table: FakeTable,
  ) {
    super(ctx);
  }
  set name(v: string) {
    this.ctx.enqueue({ tableName: v }, () => (this.table.name = v));
  }
  set style(v: string) {
    this.ctx.enqueue({ tableStyle: v }, () => (this.table.style = v));
  }
}

class FakePageLayoutProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
    const props = [
      "orientation",
      "paperSize",
      "leftMargin",
      "rightMargin",
      "topMargin",
      "bottomMargin",
      "headerMargin",
      "footerMargin",
      "centerHorizontally",
      "zoom",
    ] as const;
    for (const p of props) {
      Object.defineProperty(this, p, {
        set: (v: unknown) => {
          this.ctx.enqueue({ [p]: v }, () => {
            const fit = p === "zoom" && (v as FakePageLayout["zoom"])?.scale === undefined;
            if (fit && this.ctx.excel.ignoreFitToPages) return;
            (this.sheet().pageLayout as Record<string, unknown>)[p] = v;
          });
        },
        get: () => this.read(p),
      });
    }
  }
  setPrintArea(address: string): void {
    this.ctx.enqueue({ printArea: address }, () => (this.sheet().pageLayout.printArea = address.replace(/^.*!/, "")));
  }
  setPrintTitleRows(address: string): void {
    this.ctx.enqueue({ printTitleRows: address }, () => (this.sheet().pageLayout.printTitleRows = address));
  }
  /** Loads settings; what was never set reads as Excel's defaults (portrait, Letter, 100%). */
  load(props?: unknown): this {
    const wanted = propList(props);
    this.queueLoad(wanted, () => {
      const pl = this.sheet().pageLayout as Record<string, unknown>;
      const defaults: Record<string, unknown> = { orientation: "Portrait", paperSize: "Letter", zoom: { scale: 100 } };
      return Object.fromEntries(wanted.map((p) => [p, pl[p] ?? defaults[p] ?? null]));
    });
    return this;
  }
  getPrintAreaOrNullObject(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const s = this.sheet();
        return s.pageLayout.printArea ? { sheet: s, box: parseBox(s.pageLayout.printArea) } : null;
      },
      true,
    );
  }
  getPrintTitleRowsOrNullObject(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const s = this.sheet();
        return s.pageLayout.printTitleRows ? { sheet: s, box: parseBox(s.pageLayout.printTitleRows) } : null;
      },
      true,
    );
  }
}

class FakeFreezePanes extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  freezeRows(n: number): void {
    this.ctx.enqueue({ freezeRows: n }, () => {
      const s = this.sheet();
      s.frozenRows = n;
      s.frozenColumns = 0;
    });
  }
  freezeColumns(n: number): void {
    this.ctx.enqueue({ freezeColumns: n }, () => {
      const s = this.sheet();
      s.frozenRows = 0;
      s.frozenColumns = n;
    });
  }
  /** Freezes the rows and columns of `range` (which must start at A1, as the top-left pane does). */
  freezeAt(range: FakeRange | string): void {
    this.ctx.enqueue({ freezeAt: typeof range === "string" ? range : "range" }, () => {
      const box = typeof range === "string" ? parseBox(range) : range.target().box;
      if (box.r1 !== 1 || box.c1 !== 1) throw new FakeOfficeError("InvalidArgument", "frozen range must start at A1");
      const s = this.sheet();
      s.frozenRows = box.r2 === 1048576 ? 0 : box.r2;
      s.frozenColumns = box.c2 === 16384 ? 0 : box.c2;
    });
  }
  unfreeze(): void {
    this.ctx.enqueue({ unfreeze: true }, () => {
      const s = this.sheet();
      s.frozenRows = 0;
      s.frozenColumns = 0;
    });
  }
  /** The frozen top-left pane: whole rows, whole columns or a block; null when nothing is frozen. */
  getLocationOrNullObject(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const s = this.sheet();
        if (s.frozenRows === 0 && s.frozenColumns === 0) return null;
        return { sheet: s, box: { r1: 1, c1: 1, r2: s.frozenRows || 1048576, c2: s.frozenColumns || 16384 } };
      },
      true,
    );
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  box: Box;
}

class FakeRange extends Proxy {
  private resolved: RangeTarget | null | undefined;
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormats;
  readonly dataValidation: FakeDataValidation;

  constructor(
    ctx: FakeContext,
    private readonly resolver: () => RangeTarget | null,
    private readonly nullable: boolean,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, () => this.target());
    this.conditionalFormats = new FakeConditionalFormats(ctx, () => this.target());
    this.dataValidation = new FakeDataValidation(ctx, () => this.target());
  }

  /** Resolved once, when an operation first touches the range (as Office.js binds object paths). */
  private resolve(): RangeTarget | null {
    if (this.resolved === undefined) this.resolved = this.resolver();
    return this.resolved;
  }

  target(): RangeTarget {
    const t = this.resolve();
    if (!t) throw new FakeOfficeError("ItemNotFound", "null range");
    return t;
  }

  get isNullObject(): boolean {
    const v = this.read<boolean>("isNullObject");
    this.nullChecked = true;
    return v;
  }

  /** Refuses a command on a null-object proxy not yet checked (see Proxy.guardNullable). */
  guard(): void {
    this.guardNullable(this.nullable);
  }
  get values(): Raw[][] {
    return this.read("values");
  }
  set values(v: unknown) {
    this.guard();
    this.ctx.enqueue(
      { values: v },
      () => {
        const t = this.target();
        writeValues(t.sheet, t.box, v);
        this.ctx.excel.fire(t.sheet, t.box, "Local");
      },
      { write: true },
    );
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown) {
    this.guard();
    this.ctx.enqueue({ numberFormat: v }, () => {
      const t = this.target();
      forEachCell(t.box, v, (r, c, f) => {
        const cell = t.sheet.get(r, c) ?? { value: "", numberFormat: "General" };
        t.sheet.set(r, c, { ...cell, numberFormat: String(f) });
      });
    });
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown) {
    this.values = v;
  }
  get formulasR1C1(): unknown[][] {
    return this.read("formulasR1C1");
  }
  set formulasR1C1(v: unknown) {
    this.guard();
    this.ctx.enqueue(
      { formulasR1C1: v },
      () => {
        const t = this.target();
        writeValues(t.sheet, t.box, v, true);
        this.ctx.excel.fire(t.sheet, t.box, "Local");
      },
      { write: true },
    );
  }
  get address(): string {
    return this.read("address");
  }
  /** True when every column of the range is hidden (ExcelApi 1.2); set hides or shows them. */
  get columnHidden(): boolean {
    return this.read("columnHidden");
  }
  set columnHidden(v: boolean) {
    this.ctx.enqueue({ columnHidden: v }, () => {
      const { sheet, box } = this.target();
      for (let c = box.c1; c <= box.c2; c++) {
        if (v) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }

  load(props?: unknown): this {
    const wanted = propList(props);
    this.queueLoad(wanted, () => {
      const t = this.resolve();
      if (!t) {
        if (!this.nullable) throw new FakeOfficeError("ItemNotFound", "range");
        return { isNullObject: true };
      }
      const out: Record<string, unknown> = { isNullObject: false };
      const { sheet, box } = t;
      const grid = (f: (cell: FakeCell | undefined) => unknown) => {
        const rows: unknown[][] = [];
        for (let r = box.r1; r <= box.r2; r++) {
          const row: unknown[] = [];
          for (let c = box.c1; c <= box.c2; c++) row.push(f(sheet.get(r, c)));
          rows.push(row);
        }
        return rows;
      };
      for (const p of wanted) {
        if (p === "values") out.values = grid((cell) => cell?.value ?? "");
        else if (p === "numberFormat") out.numberFormat = grid((cell) => cell?.numberFormat ?? "General");
        else if (p === "formulas") out.formulas = grid((cell) => cell?.formula ?? cell?.value ?? "");
        else if (p === "formulasR1C1") {
          const rows: unknown[][] = [];
          for (let r = box.r1; r <= box.r2; r++) {
            const row: unknown[] = [];
            for (let c = box.c1; c <= box.c2; c++) {
              const cell = sheet.get(r, c);
              row.push(cell?.formula !== undefined ? toR1C1(cell.formula, r, c) : (cell?.value ?? ""));
            }
            rows.push(row);
          }
          out.formulasR1C1 = rows;
        } else if (p === "address") out.address = `${quoteSheet(sheet.name)}!${boxAddress(box)}`;
        else if (p === "rowIndex") out.rowIndex = box.r1 - 1;
        else if (p === "columnIndex") out.columnIndex = box.c1 - 1;
        else if (p === "rowCount") out.rowCount = box.r2 - box.r1 + 1;
        else if (p === "columnCount") out.columnCount = box.c2 - box.c1 + 1;
        else if (p === "columnHidden")
          out.columnHidden = common({ ...box, r1: 1, r2: 1 }, (_r, c) => sheet.hiddenColumns.has(c));
        else if (p !== "isNullObject") throw new FakeOfficeError("InvalidArgument", `fake cannot load ${p}`);
      }
      return out;
    });
    return this;
  }

  insert(shift: string): FakeRange {
    this.guard();
    this.ctx.enqueue({ insert: shift }, () => {
      if (shift !== "Down") throw new FakeOfficeError("InvalidArgument", "fake inserts Down only");
      const { sheet, box } = this.target();
      const n = box.r2 - box.r1 + 1;
      const moved: [number, number, FakeCell][] = [];
      for (const [k, cell] of [...sheet.cells]) {
        const [r, c] = k.split(",").map(Number);
        if (c >= box.c1 && c <= box.c2 && r >= box.r1) {
          sheet.cells.delete(k);
          moved.push([r + n, c, cell]);
        }
      }
      for (const [r, c, cell] of moved) sheet.cells.set(key(r, c), cell);
    });
    return this;
  }

  /** Range.select (ExcelApi 1.1): selects the range, activating its sheet. */
  select(): void {
    this.guard();
    this.ctx.enqueue({ select: true }, () => {
      const { sheet, box } = this.target();
      this.ctx.excel.select(sheet.name, boxAddress(box));
    });
  }

  merge(across = false): void {
    this.guard();
    this.ctx.enqueue({ merge: across }, () => {
      const { sheet, box } = this.target();
      sheet.merges.push(boxAddress(box));
    });
  }

  clear(): void {
    this.guard();
    this.ctx.enqueue({ clear: true }, () => {
      const { sheet, box } = this.target();
      for (let r = box.r1; r <= box.r2; r++)
        for (let c = box.c1; c <= box.c2; c++) {
          sheet.cells.delete(key(r, c));
          sheet.formats.delete(key(r, c));
        }
    });
  }

  getCell(row: number, col: number): FakeRange {
    this.guard();
    return new FakeRange(
      this.ctx,
      () => {
        const t = this.target();
        const r = t.box.r1 + row;
        const c = t.box.c1 + col;
        return { sheet: t.sheet, box: { r1: r, c1: c, r2: r, c2: c } };
      },
      false,
    );
  }

  getRow(row: number): FakeRange {
    return this.derived((t) => ({ r1: t.r1 + row, c1: t.c1, r2: t.r1 + row, c2: t.c2 }));
  }

  getResizedRange(deltaRows: number, deltaCols: number): FakeRange {
    return this.derived((t) => {
      const r2 = t.r2 + deltaRows;
      const c2 = t.c2 + deltaCols;
      if (r2 < t.r1 || c2 < t.c1) throw new FakeOfficeError("InvalidArgument", "resized to nothing");
      return { r1: t.r1, c1: t.c1, r2, c2 };
    });
  }

  private derived(fn: (box: Box) => Box): FakeRange {
    this.guard();
    return new FakeRange(
      this.ctx,
      () => {
        const t = this.target();
        return { sheet: t.sheet, box: fn(t.box) };
      },
      false,
    );
  }

  /** The smallest range holding this one and `another` (same sheet). */
  getBoundingRect(another: FakeRange | string): FakeRange {
    return this.derived((t) => {
      const o = typeof another === "string" ? parseBox(another) : another.target().box;
      return { r1: Math.min(t.r1, o.r1), c1: Math.min(t.c1, o.c1), r2: Math.max(t.r2, o.r2), c2: Math.max(t.c2, o.c2) };
    });
  }

  /**
   * The merged areas intersecting the range (ExcelApi 1.13); a null object when none. Like
   * Excel, it fails (at sync) when the range holds more than MAX_MERGED_AREAS of them.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.guard();
    return new FakeRangeAreas(this.ctx, () => {
      // On a null range (an empty sheet's, a missing sheet's) the result is a null object too.
      const t = this.resolve();
      if (!t) return null;
      const { sheet, box } = t;
      const areas = sheet.merges.map(parseBox).filter((m) => intersects(m, box));
      if (areas.length > MAX_MERGED_AREAS) {
        throw new FakeOfficeError("GeneralException", `more than ${MAX_MERGED_AREAS} merged areas`);
      }
      return areas.length === 0 ? null : { sheet, areas };
    });
  }

  /**
   * The cells of the range of one kind (ExcelApi 1.9): "Constants" (typed values), "Formulas",
   * "Blanks" (empty cells inside the sheet's used range, as Excel limits them). The areas are
   * vertical runs per column. `getSpecialCells` fails with ItemNotFound at sync when no cell
   * matches; the OrNullObject variant gives a null object.
   */
  getSpecialCells(cellType: string): FakeRangeAreas {
    return this.specialCells(cellType, false);
  }

  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    return this.specialCells(cellType, true);
  }

  private specialCells(cellType: string, nullable: boolean): FakeRangeAreas {
    this.guard();
    return new FakeRangeAreas(
      this.ctx,
      () => {
        const { sheet, box } = this.target();
        const used = sheet.usedBox(false);
        const matches = (r: number, c: number): boolean => {
          const cell = sheet.get(r, c);
          const formula = cell?.formula !== undefined;
          if (cellType === "Formulas") return formula;
          if (cellType === "Constants") return !formula && cell !== undefined && cell.value !== "";
          if (cellType === "Blanks") {
            const inside = used !== null && r >= used.r1 && r <= used.r2 && c >= used.c1 && c <= used.c2;
            return inside && !formula && (cell === undefined || cell.value === "");
          }
          throw new FakeOfficeError("InvalidArgument", `fake cannot find special cells ${cellType}`);
        };
        const areas: Box[] = [];
        for (let c = box.c1; c <= box.c2; c++) {
          let start: number | null = null;
          for (let r = box.r1; r <= box.r2 + 1; r++) {
            const m = r <= box.r2 && matches(r, c);
            if (m && start === null) start = r;
            if (!m && start !== null) {
              areas.push({ r1: start, c1: c, r2: r - 1, c2: c });
              start = null;
            }
          }
        }
        return areas.length === 0 ? null : { sheet, areas };
      },
      nullable,
    );
  }

  getEntireColumn(): FakeRange {
    this.guard();
    return new FakeRange(
      this.ctx,
      () => {
        const t = this.target();
        return { sheet: t.sheet, box: { r1: 1, c1: t.box.c1, r2: 1048576, c2: t.box.c2 } };
      },
      false,
    );
  }
}

function intersects(a: Box, b: Box): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

/** A RangeAreas: rectangles of one sheet; `address` lists them with the sheet name, comma-separated. */
class FakeRangeAreas extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly resolver: () => { sheet: FakeSheet; areas: Box[] } | null,
    private readonly nullable = true,
  ) {
    super(ctx);
  }
  get isNullObject(): boolean {
    const v = this.read<boolean>("isNullObject");
    this.nullChecked = true;
    return v;
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  load(props?: unknown): this {
    const wanted = propList(props);
    this.queueLoad(wanted, () => {
      const t = this.resolver();
      if (!t && !this.nullable) throw new FakeOfficeError("ItemNotFound", "No cells were found.");
      if (!t) return { isNullObject: true };
      return {
        isNullObject: false,
        address: t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${boxAddress(a)}`).join(","),
        areaCount: t.areas.length,
      };
    });
    return this;
  }
}

/** The common value of `f` over the cells of a box, or null when they differ (as Office.js reports mixed formats). */
function common<T>(box: Box, f: (r: number, c: number) => T): T | null {
  let first: T | undefined;
  let seen = false;
  for (let r = box.r1; r <= box.r2; r++) {
    for (let c = box.c1; c <= box.c2; c++) {
      const v = f(r, c);
      if (!seen) {
        first = v;
        seen = true;
      } else if (JSON.stringify(v) !== JSON.stringify(first)) return null;
    }
  }
  return first ?? null;
}

/** Excel's defaults of a cell never formatted. */
const DEFAULT_FORMAT = {
  fill: "#FFFFFF",
  fontName: "Calibri",
  fontSize: 11,
  bold: false,
  fontColor: "#000000",
  horizontal: "General",
  vertical: "Bottom",
  wrap: false,
};
export const DEFAULT_COLUMN_WIDTH_PT = 48;
export const DEFAULT_ROW_HEIGHT_PT = 15;

class FakeRangeFormat extends Proxy {
  readonly fill: FakeFormatPart;
  readonly font: FakeFormatPart;
  readonly borders: FakeBorders;
  constructor(
    ctx: FakeContext,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx);
    const each = (fn: (f: CellFormat) => void) => () => {
      const { sheet, box } = this.target();
      for (let r = box.r1; r <= box.r2; r++) for (let c = box.c1; c <= box.c2; c++) fn(sheet.format(r, c));
    };
    const cell = (pick: (f: CellFormat) => unknown, fallback: unknown) => {
      const { sheet, box } = this.target();
      return common(box, (r, c) => pick(sheet.formats.get(key(r, c)) ?? { borders: {} }) ?? fallback);
    };
    this.fill = new FakeFormatPart(ctx, {
      color: {
        set: (v) => each((f) => (f.fill = String(v))),
        get: () => cell((f) => f.fill, DEFAULT_FORMAT.fill),
      },
    });
    this.fill.clear = () =>
      this.ctx.enqueue(
        { fillClear: true },
        each((f) => delete f.fill),
      );
    this.font = new FakeFormatPart(ctx, {
      name: { set: (v) => each((f) => (f.fontName = String(v))), get: () => cell((f) => f.fontName, "Calibri") },
      size: { set: (v) => each((f) => (f.fontSize = Number(v))), get: () => cell((f) => f.fontSize, 11) },
      bold: { set: (v) => each((f) => (f.bold = Boolean(v))), get: () => cell((f) => f.bold, false) },
      color: { set: (v) => each((f) => (f.fontColor = String(v))), get: () => cell((f) => f.fontColor, "#000000") },
    });
    this.borders = new FakeBorders(ctx, target);
  }
  set horizontalAlignment(v: string) {
    this.ctx.enqueue({ h: v }, () => this.each((f) => (f.horizontal = v)));
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set verticalAlignment(v: string) {
    this.ctx.enqueue({ v }, () => this.each((f) => (f.vertical = v)));
  }
  get verticalAlignment(): string {
    return this.read("verticalAlignment");
  }
  set wrapText(v: boolean) {
    this.ctx.enqueue({ wrap: v }, () => this.each((f) => (f.wrap = v)));
  }
  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set columnWidth(v: number) {
    this.ctx.enqueue({ columnWidth: v }, () => {
      const { sheet, box } = this.target();
      for (let c = box.c1; c <= box.c2; c++) sheet.columnWidths.set(c, v);
    });
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set rowHeight(v: number) {
    this.ctx.enqueue({ rowHeight: v }, () => {
      const { sheet, box } = this.target();
      for (let r = box.r1; r <= box.r2; r++) sheet.rowHeights.set(r, v);
    });
  }
  get rowHeight(): number {
    return this.read("rowHeight");
  }
  /** Loads alignment, wrap, column width and row height: the common value, or null when mixed. */
  load(props?: unknown): this {
    const wanted = propList(props);
    this.queueLoad(wanted, () => {
      const { sheet, box } = this.target();
      const f = (pick: (x: CellFormat) => unknown, fallback: unknown) =>
        common(box, (r, c) => pick(sheet.formats.get(key(r, c)) ?? { borders: {} }) ?? fallback);
      const cols = { r1: 1, r2: 1, c1: box.c1, c2: box.c2 };
      const rows = { r1: box.r1, r2: box.r2, c1: 1, c2: 1 };
      const all: Record<string, () => unknown> = {
        horizontalAlignment: () => f((x) => x.horizontal, DEFAULT_FORMAT.horizontal),
        verticalAlignment: () => f((x) => x.vertical, DEFAULT_FORMAT.vertical),
        wrapText: () => f((x) => x.wrap, false),
        columnWidth: () => common(cols, (_r, c) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH_PT),
        rowHeight: () => common(rows, (r) => sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT_PT),
      };
      return Object.fromEntries(
        wanted.map((p) => {
          if (!all[p]) throw new FakeOfficeError("InvalidArgument", `fake cannot load format/${p}`);
          return [p, all[p]()];
        }),
      );
    });
    return this;
  }
  private each(fn: (f: CellFormat) => void): void {
    const { sheet, box } = this.target();
    for (let r = box.r1; r <= box.r2; r++) for (let c = box.c1; c <= box.c2; c++) fn(sheet.format(r, c));
  }
}

interface PartProperty {
  set(v: unknown): () => void;
  get(): unknown;
}

/** format.fill / format.font: settable properties, loadable as the common value of the range's cells. */
class FakeFormatPart extends Proxy {
  clear: () => void = () => undefined;
  constructor(
    ctx: FakeContext,
    private readonly props: Record<string, PartProperty>,
  ) {
    super(ctx);
    for (const [name, p] of Object.entries(props)) {
      Object.defineProperty(this, name, {
        set: (v: unknown) => {
          this.ctx.enqueue({ [name]: v }, p.set(v));
        },
        get: () => this.read(name),
        enumerable: true,
      });
    }
  }
  load(props?: unknown): this {
    const wanted = propList(props);
    this.queueLoad(wanted, () =>
      Object.fromEntries(
        wanted.map((p) => {
          if (!this.props[p]) throw new FakeOfficeError("InvalidArgument", `fake cannot load ${p}`);
          return [p, this.props[p].get()];
        }),
      ),
    );
    return this;
  }
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

/** format.borders: getItem(edge) to set a line; load("items/…") to read each edge of the range. */
class FakeBorders extends Proxy {
  private itemList: { sideIndex: string; style: string; weight: string; color: string }[] | null = null;
  constructor(
    ctx: FakeContext,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx);
  }
  get items(): { sideIndex: string; style: string; weight: string; color: string }[] {
    if (!this.itemList) throw new FakeOfficeError("PropertyNotLoaded", "items not loaded");
    return this.itemList;
  }
  getItem(edge: string): { style: string; weight: string; color: string } {
    const setter = (name: string, fn: (f: CellFormat, v: string, r: number, c: number, box: Box) => void) => ({
      set: (v: string) =>
        this.ctx.enqueue({ [name]: v }, () => {
          const { sheet, box } = this.target();
          for (let r = box.r1; r <= box.r2; r++)
            for (let c = box.c1; c <= box.c2; c++) fn(sheet.format(r, c), v, r, c, box);
        }),
      enumerable: true,
    });
    // The cell edges a range edge draws: an inside line is the top (left) edge of every cell
    // after the first row (column) and the bottom (right) edge of every cell before the last,
    // as in Excel, where a cell's border is the line it shares with its neighbour.
    const cellEdges = (r: number, c: number, box: Box): string[] => {
      const out: string[] = [];
      if (edge === "EdgeTop" && r === box.r1) out.push("EdgeTop");
      if (edge === "EdgeBottom" && r === box.r2) out.push("EdgeBottom");
      if (edge === "EdgeLeft" && c === box.c1) out.push("EdgeLeft");
      if (edge === "EdgeRight" && c === box.c2) out.push("EdgeRight");
      if (edge === "InsideHorizontal") {
        if (r > box.r1) out.push("EdgeTop");
        if (r < box.r2) out.push("EdgeBottom");
      }
      if (edge === "InsideVertical") {
        if (c > box.c1) out.push("EdgeLeft");
        if (c < box.c2) out.push("EdgeRight");
      }
      return out;
    };
    return Object.defineProperties(
      {},
      {
        style: setter(`border:${edge}`, (f, v, r, c, box) => {
          for (const e of cellEdges(r, c, box)) f.borders[e] = v;
        }),
        weight: setter(`weight:${edge}`, (f, v, r, c, box) => {
          for (const e of cellEdges(r, c, box)) f.borders[`${e}:weight`] = v;
        }),
        color: setter(`bcolor:${edge}`, () => undefined),
      },
    ) as never;
  }
  load(props?: unknown): this {
    let items: { sideIndex: string; style: string; weight: string; color: string }[] = [];
    this.ctx.enqueue(
      { load: propList(props) },
      () => {
        const { sheet, box } = this.target();
        const f = (r: number, c: number) => sheet.formats.get(key(r, c))?.borders ?? {};
        items = EDGES.map((edge) => {
          // An edge of the range: the cells along it; an inside edge: every cell past the first row/column.
          const along: Box =
            edge === "EdgeTop"
              ? { ...box, r2: box.r1 }
              : edge === "EdgeBottom"
                ? { ...box, r1: box.r2 }
                : edge === "EdgeLeft"
                  ? { ...box, c2: box.c1 }
                  : edge === "EdgeRight"
                    ? { ...box, c1: box.c2 }
                    : edge === "InsideHorizontal"
                      ? { ...box, r1: box.r1 + 1 }
                      : { ...box, c1: box.c1 + 1 };
          const empty = along.r1 > along.r2 || along.c1 > along.c2;
          // An inside line is read as the top (left) edge of the cells after the first row (column).
          const cellEdge = edge === "InsideHorizontal" ? "EdgeTop" : edge === "InsideVertical" ? "EdgeLeft" : edge;
          return {
            sideIndex: edge,
            style: empty ? "None" : (common(along, (r, c) => f(r, c)[cellEdge] ?? "None") ?? "None"),
            weight: empty ? "Thin" : (common(along, (r, c) => f(r, c)[`${cellEdge}:weight`] ?? "Thin") ?? "Thin"),
            color: "#000000",
          };
        });
      },
      {
        response: () => bytesOf(items),
        deliver: () => {
          this.itemList = items;
        },
      },
    );
    return this;
  }
}

/**
 * range.conditionalFormats: the conditional formats intersecting the range, in priority order.
 * As Microsoft documents it, a format's `id` is its priority (position) in *this* collection:
 * the same format has another id in another range's collection, and an item obtained from a
 * load (or getItem / getItemAt) is found again by that position when a later command runs —
 * so after a delete or a priority change the same proxy names whatever format now sits there.
 */
class FakeConditionalFormats extends Proxy {
  private itemList: FakeConditionalFormatItem[] | null = null;
  constructor(
    ctx: FakeContext,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx);
  }
  get items(): FakeConditionalFormatItem[] {
    if (!this.itemList) throw new FakeOfficeError("PropertyNotLoaded", "items not loaded");
    return this.itemList;
  }
  /** The formats of this collection now, in priority order. */
  private current(): { sheet: FakeSheet; list: FakeConditionalFormat[] } {
    const { sheet, box } = this.target();
    const list = sheet.conditionalFormats.filter((cf) => cf.range.split(",").some((a) => intersects(parseBox(a), box)));
    return { sheet, list };
  }
  /** A proxy for the format at `position` of this collection when a command runs. */
  private at(position: number): FakeConditionalFormatItem {
    return new FakeConditionalFormatItem(this.ctx, () => {
      const { sheet, list } = this.current();
      const cf = list[position];
      return cf ? { sheet, cf } : null;
    });
  }
  /** Adds a format at the first (top) priority; its range is this range. */
  add(type: string): FakeConditionalFormatItem {
    const cf: FakeConditionalFormat = { id: this.ctx.excel.newObjectId(), range: "", type };
    this.ctx.enqueue({ addConditionalFormat: type }, () => {
      const { sheet, box } = this.target();
      cf.range = boxAddress(box);
      sheet.conditionalFormats.unshift(cf);
    });
    return new FakeConditionalFormatItem(this.ctx, () => ({ sheet: this.target().sheet, cf }));
  }
  getItemAt(index: number): FakeConditionalFormatItem {
    return this.at(index);
  }
  getItem(id: string): FakeConditionalFormatItem {
    return this.at(Number(id));
  }
  load(props?: unknown): this {
    const wanted = propList(props).map((p) => p.replace(/^items\//, ""));
    let snapshot: { cf: FakeConditionalFormat; priority: number }[] = [];
    this.ctx.enqueue(
      { load: wanted },
      () => {
        snapshot = this.current().list.map((cf, priority) => ({ cf: { ...cf }, priority }));
      },
      {
        response: () => bytesOf(snapshot.map((s) => s.cf)),
        deliver: () => {
          this.itemList = snapshot.map(({ cf, priority }) => {
            const item = this.at(priority);
            item.deliver(cf, priority, wanted);
            return item;
          });
        },
      },
    );
    return this;
  }
  clearAll(): void {
    this.ctx.enqueue({ clearConditionalFormats: true }, () => {
      const { sheet, box } = this.target();
      const inside = (a: string) => {
        const b = parseBox(a);
        return b.r1 >= box.r1 && b.r2 <= box.r2 && b.c1 >= box.c1 && b.c2 <= box.c2;
      };
      for (let i = sheet.conditionalFormats.length - 1; i >= 0; i--) {
        if (inside(sheet.conditionalFormats[i].range)) sheet.conditionalFormats.splice(i, 1);
      }
    });
  }
}

/** One conditional format: custom rule and format set through `custom`, loaded through `custom` or `customOrNullObject`. */
class FakeConditionalFormatItem extends Proxy {
  readonly custom: unknown;
  readonly customOrNullObject: unknown;
  constructor(
    ctx: FakeContext,
    private readonly live: () => { sheet: FakeSheet; cf: FakeConditionalFormat } | null,
  ) {
    super(ctx);
    const cf = () => {
      const t = this.live();
      if (!t) throw new FakeOfficeError("ItemNotFound", "conditional format deleted");
      return t.cf;
    };
    const prop = (path: string, apply: (v: never) => void) => ({
      set: (v: never) => this.ctx.enqueue({ [path]: v }, () => apply(v)),
      get: () => this.read(path),
      enumerable: true,
    });
    const custom = (prefix: string) => ({
      get isNullObject() {
        return read(`${prefix}isNullObject`);
      },
      rule: Object.defineProperties({}, { formula: prop(`${prefix}rule/formula`, (v: string) => (cf().formula = v)) }),
      format: {
        fill: Object.defineProperties(
          {},
          { color: prop(`${prefix}format/fill/color`, (v: string) => (cf().fill = v)) },
        ),
        font: Object.defineProperties(
          {},
          {
            color: prop(`${prefix}format/font/color`, (v: string) => (cf().fontColor = v)),
            bold: prop(`${prefix}format/font/bold`, (v: boolean) => (cf().bold = v)),
          },
        ),
      },
    });
    const read = (path: string) => this.read(path);
    this.custom = custom("custom/");
    this.customOrNullObject = custom("customOrNullObject/");
  }
  deliver(cf: FakeConditionalFormat, priority: number, wanted: readonly string[]): void {
    const isCustom = cf.type === "Custom";
    const value: Record<string, unknown> = {
      id: String(priority),
      type: cf.type,
      priority,
      stopIfTrue: cf.stopIfTrue ?? false,
      "rule/formula": cf.formula ?? null,
      "format/fill/color": cf.fill ?? null,
      "format/font/color": cf.fontColor ?? null,
      "format/font/bold": cf.bold ?? null,
    };
    for (const w of wanted) {
      if (w in value) this.loaded.set(w, value[w]);
      else if (w.startsWith("custom/")) {
        if (!isCustom) throw new FakeOfficeError("InvalidArgument", "not a custom conditional format");
        this.loaded.set(w, value[w.slice("custom/".length)]);
      } else if (w.startsWith("customOrNullObject/")) {
        this.loaded.set("customOrNullObject/isNullObject", !isCustom);
        this.loaded.set(w, isCustom ? value[w.slice("customOrNullObject/".length)] : null);
      } else throw new FakeOfficeError("InvalidArgument", `fake cannot load conditional format ${w}`);
    }
  }
  get id(): string {
    return this.read("id");
  }
  get type(): string {
    return this.read("type");
  }
  get priority(): number {
    return this.read("priority");
  }
  /** Moves the format to this priority (0 = first; negative counts from the back: -1 = last). */
  set priority(p: number) {
    this.ctx.enqueue({ priority: p }, () => {
      const t = this.live();
      if (!t) throw new FakeOfficeError("ItemNotFound", "conditional format deleted");
      const list = t.sheet.conditionalFormats;
      list.splice(list.indexOf(t.cf), 1);
      const at = p < 0 ? Math.max(0, list.length + 1 + p) : Math.min(p, list.length);
      list.splice(at, 0, t.cf);
    });
  }
  set stopIfTrue(v: boolean) {
    this.ctx.enqueue({ stopIfTrue: v }, () => {
      const t = this.live();
      if (t) t.cf.stopIfTrue = v;
    });
  }
  /** The range the format applies to (ExcelApi 1.6); a null object when it applies to several ranges. */
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const t = this.live();
        if (!t) throw new FakeOfficeError("ItemNotFound", "conditional format deleted");
        return t.cf.range.includes(",") ? null : { sheet: t.sheet, box: parseBox(t.cf.range) };
      },
      true,
    );
  }
  delete(): void {
    this.ctx.enqueue({ deleteConditionalFormat: true }, () => {
      const t = this.live();
      if (!t) throw new FakeOfficeError("ItemNotFound", "conditional format deleted");
      const list = t.sheet.conditionalFormats;
      list.splice(list.indexOf(t.cf), 1);
    });
  }
}

const VALIDATION_TYPES: Readonly<Record<string, string>> = {
  list: "List",
  date: "Date",
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  textLength: "TextLength",
  time: "Time",
  custom: "Custom",
};

/** A rule as Excel gives it back: bounds as formulas ("=46023"), ISO dates as serial numbers. */
function storedRule(rule: unknown): unknown {
  const formula = (v: unknown) => {
    if (typeof v === "number") return `=${v}`;
    const text = String(v);
    const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (d) return `=${isoSerial(Number(d[1]), Number(d[2]), Number(d[3]))}`;
    return text.startsWith("=") ? text : `=${text}`;
  };
  const out: Record<string, unknown> = {};
  for (const [kind, body] of Object.entries((rule ?? {}) as Record<string, Record<string, unknown>>)) {
    if (kind === "list") out.list = { ...body };
    else {
      out[kind] = {
        ...body,
        ...(body.formula1 !== undefined ? { formula1: formula(body.formula1) } : {}),
        ...(body.formula2 !== undefined ? { formula2: formula(body.formula2) } : {}),
      };
    }
  }
  return out;
}

/** range.dataValidation over the per-cell validations of the sheet. */
class FakeDataValidation extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx);
  }
  private cells(fn: (k: string) => void): void {
    const { box } = this.target();
    for (let r = box.r1; r <= box.r2; r++) for (let c = box.c1; c <= box.c2; c++) fn(key(r, c));
  }
  /** Changes the setting of every cell of the range (each distinct setting copied once). */
  private update(fn: (v: FakeValidation) => void): void {
    const { sheet, box } = this.target();
    const copies = new Map<FakeValidation, FakeValidation>();
    this.cells((k) => {
      const old = sheet.validationCells.get(k) ?? { range: boxAddress(box), rule: undefined, ignoreBlanks: true };
      let copy = copies.get(old);
      if (!copy) {
        copy = { ...old };
        fn(copy);
        copies.set(old, copy);
      }
      sheet.validationCells.set(k, copy);
    });
  }
  set rule(rule: unknown) {
    this.ctx.enqueue({ rule }, () => {
      const { sheet, box } = this.target();
      const kinds = Object.keys((rule ?? {}) as object);
      if (kinds.length !== 1 || !VALIDATION_TYPES[kinds[0]]) throw new FakeOfficeError("InvalidArgument", "rule");
      const v: FakeValidation = { range: boxAddress(box), rule: storedRule(rule), ignoreBlanks: true };
      this.cells((k) => sheet.validationCells.set(k, v));
    });
  }
  get rule(): unknown {
    return this.read("rule");
  }
  set errorAlert(alert: unknown) {
    this.ctx.enqueue({ alert }, () => this.update((v) => (v.errorAlert = { ...(alert as object) })));
  }
  get errorAlert(): unknown {
    return this.read("errorAlert");
  }
  set prompt(prompt: unknown) {
    this.ctx.enqueue({ prompt }, () => this.update((v) => (v.prompt = { ...(prompt as object) })));
  }
  get prompt(): unknown {
    return this.read("prompt");
  }
  set ignoreBlanks(value: boolean) {
    this.ctx.enqueue({ ignoreBlanks: value }, () => this.update((v) => (v.ignoreBlanks = value)));
  }
  get ignoreBlanks(): boolean {
    return this.read("ignoreBlanks");
  }
  get type(): string {
    return this.read("type");
  }
  /** The common setting of the range's cells: type "None" when none has one, "Inconsistent" when they differ. */
  load(props?: unknown): this {
    const wanted = propList(props);
    this.queueLoad(wanted, () => {
      const { sheet } = this.target();
      const seen = new Set<string>();
      let any: FakeValidation | undefined;
      let missing = false;
      this.cells((k) => {
        const v = sheet.validationCells.get(k);
        if (!v) missing = true;
        else any = v;
        seen.add(v ? JSON.stringify([v.rule, v.errorAlert, v.prompt, v.ignoreBlanks]) : "none");
      });
      const consistent = seen.size === 1;
      const type = !any ? "None" : !consistent ? "Inconsistent" : VALIDATION_TYPES[Object.keys(any.rule as object)[0]];
      const v = consistent && any && !missing ? any : undefined;
      const all: Record<string, unknown> = {
        type,
        rule: v?.rule ?? {},
        errorAlert: v?.errorAlert ?? { showAlert: true, style: "Stop", title: "", message: "" },
        prompt: v?.prompt ?? { showPrompt: false, title: "", message: "" },
        ignoreBlanks: v?.ignoreBlanks ?? true,
      };
      return Object.fromEntries(
        wanted.map((p) => {
          if (!(p in all)) throw new FakeOfficeError("InvalidArgument", `fake cannot load dataValidation/${p}`);
          return [p, all[p]];
        }),
      );
    });
    return this;
  }
  clear(): void {
    this.ctx.enqueue({ clearValidation: true }, () => {
      const { sheet } = this.target();
      this.cells((k) => sheet.validationCells.delete(k));
    });
  }
}

// ───────────────────────────── charts ─────────────────────────────

function rangeAddress(range: FakeRange): string {
  const t = range.target();
  return `${t.sheet.name}!${boxAddress(t.box)}`;
}

/**
 * Worksheet.charts: `add(type, sourceData, seriesBy)` (ExcelApi 1.1). Excel guesses series
 * names and categories from the source's text cells and shape; the fake models only a source
 * that leaves nothing to guess — one column of numbers, one series of those values named
 * "系列1" — and refuses any other (a test relying on Excel's guesses could not fail here).
 */
class FakeChartCollection extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }

  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChartProxy {
    let chart: FakeChart | null = null;
    this.ctx.enqueue({ addChart: type, seriesBy }, () => {
      const sheet = this.sheet();
      const { sheet: source, box } = sourceData.target();
      if (box.c1 !== box.c2) throw new Error("fake Excel: charts.add is modelled for one column of numbers only");
      for (let r = box.r1; r <= box.r2; r++) {
        if (typeof source.get(r, box.c1)?.value !== "number") {
          throw new Error(`fake Excel: charts.add source cell ${colLetters(box.c1)}${r} is not a number`);
        }
      }
      chart = {
        name: `图表 ${sheet.charts.length + 1}`,
        type,
        title: "",
        legend: { visible: true, position: "Right" },
        position: null,
        series: [{ name: "系列1", values: rangeAddress(sourceData), xValues: null, fill: null }],
      };
      sheet.charts.push(chart);
    });
    return new FakeChartProxy(this.ctx, () => {
      if (!chart) throw new FakeOfficeError("ItemNotFound", "chart not created");
      return chart;
    });
  }
}

class FakeChartProxy extends Proxy {
  readonly title: { text: string };
  readonly legend: { visible: boolean; position: string };
  readonly series: FakeSeriesCollection;
  constructor(
    ctx: FakeContext,
    private readonly chart: () => FakeChart,
  ) {
    super(ctx);
    const enqueue = this.ctx.enqueue.bind(this.ctx);
    this.title = {
      set text(v: string) {
        enqueue({ chartTitle: v }, () => (chart().title = v));
      },
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "title.text not loaded");
      },
    };
    this.legend = {
      set visible(v: boolean) {
        enqueue({ legendVisible: v }, () => (chart().legend.visible = v));
      },
      get visible(): boolean {
        throw new FakeOfficeError("PropertyNotLoaded", "legend.visible not loaded");
      },
      set position(v: string) {
        enqueue({ legendPosition: v }, () => (chart().legend.position = v));
      },
      get position(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "legend.position not loaded");
      },
    };
    this.series = new FakeSeriesCollection(ctx, chart);
  }

  /** Covers from the top-left of `start` to the bottom-right of `end` (ExcelApi 1.1). */
  setPosition(start: string, end?: string): void {
    this.ctx.enqueue({ setPosition: [start, end] }, () => {
      this.chart().position = {
        start: boxAddress(parseBox(start)),
        end: end === undefined ? null : boxAddress(parseBox(end)),
      };
    });
  }
}

class FakeSeriesCollection extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly chart: () => FakeChart,
  ) {
    super(ctx);
  }

  getItemAt(index: number): FakeSeriesProxy {
    return new FakeSeriesProxy(this.ctx, () => {
      const s = this.chart().series[index];
      if (!s) throw new FakeOfficeError("ItemNotFound", `no series ${index}`);
      return s;
    });
  }

  /** A new series (ExcelApi 1.7): not drawn until its values are set. */
  add(name?: string, index?: number): FakeSeriesProxy {
    let made: FakeChartSeries | null = null;
    this.ctx.enqueue({ addSeries: name, index }, () => {
      made = { name: name ?? `系列${this.chart().series.length + 1}`, values: null, xValues: null, fill: null };
      const list = this.chart().series;
      list.splice(index ?? list.length, 0, made);
    });
    return new FakeSeriesProxy(this.ctx, () => {
      if (!made) throw new FakeOfficeError("ItemNotFound", "series not created");
      return made;
    });
  }
}

class FakeSeriesProxy extends Proxy {
  readonly format: { fill: { setSolidColor: (color: string) => void } };
  constructor(
    ctx: FakeContext,
    private readonly series: () => FakeChartSeries,
  ) {
    super(ctx);
    this.format = {
      fill: {
        setSolidColor: (color: string) => this.ctx.enqueue({ seriesFill: color }, () => (this.series().fill = color)),
      },
    };
  }
  set name(v: string) {
    this.ctx.enqueue({ seriesName: v }, () => (this.series().name = v));
  }
  setValues(range: FakeRange): void {
    this.ctx.enqueue({ setValues: true }, () => (this.series().values = rangeAddress(range)));
  }
  setXAxisValues(range: FakeRange): void {
    this.ctx.enqueue({ setXAxisValues: true }, () => (this.series().xValues = rangeAddress(range)));
  }
}
