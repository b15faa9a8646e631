/**
 * What the package reader accepts. A workbook beyond these is refused before anything is
 * inflated or allocated by its claims (README "安全限制" states them for users).
 */

/** Largest uncompressed size of one part (a 50,000-row registry sheet is about 45 MB). */
export const MAX_PART_BYTES = 200 * 1024 * 1024;
/** Largest total uncompressed size of all parts, as the zip declares them. */
export const MAX_TOTAL_BYTES = 1024 * 1024 * 1024;
/** Most entries in one package. */
export const MAX_ENTRIES = 10000;
/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32767;
/** Excel's last row and column. */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
/** Most rows a sheet's `<dimension>` may claim beyond its last row element before it is refused. */
export const MAX_DIMENSION_SLACK = 100000;
