/**
 * What the refresh and init use cases need beyond WorkbookPort: applying a setup plan (sheets,
 * validation, conditional formats, names, print settings — things WorkbookPort's cell writes
 * cannot express). Each adapter implements it: the xlsx package writer for files, the Office
 * session (one batch of reads, writes under the request budget) in the add-in.
 */
import type { WorkbookPlan } from "../domain/setup-plan";

/** Kinds of change an adapter reports, one entry per sheet and kind. */
export type SetupChangeKind =
  | "sheet-created"
  | "cells"
  | "cells-cleared"
  | "number-formats"
  | "validations"
  | "conditional-formats"
  | "names"
  | "freeze"
  | "print"
  | "columns"
  | "merges";

export interface SetupChange {
  /** Sheet name; "" for workbook-level changes (defined names). */
  readonly sheet: string;
  readonly kind: SetupChangeKind;
  /** How many cells, rules, names … changed. */
  readonly count: number;
}

/** A planned cell left alone because it holds something a person wrote. */
export interface SetupConflict {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** A1 address, for messages. */
  readonly address: string;
  /** What the cell holds (text of its value, or "=" and its formula). */
  readonly found: string;
}

export interface SetupOutcome {
  /** Empty when the workbook already matched the plan. */
  readonly changes: readonly SetupChange[];
  readonly conflicts: readonly SetupConflict[];
}

/** Applies setup plans to one workbook. */
export interface SetupTarget {
  /**
   * Makes the workbook match the plan: creates missing sheets, writes planned cells by their
   * FillMode, sets formats, validation, conditional formats, names, frozen panes and print
   * settings. Applying the same plan again changes nothing.
   */
  applySetupPlan(plan: WorkbookPlan): Promise<SetupOutcome>;
}

/**
 * Counts an adapter's changes per sheet and kind, in the order they first happen, and collects
 * conflicts; both adapters report through it so their outcomes compare equal.
 * @example const log = new SetupChangeLog(); log.add("设置", "cells", 3); log.changes // [{ sheet: "设置", kind: "cells", count: 3 }]
 */
export class SetupChangeLog {
  private readonly counts = new Map<string, SetupChange>();
  readonly conflicts: SetupConflict[] = [];

  add(sheet: string, kind: SetupChangeKind, count = 1): void {
    if (count <= 0) return;
    const key = `${sheet}\u0000${kind}`;
    const prev = this.counts.get(key);
    this.counts.set(key, { sheet, kind, count: (prev?.count ?? 0) + count });
  }

  get changes(): SetupChange[] {
    return [...this.counts.values()];
  }
}
