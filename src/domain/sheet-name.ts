/**
 * Worksheet names as Excel allows them: 1–31 characters, none of : \ / ? * [ ], not starting
 * or ending with an apostrophe, not "History" (reserved), and unique in the workbook ignoring
 * case. Document sheets are named after their item, e.g. `通知单〔2021〕3号`.
 */

/** Longest worksheet name Excel accepts. */
export const MAX_SHEET_NAME_LENGTH = 31;

/** Name Excel reserves for its change-history sheet (any case). */
const RESERVED = "history";

/** Forbidden ASCII characters and the full-width forms that keep their meaning. */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  ":": "：",
  "\\": "＼",
  "/": "／",
  "?": "？",
  "*": "＊",
  "[": "〔",
  "]": "〕",
  // Allowed inside a name, but formulas and defined names must then quote it doubled; a
  // typographic apostrophe reads the same and needs nothing.
  "'": "’",
};

const REPLACED = /[:\\/?*[\]']/g;

/**
 * True when Excel accepts the name as it is (uniqueness aside).
 * @example isValidSheetName("通知单〔2021〕3号") // true
 * @example isValidSheetName("通知单[2021]3号") // false
 */
export function isValidSheetName(name: string): boolean {
  return (
    name.trim().length > 0 &&
    [...name].length <= MAX_SHEET_NAME_LENGTH &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== RESERVED &&
    // Control characters are not allowed either.
    ![...name].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20)
  );
}

/** The first `n` characters (code points) of a text. */
function take(text: string, n: number): string {
  return [...text].slice(0, n).join("");
}

/**
 * A valid name as close to the wish as possible: forbidden characters become their
 * full-width forms (`[` → `〔`, `/` → `／` …) and apostrophes typographic ones (`'` → `’`),
 * control characters and outer spaces go, the rest is cut to 31 characters; "History" gets a
 * trailing "_", and a blank wish becomes "Sheet".
 * @example sanitizeSheetName("通知单[2021]3号") // "通知单〔2021〕3号"
 * @example sanitizeSheetName("  a/b'  ") // "a／b’"
 */
export function sanitizeSheetName(wish: string): string {
  let name = [...wish]
    .filter((ch) => (ch.codePointAt(0) ?? 0) >= 0x20)
    .join("")
    .replace(REPLACED, (ch) => REPLACEMENTS[ch] ?? "_")
    .trim();
  name = take(name, MAX_SHEET_NAME_LENGTH).trim();
  if (name === "") return "Sheet";
  if (name.toLowerCase() === RESERVED) return `${name}_`;
  return name;
}

/**
 * A valid name not yet used in the workbook (compared ignoring case): the sanitised wish, or
 * it followed by (2), (3)… — cut so the whole stays within 31 characters.
 * @example uniqueSheetName("通知单〔2021〕3号", ["通知单〔2021〕3号"]) // "通知单〔2021〕3号(2)"
 */
export function uniqueSheetName(wish: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const base = sanitizeSheetName(wish);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = `(${n})`;
    const stem = take(base, MAX_SHEET_NAME_LENGTH - suffix.length);
    const candidate = `${stem}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * The existing sheet a name designates, compared ignoring case as Excel does; undefined when
 * none.
 * @example findSheetName("sheet1", ["Sheet1"]) // "Sheet1"
 */
export function findSheetName(name: string, existing: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  return existing.find((n) => n.toLowerCase() === lower);
}
