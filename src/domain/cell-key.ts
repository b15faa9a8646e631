import type { CellValue } from "./cell";
import { isoToSerial } from "./dates";

/**
 * A comparable key of a value as Excel stores it: a date is its serial number, and an empty
 * string is an empty cell. Adapters use it to tell whether a cell already holds a planned value.
 * @example storedValueKey({ t: "date", v: "2026-10-01" }) === storedValueKey({ t: "number", v: 46296 }) // true
 */
export function storedValueKey(value: CellValue): string {
  switch (value.t) {
    case "empty":
      return "empty";
    case "date":
      return `n:${isoToSerial(value.v)}`;
    case "number":
      return `n:${value.v}`;
    case "string":
      return value.v === "" ? "empty" : `s:${value.v}`;
    case "bool":
      return `b:${value.v}`;
    case "error":
      return `e:${value.v}`;
  }
}

/**
 * True when two cells hold the same value as Excel stores it: a date equals its serial
 * number, number formats are ignored, a blank text equals an empty cell.
 * @example sameStoredValue({ t: "date", v: "2021-03-31" }, { t: "number", v: 44286 }) // true
 * @example sameStoredValue({ t: "string", v: "1" }, { t: "number", v: 1 }) // false
 */
export function sameStoredValue(a: CellValue, b: CellValue): boolean {
  return storedValueKey(a) === storedValueKey(b);
}
