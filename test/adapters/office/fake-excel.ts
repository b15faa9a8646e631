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
 * formulas, address and dimensions, insert, merge, format: fill, font, alignment, wrap,
 * column width, row height, borders), conditional formats, data validation, tables, page
 * layout, freeze panes, Runtime, the onChanged event. Counters: syncs, request and response
 * bytes of every sync, run options.
 */

export type Raw = string | number | boolean;

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

export interface FakeConditionalFormat {
  readonly range: string;
  readonly type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  stopIfTrue?: boolean;
  priority?: number;
}

export interface FakeValidation {
  readonly range: string;
  rule: unknown;
  errorAlert?: unknown;
}

export interface FakeTable {
  name: string;
  range: string;
  hasHeaders: boolean;
  style?: string;
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
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  readonly validations: FakeValidation[] = [];
  readonly tables: FakeTable[] = [];
  readonly handlers: ((args: unknown) => unknown)[] = [];
  readonly pageLayout: FakePageLayout = {};
  visibility = "Visible";
  showGridlines = true;
  frozenRows = 0;
  tabColor = "";
  constructor(
    public name: string,
    readonly id: string,
  ) {}

  get(row: number, col: number): FakeCell | undefined {
    return this.cells.get(key(row, col));
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

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  eventsEnabled = true;
  readonly syncs: SyncRecord[] = [];
  readonly runOptions: unknown[] = [];
  /** Requirement sets the host claims, for Office.context.requirements.isSetSupported. */
  readonly supportedSets = new Map<string, number>([["ExcelApi", 1.8]]);
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

  /** Runs one sync's queue with the limits and faults of Excel on the web. */
  execute(queue: Op[]): void {
    const number = this.syncs.length + 1;
    if (this.beforeWrite.length > 0 && queue.some((op) => op.write)) {
      for (const fn of this.beforeWrite.splice(0)) fn();
    }
    const requestBytes = queue.reduce((n, op) => n + op.bytes, 0);
    const fault = this.faults.find((f) => f.at === number);
    if (requestBytes > PAYLOAD_LIMIT) {
      this.syncs.push({ requestBytes, responseBytes: 0, ops: queue.length, failed: "RequestPayloadSizeLimitExceeded" });
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "请求负载大小已超过限制。");
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
    if (responseBytes > PAYLOAD_LIMIT) {
      this.syncs.push({ requestBytes, responseBytes, ops: queue.length, failed: "ResponsePayloadSizeLimitExceeded" });
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "响应负载大小已超过限制。");
    }
    this.syncs.push({ requestBytes, responseBytes, ops: queue.length });
    for (const op of queue) op.deliver?.();
  }
}

function writeValues(sheet: FakeSheet, box: Box, values: unknown): void {
  forEachCell(box, values, (r, c, v) => {
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
  constructor(protected readonly ctx: FakeContext) {}

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
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
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

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.find(name), true, name);
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
  readonly freezePanes: { freezeRows: (n: number) => void };
  readonly tables: { add: (address: string, hasHeaders: boolean) => FakeTableProxy };
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
    this.freezePanes = {
      freezeRows: (n: number) => this.ctx.enqueue({ freezeRows: n }, () => (this.target().frozenRows = n)),
    };
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
    return this.read("isNullObject");
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
    this.ctx.enqueue({ activate: true }, () => this.target());
  }

  getRange(address?: string): FakeRange {
    const box = address === undefined ? parseBox("A1:XFD1048576") : parseBox(address);
    return new FakeRange(this.ctx, () => ({ sheet: this.target(), box }), false);
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    const box = { r1: row + 1, c1: col + 1, r2: row + rows, c2: col + cols };
    return new FakeRange(this.ctx, () => ({ sheet: this.target(), box }), false);
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const s = this.resolver();
        if (!s) return null;
        const box = s.usedBox(valuesOnly);
        return box ? { sheet: s, box } : null;
      },
      true,
    );
  }

  getUsedRange(valuesOnly = false): FakeRange {
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
    return this.read("isNullObject");
  }
  get values(): Raw[][] {
    return this.read("values");
  }
  set values(v: unknown) {
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
  get address(): string {
    return this.read("address");
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
        else if (p === "address") out.address = `${quoteSheet(sheet.name)}!${boxAddress(box)}`;
        else if (p === "rowIndex") out.rowIndex = box.r1 - 1;
        else if (p === "columnIndex") out.columnIndex = box.c1 - 1;
        else if (p === "rowCount") out.rowCount = box.r2 - box.r1 + 1;
        else if (p === "columnCount") out.columnCount = box.c2 - box.c1 + 1;
        else if (p !== "isNullObject") throw new FakeOfficeError("InvalidArgument", `fake cannot load ${p}`);
      }
      return out;
    });
    return this;
  }

  insert(shift: string): FakeRange {
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

  merge(across = false): void {
    this.ctx.enqueue({ merge: across }, () => {
      const { sheet, box } = this.target();
      sheet.merges.push(boxAddress(box));
    });
  }

  clear(): void {
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
    return new FakeRange(
      this.ctx,
      () => {
        const t = this.target();
        return { sheet: t.sheet, box: fn(t.box) };
      },
      false,
    );
  }

  getEntireColumn(): FakeRange {
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

class FakeRangeFormat extends Proxy {
  readonly fill: { color: string; clear: () => void };
  readonly font: { name: string; size: number; bold: boolean; color: string };
  readonly borders: { getItem: (edge: string) => { style: string; weight: string; color: string } };
  constructor(
    ctx: FakeContext,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx);
    const each = (fn: (f: CellFormat, r: number, c: number, box: Box) => void) => () => {
      const { sheet, box } = this.target();
      for (let r = box.r1; r <= box.r2; r++) for (let c = box.c1; c <= box.c2; c++) fn(sheet.format(r, c), r, c, box);
    };
    const setter = (name: string, fn: (f: CellFormat, v: never, r: number, c: number, box: Box) => void) => ({
      set: (v: never) =>
        this.ctx.enqueue(
          { [name]: v },
          each((f, r, c, box) => fn(f, v, r, c, box)),
        ),
      get: () => this.read(name),
      enumerable: true,
    });
    this.fill = Object.defineProperties(
      {
        clear: () =>
          this.ctx.enqueue(
            { fillClear: true },
            each((f) => delete f.fill),
          ),
      },
      { color: setter("fill", (f, v: string) => (f.fill = v)) },
    ) as never;
    this.font = Object.defineProperties(
      {},
      {
        name: setter("fontName", (f, v: string) => (f.fontName = v)),
        size: setter("fontSize", (f, v: number) => (f.fontSize = v)),
        bold: setter("bold", (f, v: boolean) => (f.bold = v)),
        color: setter("fontColor", (f, v: string) => (f.fontColor = v)),
      },
    ) as never;
    this.borders = {
      getItem: (edge: string) =>
        Object.defineProperties(
          {},
          {
            style: setter(`border:${edge}`, (f, v: string, r, c, box) => {
              const on =
                (edge === "EdgeTop" && r === box.r1) ||
                (edge === "EdgeBottom" && r === box.r2) ||
                (edge === "EdgeLeft" && c === box.c1) ||
                (edge === "EdgeRight" && c === box.c2) ||
                (edge === "InsideHorizontal" && r > box.r1) ||
                (edge === "InsideVertical" && c > box.c1);
              if (on) f.borders[edge] = v;
            }),
            weight: setter(`weight:${edge}`, (f, v: string) => (f.borders[`${edge}:weight`] = v)),
            color: setter(`bcolor:${edge}`, () => undefined),
          },
        ) as never,
    };
  }
  set horizontalAlignment(v: string) {
    this.ctx.enqueue({ h: v }, () => this.each((f) => (f.horizontal = v)));
  }
  set verticalAlignment(v: string) {
    this.ctx.enqueue({ v }, () => this.each((f) => (f.vertical = v)));
  }
  set wrapText(v: boolean) {
    this.ctx.enqueue({ wrap: v }, () => this.each((f) => (f.wrap = v)));
  }
  set columnWidth(v: number) {
    this.ctx.enqueue({ columnWidth: v }, () => {
      const { sheet, box } = this.target();
      for (let c = box.c1; c <= box.c2; c++) sheet.columnWidths.set(c, v);
    });
  }
  set rowHeight(v: number) {
    this.ctx.enqueue({ rowHeight: v }, () => {
      const { sheet, box } = this.target();
      for (let r = box.r1; r <= box.r2; r++) sheet.rowHeights.set(r, v);
    });
  }
  private each(fn: (f: CellFormat) => void): void {
    const { sheet, box } = this.target();
    for (let r = box.r1; r <= box.r2; r++) for (let c = box.c1; c <= box.c2; c++) fn(sheet.format(r, c));
  }
}

class FakeConditionalFormats extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx);
  }
  add(type: string): unknown {
    const cf: FakeConditionalFormat = { range: "", type };
    this.ctx.enqueue({ addConditionalFormat: type }, () => {
      const { sheet, box } = this.target();
      (cf as { range: string }).range = boxAddress(box);
      sheet.conditionalFormats.push(cf);
    });
    const enqueue = (payload: unknown, fn: () => void) => this.ctx.enqueue(payload, fn);
    return {
      custom: {
        rule: Object.defineProperty({}, "formula", {
          set: (v: string) => {
            enqueue({ formula: v }, () => (cf.formula = v));
          },
        }),
        format: {
          fill: Object.defineProperty({}, "color", {
            set: (v: string) => {
              enqueue({ fill: v }, () => (cf.fill = v));
            },
          }),
          font: Object.defineProperty({}, "color", {
            set: (v: string) => {
              enqueue({ fontColor: v }, () => (cf.fontColor = v));
            },
          }),
        },
      },
      set stopIfTrue(v: boolean) {
        enqueue({ stopIfTrue: v }, () => (cf.stopIfTrue = v));
      },
      set priority(v: number) {
        enqueue({ priority: v }, () => (cf.priority = v));
      },
    };
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

class FakeDataValidation extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx);
  }
  private current(): FakeValidation {
    const { sheet, box } = this.target();
    const address = boxAddress(box);
    let v = sheet.validations.find((x) => x.range === address);
    if (!v) {
      v = { range: address, rule: undefined };
      sheet.validations.push(v);
    }
    return v;
  }
  set rule(rule: unknown) {
    this.ctx.enqueue({ rule }, () => (this.current().rule = rule));
  }
  set errorAlert(alert: unknown) {
    this.ctx.enqueue({ alert }, () => (this.current().errorAlert = alert));
  }
  clear(): void {
    this.ctx.enqueue({ clearValidation: true }, () => {
      const { sheet, box } = this.target();
      const address = boxAddress(box);
      const i = sheet.validations.findIndex((x) => x.range === address);
      if (i >= 0) sheet.validations.splice(i, 1);
    });
  }
}
