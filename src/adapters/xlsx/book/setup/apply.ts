/**
 * Applies a workbook setup plan (src/domain/setup-plan.ts) to the package. Every step compares
 * what is there with what the plan wants and writes only the difference, so applying a plan
 * twice reports no change the second time; a cell a person typed is never overwritten
 * (FillMode), it is reported as a conflict instead.
 */
import type { SheetPlan, WorkbookPlan } from "../../../../domain/setup-plan-types";
import { SetupChangeLog, type SetupOutcome } from "../../../../app/setup-port";
import type { XlsxBook } from "../book";
import { addWorksheet } from "../sheet-parts";
import { targetOf, type Target } from "../write-cells";
import { applyCell, clearOwned } from "./cells";
import { applyConditionalFormats } from "./conditional";
import { applyNames, applyPrint } from "./print-names";
import { applyColumns, applyFreeze, applyMerges, applyNumberFormats } from "./sheet-settings";
import { applyValidations } from "./validations";

function applySheet(book: XlsxBook, t: Target, plan: SheetPlan, log: SetupChangeLog): void {
  applyMerges(t, plan, log);
  let written = 0;
  for (const cell of plan.cells) if (applyCell(book, t, cell, log)) written += 1;
  log.add(t.info.name, "cells", written);
  clearOwned(book, t, plan, log);
  applyColumns(t, plan, log);
  applyNumberFormats(book, t, plan, log);
  applyValidations(t, plan, log, book.date1904);
  applyConditionalFormats(t, plan, log, book.styles());
  applyFreeze(t, plan, log);
  applyPrint(book, t, plan, log);
}

/**
 * Makes the workbook match a setup plan; returns what changed and which planned cells were
 * left alone because a person wrote something else there.
 * @example const { changes, conflicts } = applyPlan(book, plan)
 */
export function applyPlan(book: XlsxBook, plan: WorkbookPlan): SetupOutcome {
  const log = new SetupChangeLog();
  const cache = new Map<string, Target>();
  for (const sheetPlan of plan.sheets) {
    let info = book.sheet(sheetPlan.name);
    if (!info) {
      info = addWorksheet(book, sheetPlan.name);
      log.add(sheetPlan.name, "sheet-created");
    }
    applySheet(book, targetOf(book, info, cache), sheetPlan, log);
  }
  applyNames(book, plan, log);
  if (log.changes.length > 0) book.touch();
  return { changes: log.changes, conflicts: log.conflicts };
}
