/**
 * Use case: year-end archive (duban archive, later the pane). Plans the move with the engine
 * (domain/archive/plan), checks on the grids in memory that the plan loses nothing, writes —
 * the new `Y年归档` sheet, then its rows and the emptied registry cells in one writeCells call
 * (archive rows first: a write cut short leaves an item in both places, never in neither) —
 * and reads both sheets back to check again. The command line saves the file only when the
 * second check passes; in the add-in the writes are in the 操作日志, so 撤销上次操作 takes them
 * back.
 */
import type { IsoDate, SheetGrid } from "../domain/cell";
import { printedNumber } from "../domain/documents/common";
import { planArchive, type ArchivePlan, type ArchiveRefusalCode } from "../domain/archive/plan";
import { applyWrites, verifyArchive } from "../domain/archive/verify";
import type { DocumentPort } from "./documents";
import { loadLedger } from "./ledger";
import { CodedError } from "./errors";

/** Why an archive was refused or stopped. */
export type ArchiveErrorCode = ArchiveRefusalCode | "unverified" | "unverified-after-write";

export class ArchiveError extends CodedError<ArchiveErrorCode> {
  override readonly name = "ArchiveError";
}

export interface ArchiveResult {
  readonly year: number;
  /** The archive sheet written (null when there was nothing to archive). */
  readonly sheet: string | null;
  /** Items moved to the archive sheet. */
  readonly archived: number;
  /** Items left on the registry (all years). */
  readonly kept: number;
  /** Of those, the open items of the year (they stay until they close). */
  readonly keptOfYear: number;
  /** Rows of 催办记录 and 问责记录 naming archived items: kept where they are. */
  readonly logsKept: { readonly remind: number; readonly accountability: number };
  readonly warnings: readonly string[];
  /** The plan carried out (null when nothing was archived). */
  readonly plan: ArchivePlan | null;
}

/** The archive sheet as it will read after the writes (without merges when the ledgers' are unknown). */
function archiveGrid(plan: ArchivePlan): SheetGrid {
  const grid = applyWrites({ name: plan.sheetName, rows: [] }, plan.archiveWrites, plan.layout);
  return plan.mergesKnown ? grid : { name: grid.name, rows: grid.rows };
}

/**
 * Archives year Y: closed and terminated items issued in Y move from every ledger sheet to
 * `Y年归档` (an item over several rows whole). Refuses a year already archived, a year still to
 * come, a move that would split a merged cell, and items of the year on ledger sheets whose
 * columns differ; stops
 * before writing when the plan fails its check, and reports when the read-back fails it.
 * @example await runArchive(port, { year: 2021, today: "2022-01-10" }) // { sheet: "2021年归档", archived: 9, kept: 4, … }
 */
export async function runArchive(
  port: DocumentPort,
  request: { readonly year: number; readonly today: IsoDate },
): Promise<ArchiveResult> {
  const ledger = await loadLedger(port, request.today);
  const ledgers = ledger.ledgers.map((l) => ({
    layout: l.layout,
    grid: ledger.grids.find((g) => g.name === l.layout.sheetName) ?? { name: l.layout.sheetName, rows: [] },
  }));
  const planned = planArchive({
    year: request.year,
    today: request.today,
    ledgers,
    items: ledger.items,
    sheetNames: ledger.sheetNames,
  });
  if (!planned.ok) throw new ArchiveError(planned.code, planned.message);
  const plan = planned.plan;
  const remind = ledger.remind?.log.entries ?? [];
  const measures = ledger.accountability?.log.entries ?? [];
  const movedNumbers = new Set(
    plan.moved.filter((m) => m.item.number.trim() !== "").map((m) => printedNumber(m.item.number)),
  );
  const naming = (entries: readonly { number: string }[]) =>
    entries.filter((e) => e.number.trim() !== "" && movedNumbers.has(printedNumber(e.number))).length;
  const base = {
    year: request.year,
    kept: plan.kept.length,
    keptOfYear: plan.keptOfYear,
    logsKept: { remind: naming(remind), accountability: naming(measures) },
    warnings: plan.warnings,
  };
  if (plan.moved.length === 0) return { ...base, sheet: null, archived: 0, plan: null };

  const logNumbers = [...remind, ...measures].map((e) => e.number);
  const simulated = verifyArchive(
    ledger.items,
    plan,
    {
      ledgers: ledgers.map((l) => ({ ...l, grid: applyWrites(l.grid, plan.clearWrites) })),
      archive: archiveGrid(plan),
    },
    logNumbers,
  );
  if (simulated.length > 0) {
    throw new ArchiveError("unverified", `归档核对未通过，未做任何修改：${simulated.join("；")}`);
  }

  await port.writeLayout(plan.layout, "add");
  await port.writeCells([...plan.archiveWrites, ...plan.clearWrites]);
  const back = await port.readSheets([...plan.sources, plan.sheetName]);
  const problems = verifyArchive(
    ledger.items,
    plan,
    {
      ledgers: ledgers.map((l) => ({ ...l, grid: back.find((g) => g.name === l.layout.sheetName) ?? l.grid })),
      archive: back.find((g) => g.name === plan.sheetName),
    },
    logNumbers,
  );
  if (problems.length > 0) {
    throw new ArchiveError(
      "unverified-after-write",
      `归档写入后核对未通过：${problems.join("；")}。请不要保存本次结果（在加载项中可用“撤销上次操作”恢复）`,
    );
  }
  return { ...base, sheet: plan.sheetName, archived: plan.moved.length, plan };
}
