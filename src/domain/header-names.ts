/**
 * Header text → column: the canonical header of every column and the spellings real registries
 * use (columns.ts aliases), after removing white space and the decorations people add.
 */
import { ALL_COLUMNS, normalizeHeader, type ColumnKey } from "./columns";

/** Canonical header (no white space) of each column key. */
export const HEADER_OF: Readonly<Record<ColumnKey, string>> = Object.fromEntries(
  ALL_COLUMNS.map((c) => [c.key, c.header]),
) as Record<ColumnKey, string>;

const HEADER_INDEX: ReadonlyMap<string, ColumnKey> = new Map(
  ALL_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [h, c.key] as const)),
);

/** Decorations people add to header text: required marks, bracketed notes, colons, zero-width characters. */
function stripDecorations(header: string): string {
  return header
    .replace(/[\u200B-\u200D\u2060]/g, "")
    .replace(/[*＊]/g, "")
    .replace(/[（(][^）)]*[）)]$/u, "")
    .replace(/[:：]$/u, "");
}

/**
 * The column a header cell names, by its canonical text or an alias, after removing white
 * space, required marks (*), a trailing bracketed note and a trailing colon.
 * @example columnKeyOfHeader("任务下\n达时间") // "issuedOn"
 * @example columnKeyOfHeader("*督办事项内容（必填）") // "content"
 * @example columnKeyOfHeader("经办人") // undefined
 */
export function columnKeyOfHeader(text: string): ColumnKey | undefined {
  const plain = normalizeHeader(text);
  return HEADER_INDEX.get(plain) ?? HEADER_INDEX.get(stripDecorations(plain));
}
