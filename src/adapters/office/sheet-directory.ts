/**
 * What one operation knows about the workbook's sheets: their names once loaded — kept up to
 * date with the sheets the operation adds and deletes, so it never loads them twice — and,
 * before the names are known, which sheets its reads found or found missing (undo reads the
 * 操作日志 directly and still knows whether a sheet exists). Excel compares sheet names
 * ignoring case; so do the lookups here.
 */
import { findSheetName } from "../../domain/sheet-name";

export class SheetDirectory {
  private list: string[] | null = null;
  /** Sheets read successfully (known to exist even before the names are). */
  private readonly seen = new Set<string>();
  /** Sheets a direct read found missing (before the names were known). */
  private readonly missing = new Set<string>();

  /** The names as this operation knows them now, or null before they were loaded. */
  get names(): readonly string[] | null {
    return this.list;
  }

  /** Records the names as the workbook listed them. */
  loaded(names: readonly string[]): void {
    this.list = [...names];
  }

  /**
   * The name as the workbook spells it, when the names are known and it has the sheet.
   * @example directory.resolve("sheet1") // "Sheet1"
   */
  resolve(name: string): string | undefined {
    return this.list === null ? undefined : findSheetName(name, this.list);
  }

  /** Records sheets that queued commands create. */
  added(names: readonly string[]): void {
    if (this.list === null) return;
    for (const name of names) if (findSheetName(name, this.list) === undefined) this.list.push(name);
  }

  /** Records a sheet the operation deletes. */
  deleted(name: string): void {
    this.seen.delete(name);
    if (this.list !== null) this.list = this.list.filter((n) => n !== name);
  }

  /** Records a sheet a read found (it exists). */
  found(name: string): void {
    this.seen.add(name);
  }

  /** Records a sheet a direct read found missing. */
  notFound(name: string): void {
    this.missing.add(name);
  }

  /**
   * Whether a sheet exists, as far as this operation's reads tell without the names: true
   * (read), false (found missing) or undefined (not known; the names tell).
   */
  existsByReads(name: string): boolean | undefined {
    if (this.seen.has(name)) return true;
    return this.missing.has(name) ? false : undefined;
  }
}
