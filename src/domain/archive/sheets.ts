/**
 * Archive sheets (policy 四（五）: 年终交办公室归档): the closed and terminated items issued in a
 * year move from the registry to a sheet named `Y年归档` that carries the registry's header
 * band, so it is itself a ledger sheet — read like the registry, its numbers still taken (the
 * numbering never hands out an archived number again), its items still counted by the
 * semester analysis of their period.
 */
import type { SheetGrid } from "../cell";
import type { RegistryItem, RegistryLayout } from "../model";
import { isArchiveName, locateRegistry, readRegistry, REGISTRY_SHEET_NAME } from "../registry";

/** What follows the year in an archive sheet's name. */
export const ARCHIVE_SHEET_SUFFIX = "年归档";

const ARCHIVE_NAME = /^(\d{4})年归档$/;

/**
 * The name of a year's archive sheet.
 * @example archiveSheetName(2021) // "2021年归档"
 */
export function archiveSheetName(year: number): string {
  return `${year}${ARCHIVE_SHEET_SUFFIX}`;
}

/**
 * The year an archive sheet holds, or null when the name is not an archive's (white space
 * around the name ignored).
 * @example archiveYearOf("2021年归档") // 2021
 * @example archiveYearOf("督办事项登记表") // null
 */
export function archiveYearOf(name: string): number | null {
  const m = ARCHIVE_NAME.exec(name.trim());
  return m ? Number(m[1]) : null;
}

/**
 * Where the header of an archive sheet is. An archive carries the registry's header band, so
 * it is found as the registry sheet itself would be (a band naming 督办事项内容 and at least 3
 * known columns), whatever the sheet is called.
 * @example locateArchive({ name: "2021年归档", rows: [titleRow, headerRow, …] })?.headerRow // 2
 */
export function locateArchive(grid: SheetGrid): RegistryLayout | null {
  const layout = locateRegistry([{ ...grid, name: REGISTRY_SHEET_NAME }]);
  return layout === null ? null : { ...layout, sheetName: grid.name };
}

/** The items of one archive sheet. */
export interface ArchivedSheet {
  readonly sheet: string;
  /** The year its name gives (`2021年归档`, `2020年已归档`, `存档2019`), null when it names none. */
  readonly year: number | null;
  readonly layout: RegistryLayout;
  readonly items: readonly RegistryItem[];
}

/**
 * The items of every archive sheet among the grids, in workbook order: the sheets `duban
 * archive` writes (`Y年归档`) and those an office named so by hand (`2020年已归档`, `存档`) —
 * every sheet that is not a ledger for its name (registry.ts isArchiveName) and whose header can
 * be found. Their items count in the analysis and their numbers stay taken.
 * @example readArchives(grids).map((a) => a.sheet) // ["2020年已归档", "2021年归档", "2022年归档"]
 */
export function readArchives(grids: readonly SheetGrid[]): ArchivedSheet[] {
  const out: ArchivedSheet[] = [];
  for (const grid of grids) {
    if (!isArchiveName(grid.name)) continue;
    const layout = locateArchive(grid);
    if (layout === null) continue;
    const year = archiveYearOf(grid.name) ?? yearInName(grid.name);
    out.push({ sheet: grid.name, year, layout, items: readRegistry(grid, layout).items });
  }
  return out;
}

function yearInName(name: string): number | null {
  const m = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(name);
  return m ? Number(m[1]) : null;
}

/**
 * Rows for assignNumbers standing for the archived numbers: they are never given a number
 * (they have one), they only keep their year's highest number taken.
 * @example archivedNumberRows(readArchives(grids)) // [{ row: 0, number: "〔2021〕7号", issuedOn: "2021-03-01" }, …]
 */
export function archivedNumberRows(
  archives: readonly ArchivedSheet[],
): { row: number; number: string; issuedOn: RegistryItem["issuedOn"] }[] {
  return archives.flatMap((a) =>
    a.items.filter((i) => i.number.trim() !== "").map((i) => ({ row: 0, number: i.number, issuedOn: i.issuedOn })),
  );
}
