/**
 * Applies a workbook setup plan (src/domain/setup-plan.ts) to an ExcelJS workbook. Every step
 * compares what is there with what the plan wants and writes only the difference, so applying
 * a plan twice reports no change the second time; a cell a person typed is never overwritten
 * (FillMode), it is reported as a conflict instead.
 *
 * ExcelJS notes: formulas are stored without the leading "="; cells loaded with the same style
 * id share one style object, so styles are always replaced, never mutated; data validations
 * are kept per cell (ExcelJS merges equal neighbours into ranges when it writes).
 */
import * as ExcelJS from "exceljs";
import { columnLetters, rangeRef, sheetRangeRef, type CellRange } from "../../domain/a1-ref";
import { decideCell, isEmptyStored, type StoredCell } from "../../domain/cell-write-rule";
import type {
  CellPlan,
  ConditionalFormatPlan,
  PlanStyle,
  PlanValue,
  SheetPlan,
  WorkbookPlan,
  ValidationPlan,
} from "../../domain/setup-plan";
import { SetupChangeLog, type SetupOutcome, type SetupTarget } from "../../app/setup-port";
import { fromCellValue, toCellValue } from "./cell-value";

const PAPER_SIZE: Readonly<Record<"A4", number>> = { A4: 9 };

type RawFormulaValue = { formula?: string; sharedFormula?: string };

function isFormulaCell(cell: ExcelJS.Cell): boolean {
  const v = cell.value as unknown;
  return typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v);
}

/** The formula text of a cell ("" when none); shared formulas come translated to the cell. */
function formulaOf(cell: ExcelJS.Cell): string {
  if (!isFormulaCell(cell)) return "";
  return cell.formula ?? (cell.value as RawFormulaValue).formula ?? "";
}

/** What a cell stores, in the neutral form the cell-write rule decides on. */
function storedOf(cell: ExcelJS.Cell): StoredCell {
  return { value: toCellValue(cell), formula: isFormulaCell(cell) ? formulaOf(cell) : null };
}

/** The ExcelJS style properties a PlanStyle sets, over a base style. */
function styled(base: Partial<ExcelJS.Style>, style: PlanStyle | undefined): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = JSON.parse(JSON.stringify(base ?? {}));
  if (!style) return out;
  if (style.bold !== undefined || style.fontSize !== undefined || style.fontColor !== undefined) {
    out.font = {
      ...out.font,
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.fontSize !== undefined ? { size: style.fontSize } : {}),
      ...(style.fontColor !== undefined ? { color: { argb: style.fontColor } } : {}),
    };
  }
  if (style.fill !== undefined) {
    out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: style.fill } };
  }
  if (style.wrap !== undefined || style.horizontal !== undefined || style.vertical !== undefined) {
    out.alignment = {
      ...out.alignment,
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
      ...(style.horizontal !== undefined ? { horizontal: style.horizontal } : {}),
      ...(style.vertical !== undefined ? { vertical: style.vertical } : {}),
    };
  }
  if (style.border) {
    const thin = { style: "thin" } as ExcelJS.Border;
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (style.numFmt !== undefined) out.numFmt = style.numFmt;
  return out;
}

/** The parts of a cell's style a plan can set, as a comparable key. */
function styleKey(style: Partial<ExcelJS.Style> | undefined): string {
  const s = style ?? {};
  const fill = s.fill && s.fill.type === "pattern" ? (s.fill.fgColor?.argb ?? "") : "";
  return JSON.stringify([
    s.font?.bold ?? false,
    s.font?.size ?? null,
    s.font?.color?.argb ?? null,
    fill,
    s.alignment?.wrapText ?? false,
    s.alignment?.horizontal ?? null,
    s.alignment?.vertical ?? null,
    s.border?.top?.style ?? null,
    s.border?.left?.style ?? null,
    s.border?.bottom?.style ?? null,
    s.border?.right?.style ?? null,
    s.numFmt ?? "",
  ]);
}

/** Applies `style` (and a copied look) to a cell; true when its look changed. */
function applyStyle(sheet: ExcelJS.Worksheet, cell: ExcelJS.Cell, plan: CellPlan): boolean {
  if (!plan.style && !plan.styleFrom) return false;
  const base = plan.styleFrom ? sheet.getCell(plan.styleFrom.row, plan.styleFrom.col).style : cell.style;
  const next = styled(base, plan.style);
  const same = plan.styleFrom
    ? JSON.stringify(next) === JSON.stringify(cell.style)
    : styleKey(next) === styleKey(cell.style);
  if (same) return false;
  cell.style = next;
  return true;
}

function toExcelValue(value: PlanValue, date1904: boolean): { value: ExcelJS.CellValue; numFmt?: string } {
  if (value.t === "formula") return { value: { formula: value.f } as ExcelJS.CellFormulaValue };
  return fromCellValue(value, { date1904 });
}

/** Writes one planned cell by its FillMode; returns true when it wrote. */
function applyCell(sheet: ExcelJS.Worksheet, plan: CellPlan, log: SetupChangeLog, date1904: boolean): boolean {
  const cell = sheet.getCell(plan.row, plan.col);
  if (cell.type === ExcelJS.ValueType.Merge) {
    // Covered by a merged range: nothing can be written there; say so unless the sheet is ours.
    if (plan.mode !== "owned") {
      log.conflicts.push({
        sheet: sheet.name,
        row: plan.row,
        col: plan.col,
        address: cell.address,
        found: "（合并单元格）",
      });
    }
    return false;
  }
  const desired = toExcelValue(plan.value, date1904);
  const { write, conflict } = decideCell(plan, storedOf(cell));
  if (conflict !== undefined) {
    log.conflicts.push({ sheet: sheet.name, row: plan.row, col: plan.col, address: cell.address, found: conflict });
  }
  if (write) {
    cell.value = desired.value;
    if (desired.numFmt !== undefined && !plan.style?.numFmt && cell.numFmt !== desired.numFmt) {
      cell.style = { ...cell.style, numFmt: desired.numFmt };
    }
  }
  const restyled = (write || plan.mode === "owned") && applyStyle(sheet, cell, plan);
  return write || restyled;
}

function eachCell(range: CellRange, fn: (row: number, col: number) => void) {
  for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) fn(r, c);
}

/** Clears cells of a generated sheet's region that the plan no longer lists. */
function clearOwned(sheet: ExcelJS.Worksheet, plan: SheetPlan, log: SetupChangeLog) {
  const owned = plan.owned;
  if (!owned) return;
  const planned = new Set(plan.cells.map((c) => `${c.row}:${c.col}`));
  let cleared = 0;
  sheet.eachRow((row, r) => {
    if (r < owned.fromRow) return;
    row.eachCell((cell, c) => {
      if (c < owned.left || c > owned.right || planned.has(`${r}:${c}`)) return;
      if (cell.type === ExcelJS.ValueType.Merge || isEmptyStored(storedOf(cell))) return;
      cell.value = null;
      cleared += 1;
    });
  });
  log.add(sheet.name, "cells-cleared", cleared);
}

// ── data validation ───────────────────────────────────────────────────────────────────────

function utcDate(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

function validationModel(v: ValidationPlan): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: v.errorStyle,
    errorTitle: v.errorTitle,
    error: v.error,
    ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
    ...(v.promptTitle ? { promptTitle: v.promptTitle } : {}),
  };
  switch (v.rule.kind) {
    case "note":
      // A formula that is always TRUE accepts anything: the validation only carries its input message.
      return { type: "custom", formulae: ["TRUE"], ...common };
    case "list":
      return { type: "list", formulae: [v.rule.source], ...common };
    case "date":
      return { type: "date", operator: "between", formulae: [utcDate(v.rule.min), utcDate(v.rule.max)], ...common };
    case "whole":
      return { type: "whole", operator: "between", formulae: [v.rule.min, v.rule.max], ...common };
  }
}

function validationKey(dv: ExcelJS.DataValidation | undefined): string {
  if (!dv) return "";
  const formulae = (dv.formulae ?? []).map((f: unknown) =>
    Object.prototype.toString.call(f) === "[object Date]" ? (f as Date).toISOString().slice(0, 10) : String(f),
  );
  return JSON.stringify([
    dv.type,
    dv.type === "list" || dv.type === "custom" ? null : (dv.operator ?? "between"),
    formulae,
    dv.allowBlank ?? false,
    dv.showErrorMessage ?? false,
    dv.errorStyle ?? "stop",
    dv.errorTitle ?? "",
    dv.error ?? "",
    dv.showInputMessage ?? false,
    dv.prompt ?? "",
    dv.promptTitle ?? "",
  ]);
}

type ValidationsModel = {
  model: Record<string, ExcelJS.DataValidation | undefined>;
  add(a: string, v: ExcelJS.DataValidation): void;
};

function applyValidations(sheet: ExcelJS.Worksheet, plan: SheetPlan, log: SetupChangeLog) {
  const dvs = (sheet as unknown as { dataValidations: ValidationsModel }).dataValidations;
  let changed = 0;
  for (const v of plan.validations) {
    const model = validationModel(v);
    const key = validationKey(model);
    eachCell(v.range, (r, c) => {
      const address = `${columnLetters(c)}${r}`;
      if (validationKey(dvs.model[address]) === key) return;
      dvs.add(address, model);
      changed += 1;
    });
  }
  log.add(sheet.name, "validations", changed);
}

// ── conditional formats ───────────────────────────────────────────────────────────────────

interface CfRule {
  type: string;
  priority?: number;
  formulae?: unknown[];
  style?: Partial<ExcelJS.Style>;
}
interface CfModel {
  ref: string;
  rules: CfRule[];
}

function cfRuleKey(rule: CfRule): unknown {
  const fill = rule.style?.fill as { bgColor?: { argb?: string }; fgColor?: { argb?: string } } | undefined;
  return [
    rule.type,
    rule.priority ?? 0,
    (rule.formulae ?? []).map(String),
    fill?.bgColor?.argb ?? fill?.fgColor?.argb ?? null,
    rule.style?.font?.color?.argb ?? null,
    rule.style?.font?.bold ?? false,
  ];
}

function cfKey(cfs: readonly CfModel[]): string {
  return JSON.stringify(cfs.map((cf) => [cf.ref, cf.rules.map(cfRuleKey)]));
}

function cfModels(formats: readonly ConditionalFormatPlan[], firstPriority: number): CfModel[] {
  let priority = firstPriority;
  return formats.map((f) => ({
    ref: rangeRef(f.range),
    rules: f.rules.map((rule) => ({
      type: "expression",
      priority: priority++,
      formulae: [rule.formula],
      style: {
        ...(rule.fill
          ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: rule.fill } } as ExcelJS.Fill }
          : {}),
        ...(rule.fontColor || rule.bold
          ? {
              font: {
                ...(rule.fontColor ? { color: { argb: rule.fontColor } } : {}),
                ...(rule.bold ? { bold: true } : {}),
              },
            }
          : {}),
      },
    })),
  }));
}

function applyConditionalFormats(sheet: ExcelJS.Worksheet, plan: SheetPlan, log: SetupChangeLog) {
  const signatures = plan.conditionalFormatSignatures.map((s) => new RegExp(s));
  const holder = sheet as unknown as { conditionalFormattings: CfModel[] };
  const existing = holder.conditionalFormattings ?? [];
  const isOurs = (cf: CfModel) =>
    signatures.length > 0 &&
    cf.rules.every((r) => (r.formulae ?? []).some((f) => signatures.some((s) => s.test(String(f)))));
  const ours = existing.filter(isOurs);
  const others = existing.filter((cf) => !isOurs(cf));
  const firstPriority = others.reduce((p, cf) => Math.max(p, ...cf.rules.map((r) => r.priority ?? 0)), 0) + 1;
  const wanted = cfModels(plan.conditionalFormats, firstPriority);
  if (cfKey(ours) === cfKey(wanted)) return;
  if (plan.conditionalFormats.length === 0 && ours.length === 0) return;
  holder.conditionalFormattings = [...others, ...wanted];
  log.add(sheet.name, "conditional-formats", wanted.reduce((n, cf) => n + cf.rules.length, 0) || ours.length);
}

// ── sheet-level settings ──────────────────────────────────────────────────────────────────

function applyColumns(sheet: ExcelJS.Worksheet, plan: SheetPlan, log: SetupChangeLog) {
  let changed = 0;
  for (const c of plan.columns) {
    const column = sheet.getColumn(c.col);
    if (c.width !== undefined && column.width !== c.width) {
      column.width = c.width;
      changed += 1;
    }
    if (c.hidden !== undefined && Boolean(column.hidden) !== c.hidden) {
      column.hidden = c.hidden;
      changed += 1;
    }
  }
  for (const h of plan.rowHeights ?? []) {
    const row = sheet.getRow(h.row);
    if (row.height !== h.height) {
      row.height = h.height;
      changed += 1;
    }
  }
  log.add(sheet.name, "columns", changed);
}

function applyMerges(sheet: ExcelJS.Worksheet, plan: SheetPlan, log: SetupChangeLog) {
  for (const m of plan.merges) {
    let merged = false;
    eachCell(m, (r, c) => {
      if (sheet.getCell(r, c).isMerged) merged = true;
    });
    if (merged) continue;
    sheet.mergeCells(m.top, m.left, m.bottom, m.right);
    log.add(sheet.name, "merges");
  }
}

function applyNumberFormats(sheet: ExcelJS.Worksheet, plan: SheetPlan, log: SetupChangeLog) {
  let changed = 0;
  for (const f of plan.numberFormats) {
    eachCell(f.range, (r, c) => {
      const cell = sheet.getCell(r, c);
      if (cell.type === ExcelJS.ValueType.Merge || cell.numFmt === f.numFmt) return;
      cell.style = { ...cell.style, numFmt: f.numFmt };
      changed += 1;
    });
  }
  log.add(sheet.name, "number-formats", changed);
}

function applyFreeze(sheet: ExcelJS.Worksheet, plan: SheetPlan, log: SetupChangeLog) {
  if (!plan.freeze) return;
  const rows = plan.freeze.rows;
  const view = (sheet.views?.[0] ?? {}) as Partial<ExcelJS.WorksheetViewFrozen> & Partial<ExcelJS.WorksheetViewCommon>;
  if (view.state === "frozen" && view.ySplit === rows) return;
  const xSplit = view.state === "frozen" ? (view.xSplit ?? 0) : 0;
  const { showGridLines, zoomScale, rightToLeft } = view;
  sheet.views = [
    {
      ...(showGridLines !== undefined ? { showGridLines } : {}),
      ...(zoomScale !== undefined ? { zoomScale } : {}),
      ...(rightToLeft !== undefined ? { rightToLeft } : {}),
      state: "frozen",
      xSplit,
      ySplit: rows,
      topLeftCell: `${columnLetters(xSplit + 1)}${rows + 1}`,
    },
  ];
  log.add(sheet.name, "freeze");
}

function applyPrint(sheet: ExcelJS.Worksheet, plan: SheetPlan, log: SetupChangeLog) {
  const p = plan.print;
  if (!p) return;
  const setup = sheet.pageSetup;
  // ExcelJS writes the area as "$" + each end; rows absolute too ("A$1") gives $A$1:$N$9,
  // which LibreOffice honours ($A1:$N9 it ignores). Loaded areas come back without "$".
  const area = `${columnLetters(p.area.left)}$${p.area.top}:${columnLetters(p.area.right)}$${p.area.bottom}`;
  const wanted: Partial<ExcelJS.PageSetup> = {
    printArea: area,
    orientation: p.orientation,
    paperSize: PAPER_SIZE[p.paper],
    ...(p.titleRows ? { printTitlesRow: `${p.titleRows.first}:${p.titleRows.last}` } : {}),
    ...(p.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
  };
  let changed = false;
  const plain = (v: unknown) => (typeof v === "string" ? v.replace(/\$/g, "") : v);
  const current = setup as unknown as Record<string, unknown>;
  for (const [key, v] of Object.entries(wanted)) {
    if (plain(current[key]) !== plain(v)) changed = true;
    // Same setting, possibly written without the "$" ExcelJS needs: set it again, silently.
    current[key] = v;
  }
  if (changed) log.add(sheet.name, "print");
}

// ── names ─────────────────────────────────────────────────────────────────────────────────

/** A defined-name range without quotes and $ signs, to compare. */
function plainRange(ref: string): string {
  return ref.replace(/\$/g, "").replace(/^'((?:[^']|'')*)'!/, (_, s: string) => `${s.replace(/''/g, "'")}!`);
}

function applyNames(wb: ExcelJS.Workbook, plan: WorkbookPlan, log: SetupChangeLog) {
  const names = wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] };
  let model = names.model;
  let changed = 0;
  for (const n of plan.names) {
    const ref = sheetRangeRef(n.sheet, n.range);
    const current = model.find((m) => m.name === n.name);
    if (current && current.ranges.length === 1 && plainRange(current.ranges[0]) === plainRange(ref)) continue;
    model = [...model.filter((m) => m.name !== n.name), { name: n.name, ranges: [ref] }];
    changed += 1;
  }
  const obsolete = new Set((plan.obsoleteNames ?? []).filter((n) => !plan.names.some((p) => p.name === n)));
  const kept = model.filter((m) => !obsolete.has(m.name));
  changed += model.length - kept.length;
  if (changed > 0) {
    names.model = kept;
    log.add("", "names", changed);
  }
}

// ── the whole plan ────────────────────────────────────────────────────────────────────────

/**
 * Makes an ExcelJS workbook match a setup plan; returns what changed and which planned cells
 * were left alone because a person wrote something else there.
 * @example const { changes, conflicts } = applySetupPlanToWorkbook(wb, plan)
 */
export function applySetupPlanToWorkbook(wb: ExcelJS.Workbook, plan: WorkbookPlan): SetupOutcome {
  const log = new SetupChangeLog();
  const date1904 = Boolean(wb.properties?.date1904);
  for (const sheetPlan of plan.sheets) {
    let sheet = wb.getWorksheet(sheetPlan.name);
    if (!sheet) {
      sheet = wb.addWorksheet(sheetPlan.name);
      log.add(sheetPlan.name, "sheet-created");
    }
    applySheet(sheet, sheetPlan, log, date1904);
  }
  applyNames(wb, plan, log);
  // ExcelJS saves formulas without results: have Excel (and LibreOffice) compute them all on
  // opening. Excel drops the flag when it saves, so it is set again, and not counted.
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  return { changes: log.changes, conflicts: log.conflicts };
}

function applySheet(sheet: ExcelJS.Worksheet, plan: SheetPlan, log: SetupChangeLog, date1904: boolean) {
  applyMerges(sheet, plan, log);
  let written = 0;
  for (const cell of plan.cells) if (applyCell(sheet, cell, log, date1904)) written += 1;
  log.add(sheet.name, "cells", written);
  clearOwned(sheet, plan, log);
  applyColumns(sheet, plan, log);
  applyNumberFormats(sheet, plan, log);
  applyValidations(sheet, plan, log);
  applyConditionalFormats(sheet, plan, log);
  applyFreeze(sheet, plan, log);
  applyPrint(sheet, plan, log);
}

/**
 * A SetupTarget over an ExcelJS workbook (the XlsxWorkbook's `.workbook`).
 * @example await runRefresh(book, xlsxSetupTarget(book.workbook), "2026-11-26")
 */
export function xlsxSetupTarget(wb: ExcelJS.Workbook): SetupTarget {
  return {
    async applySetupPlan(plan: WorkbookPlan): Promise<SetupOutcome> {
      return applySetupPlanToWorkbook(wb, plan);
    },
  };
}
