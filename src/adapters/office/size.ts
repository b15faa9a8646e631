/**
 * Excel on the web refuses a request or a response larger than 5 MB. The adapter estimates
 * the size of what it sends and receives as the UTF-8 length of its JSON, plus an envelope per
 * action, and keeps each batch under a 4 MB budget.
 */
import { officeCodeOf } from "./errors";

/** Excel on the web's limit on one request and on one response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What the adapter lets one batch carry, leaving room for the envelope it does not see. */
export const BATCH_BUDGET_BYTES = 4 * 1024 * 1024;
/** Estimated bytes of one queued action around its data (object path, ids, property name). */
export const ACTION_OVERHEAD_BYTES = 200;

/**
 * UTF-8 length of a string without encoding it (Chinese characters take 3 bytes).
 * @example utf8Length("督办a") // 7
 */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
}

/**
 * Estimated bytes of a value sent or received as JSON.
 * @example jsonBytes([["督办", 1]]) // 14
 */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

const TOO_LARGE: ReadonlySet<string | undefined> = new Set([
  "ResponsePayloadSizeLimitExceeded",
  "RequestPayloadSizeLimitExceeded",
]);

/**
 * True when a failure (as context.sync() threw it, or as an OfficeFailure) means a batch was
 * too large for Excel on the web.
 * @example isPayloadTooLarge({ code: "ResponsePayloadSizeLimitExceeded" }) // true
 */
export function isPayloadTooLarge(error: unknown): boolean {
  return TOO_LARGE.has(officeCodeOf(error));
}

/**
 * Packs items into consecutive groups whose summed bytes stay within `budget` (an item larger
 * than the budget gets a group of its own). Order is kept.
 * @example packBySize([{ bytes: 3 }, { bytes: 3 }, { bytes: 3 }], 6) // [[{…}, {…}], [{…}]]
 */
export function packBySize<T extends { readonly bytes: number }>(items: readonly T[], budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    if (current.length > 0 && size + item.bytes > budget) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
