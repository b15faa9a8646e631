/**
 * The workbook package behind the xlsx adapter, in memory and browser-safe (Uint8Array and
 * fflate; no fs, path, zlib or Buffer): it implements the WorkbookPort, SetupTarget and
 * LayoutPort by editing the package's parts as text. A command changes only the parts it must
 * — the `<c>` elements of the cells it sets, the elements it adds, new sheets, names, styles
 * appended — and `toBytes` copies every other part byte for byte.
 */
import { findSheetName } from "../../../domain/sheet-name";
import type { CellValue, SheetGrid } from "../../../domain/cell";
import type { CellWrite, WorkbookPort } from "../../../app/port";
import type { SetupOutcome, SetupTarget } from "../../../app/setup-port";
import type { LayoutMode, LayoutPort } from "../../../app/documents";
import type { SheetLayout } from "../../../domain/layout/types";
import type { WorkbookPlan } from "../../../domain/setup-plan-types";
import {
  CONTENT_TYPES,
  CONTENT_TYPES_PART,
  parseRelationships,
  REL_TYPES,
  relsPartOf,
  removeOverride,
  removeRelationship,
  resolveTarget,
} from "../package/opc";
import type { OfficePackage } from "../package/package";
import type { Codec } from "../package/codec";
import { parseSharedStrings } from "./shared-strings";
import { readSheetGrid, type ReadContext } from "./sheet-read";
import { SheetDoc } from "./sheet-doc";
import { Styles } from "./styles";
import { asLoadError, openPackage, readSheetInfos, type OpenedPackage, type SheetInfo } from "./open";
import { setDefinedName, setFullCalcOnLoad } from "./workbook-part";
import { ensureStylesPart } from "./sheet-parts";
import { writeCellsTo, writeFormulaTo } from "./write-cells";
import { addWorksheet, deleteWorksheet } from "./sheet-parts";
import { applyPlan } from "./setup/apply";
import { drawLayout } from "./layout";
import { newWorkbookPackage } from "./new-workbook";

/** What a book is made from: an opened package and the name messages give the file. */
export interface BookInit extends OpenedPackage {
  /** The file as messages name it. */
  readonly fileLabel: string;
}

/**
 * Opens .xlsx/.xlsm bytes for a book (see XlsxBook.fromBytes).
 * @example new XlsxBook(openBook(bytes, "登记表.xlsx"))
 */
export function openBook(bytes: Uint8Array, name = "工作簿", fileName: string = name, codec?: Codec): BookInit {
  return { ...openPackage(bytes, name, fileName, codec), fileLabel: name };
}

/** The parts of a new workbook without sheets. */
export function newBook(name = "新工作簿", codec?: Codec): BookInit {
  return {
    pkg: newWorkbookPackage(codec),
    workbookPart: "xl/workbook.xml",
    contentType: CONTENT_TYPES.workbook,
    date1904: false,
    fileLabel: name,
  };
}

export class XlsxBook implements WorkbookPort, SetupTarget, LayoutPort {
  private infos?: SheetInfo[];
  private readonly docs = new Map<string, SheetDoc>();
  private stylesCache?: Styles;
  private stringsCache?: string[];
  private readonly lossList: string[] = [];
  private formulasChanged = false;
  private valuesChanged = false;
  private revisionCount = 0;

  /** The package (parts in memory). */
  readonly pkg: OfficePackage;
  /** The workbook part, e.g. "xl/workbook.xml". */
  readonly workbookPart: string;
  /** The workbook part's content type (an .xlsm keeps the macro-enabled one). */
  readonly contentType: string;
  readonly date1904: boolean;
  /** The file as messages name it. */
  readonly fileLabel: string;

  constructor(init: BookInit) {
    this.pkg = init.pkg;
    this.workbookPart = init.workbookPart;
    this.contentType = init.contentType;
    this.date1904 = init.date1904;
    this.fileLabel = init.fileLabel;
  }

  /**
   * Opens .xlsx/.xlsm bytes; anything else (a .xls, a CSV, a template, a hostile or corrupt
   * package) throws an XlsxLoadError naming the file as `name`.
   * @example const book = XlsxBook.fromBytes(bytes, "登记表.xlsx")
   */
  static fromBytes(bytes: Uint8Array, name = "工作簿", fileName: string = name): XlsxBook {
    return new XlsxBook(openBook(bytes, name, fileName));
  }

  /**
   * A new, empty workbook (no sheet yet: `init` adds them through a setup plan).
   * @example const book = XlsxBook.create()
   */
  static create(name = "新工作簿"): XlsxBook {
    return new XlsxBook(newBook(name));
  }

  // ── internals shared with the writing modules ─────────────────────────────────────────────

  /** @internal Every sheet of the workbook, in order. */
  sheets(): SheetInfo[] {
    this.infos ??= readSheetInfos(this.pkg, this.workbookPart);
    return this.infos;
  }

  /** @internal The worksheet of that exact name. */
  sheet(name: string): SheetInfo | undefined {
    return this.sheets().find((s) => s.worksheet && s.name === name);
  }

  /** @internal The worksheet of that name in any letter case (Excel's sheet names are case-insensitive). */
  sheetLike(name: string): SheetInfo | undefined {
    const found = findSheetName(
      name,
      this.sheets().map((s) => s.name),
    );
    return this.sheets().find((s) => s.name === found);
  }

  /** @internal Forget the cached sheet list after the workbook part changed. */
  sheetsChanged(): void {
    this.infos = undefined;
    this.touch();
  }

  /** @internal The editable document of a worksheet part. */
  doc(info: SheetInfo): SheetDoc {
    let doc = this.docs.get(info.part);
    if (!doc) {
      doc = new SheetDoc(this.pkg.text(info.part));
      this.docs.set(info.part, doc);
    }
    return doc;
  }

  /** @internal Drop an editable document (its part was replaced or removed). */
  forgetDoc(part: string): void {
    this.docs.delete(part);
  }

  /** @internal The part a relationship of the workbook of this type points to. */
  workbookTarget(type: string): string | undefined {
    const rels = this.pkg.has(relsPartOf(this.workbookPart))
      ? parseRelationships(this.pkg.text(relsPartOf(this.workbookPart)))
      : [];
    const rel = rels.find((r) => r.type === type && !r.external);
    return rel ? resolveTarget(this.workbookPart, rel.target) : undefined;
  }

  /** @internal The workbook's styles. */
  styles(): Styles {
    if (!this.stylesCache) {
      const part = this.workbookTarget(REL_TYPES.styles);
      this.stylesCache = Styles.parse(part && this.pkg.has(part) ? this.pkg.text(part) : undefined);
    }
    return this.stylesCache;
  }

  /** @internal The shared strings, read once. */
  strings(): readonly string[] {
    if (!this.stringsCache) {
      const part = this.workbookTarget(REL_TYPES.sharedStrings);
      this.stringsCache = part && this.pkg.has(part) ? parseSharedStrings(this.pkg.text(part)) : [];
      if (part) this.pkg.release(part);
    }
    return this.stringsCache;
  }

  /** @internal What reading a sheet's cells needs. */
  readContext(sheet: string): ReadContext {
    return { sheet, strings: () => this.strings(), styles: this.styles(), date1904: this.date1904 };
  }

  /** @internal Text of the workbook part. */
  workbookXml(): string {
    return this.pkg.text(this.workbookPart);
  }

  /** @internal Replace the workbook part's text. */
  setWorkbookXml(xml: string): void {
    if (xml === this.workbookXml()) return;
    this.pkg.setText(this.workbookPart, xml);
    this.sheetsChanged();
  }

  /**
   * @internal Cell values changed: formulas elsewhere may read them (a COUNTA over 编号, the
   * 看板's counts), and Excel shows a formula's saved result until it recalculates, so Excel is
   * asked to recalculate on opening (calcPr fullCalcOnLoad). The calculation chain stays valid:
   * no formula cell changed.
   */
  markValues(): void {
    this.valuesChanged = true;
    this.touch();
  }

  /**
   * @internal Formulas were added, changed or removed: the calculation chain is dropped and
   * Excel asked to recalculate every formula on opening (calcPr fullCalcOnLoad).
   */
  markFormulas(): void {
    this.formulasChanged = true;
    this.touch();
  }

  /** @internal Something the command cannot keep; the caller refuses to save unless forced. */
  noteLoss(text: string): void {
    if (!this.lossList.includes(text)) this.lossList.push(text);
  }

  /** @internal Count a change (for caches of callers that inspect the package). */
  touch(): void {
    this.revisionCount += 1;
  }

  // ── public API ─────────────────────────────────────────────────────────────────────────────

  /** What this command could not keep (empty when nothing is lost); see the CLI's --force. */
  get losses(): readonly string[] {
    return this.lossList;
  }

  /** Increases with every change, so an inspector can cache what it read. */
  get revision(): number {
    return this.revisionCount;
  }

  /** True for a macro-enabled workbook (.xlsm). */
  get macroEnabled(): boolean {
    return this.contentType === CONTENT_TYPES.macroWorkbook;
  }

  /** "visible", "hidden" or "veryHidden"; undefined for a missing sheet. */
  sheetState(name: string): string | undefined {
    return this.sheet(name)?.state;
  }

  async sheetNames(): Promise<string[]> {
    return this.sheetNamesSync();
  }

  /** The worksheet names, in workbook order. */
  sheetNamesSync(): string[] {
    return this.sheets()
      .filter((s) => s.worksheet)
      .map((s) => s.name);
  }

  async readSheets(names: readonly string[]): Promise<SheetGrid[]> {
    return this.readSheetsSync(names);
  }

  /** Grids of the named worksheets (missing names skipped), read straight from their XML. */
  readSheetsSync(names: readonly string[]): SheetGrid[] {
    const out: SheetGrid[] = [];
    for (const name of names) {
      const info = this.sheet(name);
      if (!info) continue;
      out.push(this.guard(() => this.readOne(info)));
    }
    return out;
  }

  private readOne(info: SheetInfo): SheetGrid {
    const edited = this.docs.get(info.part);
    if (edited?.changed) return readSheetGrid(edited.toXml(), this.readContext(info.name));
    const cachedDoc = this.docs.has(info.part);
    const grid = readSheetGrid(this.pkg.text(info.part), this.readContext(info.name));
    // A big sheet's text is not kept once read, unless it is open for editing.
    if (!cachedDoc) this.pkg.release(info.part);
    return grid;
  }

  async writeCells(writes: readonly CellWrite[]): Promise<void> {
    this.setCells(writes);
  }

  /** Writes exactly these cells (all checked before any is written). */
  setCells(writes: readonly CellWrite[]): void {
    this.guard(() => writeCellsTo(this, writes));
  }

  async applySetupPlan(plan: WorkbookPlan): Promise<SetupOutcome> {
    return this.guard(() => applyPlan(this, plan));
  }

  async writeLayout(layout: SheetLayout, mode: LayoutMode): Promise<void> {
    this.guard(() => drawLayout(this, layout, mode));
  }

  /** Deletes a worksheet (any letter case) with the parts only it used; nothing when missing. */
  async deleteSheet(name: string): Promise<void> {
    const info = this.sheetLike(name);
    if (info) this.guard(() => deleteWorksheet(this, info));
  }

  /** Adds an empty worksheet at the end (hidden when asked). */
  addSheet(name: string, options: { hidden?: boolean } = {}): void {
    this.guard(() => addWorksheet(this, name, undefined, options.hidden ? "hidden" : "visible"));
  }

  /** Writes a formula (without "=") into one cell, keeping its style; no cached value. */
  setFormula(sheet: string, row: number, col: number, formula: string): void {
    this.guard(() => writeFormulaTo(this, sheet, row, col, formula));
  }

  /** Defines (or redefines) a workbook-level name, e.g. `defineName("科室列表", "'设置'!$A$2:$A$9")`. */
  defineName(name: string, formula: string): void {
    this.setWorkbookXml(setDefinedName(this.workbookXml(), { name, value: formula }));
  }

  /** One value as the reader types it, for tests and inspectors. */
  cellValue(sheet: string, row: number, col: number): CellValue {
    const [grid] = this.readSheetsSync([sheet]);
    return grid?.rows[row - 1]?.[col - 1] ?? { t: "empty" };
  }

  /** Runs `fn`, turning a package refusal into the load error of this file. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw asLoadError(error, this.fileLabel);
    }
  }

  /** Writes every changed sheet, style and workbook setting into the package. */
  private flush(): void {
    for (const [part, doc] of [...this.docs]) {
      if (!doc.changed) continue;
      const bytes = this.pkg.changed(part) ? null : doc.toBytes(this.pkg.bytes(part));
      if (bytes) this.pkg.setBytes(part, bytes);
      else this.pkg.setText(part, doc.toXml());
      // Opened again from the part when next needed: the edited text is not kept twice.
      this.docs.delete(part);
    }
    if (this.stylesCache?.changed) {
      const part = ensureStylesPart(this);
      this.pkg.setText(part, this.stylesCache.toXml());
      this.stylesCache = Styles.parse(this.pkg.text(part));
    }
    if (this.formulasChanged || this.valuesChanged) this.setWorkbookXml(setFullCalcOnLoad(this.workbookXml()));
    if (this.formulasChanged) this.dropCalcChain();
  }

  private dropCalcChain(): void {
    const part = this.workbookTarget(REL_TYPES.calcChain);
    const relsPart = relsPartOf(this.workbookPart);
    if (!part || !this.pkg.has(relsPart)) return;
    const rel = parseRelationships(this.pkg.text(relsPart)).find((r) => r.type === REL_TYPES.calcChain);
    if (rel) this.pkg.setText(relsPart, removeRelationship(this.pkg.text(relsPart), rel.id));
    this.pkg.remove(part);
    this.pkg.setText(CONTENT_TYPES_PART, removeOverride(this.pkg.text(CONTENT_TYPES_PART), part));
  }

  /** The workbook as package bytes: untouched parts copied, changed ones written anew. */
  toBytes(): Uint8Array {
    return this.guard(() => {
      this.flush();
      return this.pkg.toBytes();
    });
  }
}
