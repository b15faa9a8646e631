/**
 * Use cases: accountability (policy 五). `runAccountability` lists what the policy calls for
 * today — suggested measures, the measures recorded, the units that lost 评优评先 eligibility —
 * and writes nothing. `recordMeasures` writes the measures a person confirmed into the 问责记录
 * sheet (created when missing). In the add-in it runs inside an operation, so the rows (and a
 * new sheet) are in the 操作日志 and 撤销上次操作 takes them back.
 */
import type { IsoDate } from "../domain/cell";
import type { Issue, RegistryItem } from "../domain/model";
import { printedNumber } from "../domain/documents/common";
import {
  ACCOUNTABILITY_LOG_HEADERS,
  ACCOUNTABILITY_LOG_SHEET,
  accountabilityLogCells,
  accountabilityLogLayout,
  type AccountabilityEntry,
  type Measure,
} from "../domain/accountability/log";
import { ineligibleUnits, type Ineligibility } from "../domain/accountability/eligibility";
import { POLICY_CLAUSE, suggestMeasures, type Suggestion } from "../domain/accountability/suggest";
import { findItemByNumber, type DocumentPort } from "./documents";
import { followUpOf, loadLedger, type LoadedLedger } from "./ledger";
import { appendLogRows } from "./log-append";
import type { WorkbookPort } from "./port";
import { CodedError } from "./errors";

export interface AccountabilityResult {
  readonly today: IsoDate;
  readonly suggestions: readonly Suggestion[];
  readonly records: readonly (AccountabilityEntry & { readonly row: number })[];
  readonly ineligible: readonly Ineligibility[];
  /** Problems of the 问责记录 rows. */
  readonly issues: readonly Issue[];
  /** The 问责记录 sheet, null when the workbook has none yet. */
  readonly logSheet: string | null;
}

function suggestionsOf(ledger: LoadedLedger, today: IsoDate): Suggestion[] {
  return suggestMeasures({ ...followUpOf(ledger, today), items: ledger.items });
}

/**
 * What the policy calls for on `today` (two port reads at most, nothing written).
 * @example await runAccountability(port, "2021-06-01") // { suggestions: [{ measure: "约谈", number: "〔2021〕3号", … }], … }
 */
export async function runAccountability(port: WorkbookPort, today: IsoDate): Promise<AccountabilityResult> {
  return accountabilityOf(await loadLedger(port, today), today);
}

/**
 * What the policy calls for on `today` over a ledger already read.
 * @example accountabilityOf(await loadLedger(port, "2021-06-01"), "2021-06-01").suggestions.length // 3
 */
export function accountabilityOf(ledger: LoadedLedger, today: IsoDate): AccountabilityResult {
  const records = ledger.accountability?.log.entries ?? [];
  const { ineligible, issues } = ineligibleUnits(records, ledger.allItems);
  return {
    today,
    suggestions: suggestionsOf(ledger, today),
    records,
    ineligible,
    issues: [...(ledger.accountability?.log.issues ?? []), ...issues],
    logSheet: ledger.accountability?.sheet ?? null,
  };
}

/** Why a measure could not be recorded. */
export type AccountabilityErrorCode = "nothing-to-record" | "no-suggestion";

export class AccountabilityError extends CodedError<AccountabilityErrorCode> {
  override readonly name = "AccountabilityError";
}

export interface RecordRequest {
  readonly today: IsoDate;
  /** The items' numbers, in any recognisable spelling. */
  readonly numbers: readonly string[];
  /** The measure to record; without it, the measures suggested today for each item. */
  readonly measure?: Measure;
  /** The 依据 text; by default the suggestion's, or the policy clause. */
  readonly basis?: string;
  /** 经办人. */
  readonly handler?: string;
}

export interface RecordedMeasure {
  readonly number: string;
  readonly unit: string;
  readonly measure: Measure;
  readonly basis: string;
  /** The 问责记录 row written, null when the same measure was already recorded today. */
  readonly row: number | null;
}

export interface RecordResult {
  readonly sheet: string;
  readonly recorded: readonly RecordedMeasure[];
  readonly warnings: readonly string[];
}

/** The 依据 of a measure a person chose without a suggestion. */
const DEFAULT_BASIS: Readonly<Record<Measure, string>> = {
  约谈: `${POLICY_CLAUSE}：未按期完成，对单位负责人进行约谈`,
  通报批评: `${POLICY_CLAUSE}：经催办仍未办结，且不能说明合理原因，对单位予以通报批评`,
  追究责任: `${POLICY_CLAUSE}：情节严重，造成严重后果，依纪依规追究单位主要负责人和相关责任人纪律责任`,
};

/** The measures to record for one item: the one asked for, else today's suggestions. */
function measuresFor(item: RegistryItem, request: RecordRequest, suggestions: readonly Suggestion[]) {
  const number = printedNumber(item.number);
  const mine = suggestions.filter((s) => s.number === number);
  if (request.measure !== undefined) {
    const basis =
      request.basis ?? mine.find((s) => s.measure === request.measure)?.basis ?? DEFAULT_BASIS[request.measure];
    return [{ measure: request.measure, basis }];
  }
  if (mine.length === 0) {
    throw new AccountabilityError(
      "no-suggestion",
      `事项${number}目前没有问责建议；如确需记录，请用 --measure 指明措施（约谈、通报批评或追究责任）`,
    );
  }
  return mine.map((s) => ({ measure: s.measure as Measure, basis: request.basis ?? s.basis }));
}

/**
 * Records confirmed measures in the 问责记录 sheet: one row per item and measure, dated
 * today. The same measure recorded for the same item on the same day is not written twice.
 * Unknown, duplicated or unreadable numbers throw DocumentError before anything is written.
 * @example await recordMeasures(port, { today: "2021-06-01", numbers: ["〔2021〕3号"], handler: "王芳" })
 *   // { sheet: "问责记录", recorded: [{ number: "〔2021〕3号", measure: "约谈", row: 2, … }], warnings: [] }
 */
export async function recordMeasures(port: DocumentPort, request: RecordRequest): Promise<RecordResult> {
  if (request.numbers.length === 0) {
    throw new AccountabilityError("nothing-to-record", "请指定要记录问责措施的督办事项编号");
  }
  const ledger = await loadLedger(port, request.today);
  const suggestions = suggestionsOf(ledger, request.today);
  const log = ledger.accountability;
  const already = new Set(
    (log?.log.entries ?? [])
      .filter((e) => e.date === request.today && e.measure !== null)
      .map((e) => `${printedNumber(e.number)}\u0000${e.measure}`),
  );
  const warnings: string[] = [];
  const planned: { number: string; unit: string; measure: Measure; basis: string; fresh: boolean }[] = [];
  for (const typed of request.numbers) {
    const item = findItemByNumber(ledger.allItems, typed);
    const number = printedNumber(item.number);
    const unit = item.hostUnit.trim();
    if (unit === "") warnings.push(`事项${number}的承办单位为空，问责记录中该栏为空白，请补填登记表的承办单位`);
    for (const m of measuresFor(item, request, suggestions)) {
      const key = `${number}\u0000${m.measure}`;
      planned.push({ number, unit, ...m, fresh: !already.has(key) });
      already.add(key);
    }
  }
  const fresh = planned.filter((p) => p.fresh);
  const handler = request.handler?.trim() ?? "";
  const written = await appendLogRows(port, {
    defs: ACCOUNTABILITY_LOG_HEADERS,
    sheetName: ACCOUNTABILITY_LOG_SHEET,
    existing: ledger.sheetNames,
    log: log ? { ...log.log, sheet: log.sheet, grid: log.grid } : undefined,
    layout: accountabilityLogLayout,
    rows: fresh.map((p) =>
      accountabilityLogCells({
        date: request.today,
        unit: p.unit,
        number: p.number,
        measure: p.measure,
        basis: p.basis,
        handler,
      }),
    ),
  });
  let next = written.firstRow;
  return {
    sheet: written.sheet,
    recorded: planned.map((p) => ({
      number: p.number,
      unit: p.unit,
      measure: p.measure,
      basis: p.basis,
      row: p.fresh ? next++ : null,
    })),
    warnings,
  };
}
