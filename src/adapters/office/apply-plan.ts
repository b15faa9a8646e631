/**
 * Applies a workbook setup plan (src/domain/setup-plan.ts) through Office.js — the SetupTarget
 * of the add-in's 刷新 and 新建台账. Same rules as the xlsx adapter (apply-plan.ts there): a
 * planned cell is written by its FillMode only, a typed value is never changed but reported,
 * and every step compares first, so applying a plan twice changes nothing the second time.
 *
 * One operation, bounded round trips: the sheet names (known already when the registry was
 * read), one batch of loads (setup-read.ts; more only when the response would pass 5 MB),
 * then one batch of writes sent with the end of the operation (more only for the request
 * limit; setup-write.ts): new sheets, cells with their 操作日志 rows, looks, number formats, names, validation,
 * conditional formats, frozen panes, column widths, print settings. Events are off around the
 * writes (OfficeSession frames every write batch).
 *
 * Runs of cells that get one relative formula (the 状态 column, the calendar's helper columns)
 * are written with one formula for the whole run ("single input copy": Excel enters it as
 * Ctrl+Enter does), so 10,000 status formulas cost one string, not 20 MB.
 */
import { EMPTY } from "../../domain/cell";
import { columnLetters, sheetRangeRef, type CellRange } from "../../domain/a1-ref";
import { columnWidthPt } from "../../domain/layout/metrics";
import type { SheetPlan, WorkbookPlan } from "../../domain/setup-plan";
import { SetupChangeLog, type SetupOutcome } from "../../app/setup-port";
import { supports } from "./requirements";
import { decideCell } from "../../domain/cell-write-rule";
import { formulaOf, NEW_CELL, oldLogValue, storedCell, type LoadedCell } from "./setup-cells";
import type { SetupHost } from "./setup-host";
import {
  areaRef,
  cellKey,
  estimator,
  exactReads,
  namesRead,
  sheetReads,
  toBatches,
  type SheetRead,
} from "./setup-read";
import {
  isOurFormula,
  lookDifference,
  officeLook,
  officePrint,
  officeRule,
  officeValidation,
  plainReference,
  sameRule,
  samePrint,
  sameValidation,
  type LoadedLook,
  type OfficeLook,
  type OfficeRule,
} from "./setup-rules";
import { ACTION_OVERHEAD_BYTES, isPayloadTooLarge, jsonBytes } from "./size";
import { addLook, queued, queueWrites, setWhole, type LookRun, type PlannedWrite, type Queued } from "./setup-write";

/** Said once per refresh when the host cannot set page layout (ExcelApi 1.9). */
export const PRINT_SETUP_FALLBACK =
  "此版本 Excel 不支持由加载项设置打印（需 Excel 2021 或 Microsoft 365，ExcelApi 1.9）：登记表和督办看板的打印区域、" +
  "打印标题行、A4 横向与“调整为一页宽”未设置。请在 Excel 2021/Microsoft 365 中再次刷新，或在电脑上运行 duban refresh 设置打印。";

/** The name as the workbook spells it (Excel compares sheet names case-insensitively). */
function resolveName(all: readonly string[], name: string): string | undefined {
  return all.find((n) => n === name) ?? all.find((n) => n.toLowerCase() === name.toLowerCase());
}

/** Excel's look of a cell nobody formatted. */
const DEFAULT_LOOK: LoadedLook = {
  bold: false,
  fontSize: 11,
  fontColor: "#000000",
  fill: null,
  wrap: false,
  horizontal: "General",
  vertical: "Bottom",
  borders: {},
  numFmt: "General",
};

/** The parts of a copied look worth copying (Office reports "no fill" as white, "General" formats). */
function copiedLook(source: LoadedLook | undefined): OfficeLook {
  if (!source) return {};
  const out: Record<string, unknown> = {};
  if (typeof source.bold === "boolean") out.bold = source.bold;
  if (typeof source.fontSize === "number") out.fontSize = source.fontSize;
  if (typeof source.fontName === "string" && source.fontName !== "") out.fontName = source.fontName;
  if (typeof source.fontColor === "string" && source.fontColor !== "") out.fontColor = source.fontColor;
  if (typeof source.fill === "string" && source.fill !== "" && source.fill.toUpperCase() !== "#FFFFFF")
    out.fill = source.fill;
  if (typeof source.wrap === "boolean") out.wrap = source.wrap;
  if (typeof source.horizontal === "string" && source.horizontal !== "General") out.horizontal = source.horizontal;
  if (typeof source.vertical === "string") out.vertical = source.vertical;
  const lines = Object.entries(source.borders ?? {}).filter(([, l]) => l && l.style !== "None");
  if (lines.length > 0) out.borders = Object.fromEntries(lines);
  if (typeof source.numFmt === "string" && source.numFmt !== "General") out.numFmt = source.numFmt;
  return out as OfficeLook;
}

function withoutNumFmt(look: OfficeLook): OfficeLook {
  const rest: Record<string, unknown> = { ...look };
  delete rest.numFmt;
  return rest as OfficeLook;
}

/** Rows of one column where `differs` holds, as consecutive runs. */
function differingRuns(range: CellRange, differs: (row: number, col: number) => boolean): CellRange[] {
  const out: CellRange[] = [];
  for (let c = range.left; c <= range.right; c++) {
    let start: number | null = null;
    for (let r = range.top; r <= range.bottom + 1; r++) {
      const d = r <= range.bottom && differs(r, c);
      if (d && start === null) start = r;
      if (!d && start !== null) {
        out.push({ top: start, left: c, bottom: r - 1, right: c });
        start = null;
      }
    }
  }
  return out;
}

function cellsOf(range: CellRange): number {
  return (range.bottom - range.top + 1) * (range.right - range.left + 1);
}

interface Features {
  readonly print: boolean;
  readonly mergedAreas: boolean;
  readonly specialCells: boolean;
}

interface SheetTarget {
  readonly plan: SheetPlan;
  /** The name as the workbook spells it. */
  readonly name: string;
  readonly exists: boolean;
  read: SheetRead | null;
}

function tooLarge(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: unknown } | null;
  return e?.code === "too-large" || isPayloadTooLarge(error) || isPayloadTooLarge(e?.cause);
}

/**
 * Reads what the plan compares (one batch unless 5 MB forbids); returns the defined names
 * (lower-case name → formula). Runs of planned formulas whose samples were not the planned
 * formulas (an older version of them) are read again exactly, in further batches.
 */
async function readWorkbook(
  host: SetupHost,
  targets: readonly SheetTarget[],
  features: Features,
  withNames: boolean,
  pessimistic: boolean,
): Promise<Map<string, string>> {
  const names = namesRead(host.context);
  const items = withNames ? [...names.items] : [];
  const options = (t: SheetTarget) => ({
    grid: host.cachedGrid(t.name),
    pessimistic,
    print: features.print,
    mergedAreas: features.mergedAreas,
    specialCells: features.specialCells,
  });
  for (const t of targets) {
    if (!t.exists) continue;
    const { items: sheetItems, read } = sheetReads(host.context, t.name, t.plan, options(t));
    t.read = read;
    items.push(...sheetItems);
  }
  if (items.length > 0) await host.read(toBatches(items));
  const again = targets.flatMap((t) =>
    t.read
      ? t.read.unconfirmed.flatMap((run) =>
          exactReads(() => host.context.workbook.worksheets.getItem(t.name), run, estimator(options(t)), t.read!),
        )
      : [],
  );
  if (again.length > 0) await host.read(toBatches(again));
  return names.names;
}

/**
 * Makes the workbook match a setup plan through Office.js; returns what changed and which
 * planned cells were left alone because a person wrote something else there.
 * @example await applyOfficeSetupPlan(host, plan) // { changes: [{ sheet: "工作日历", kind: "sheet-created", count: 1 }, …], conflicts: [] }
 */
export async function applyOfficeSetupPlan(host: SetupHost, plan: WorkbookPlan): Promise<SetupOutcome> {
  const all = await host.sheetNames();
  const targets: SheetTarget[] = plan.sheets.map((p) => {
    const existing = resolveName(all, p.name);
    return { plan: p, name: existing ?? p.name, exists: existing !== undefined, read: null };
  });
  const features: Features = {
    print: supports(host.requirements, "pageLayout"),
    mergedAreas: host.requirements.isSetSupported("ExcelApi", "1.13"),
    specialCells: host.requirements.isSetSupported("ExcelApi", "1.9"),
  };
  let names: Map<string, string>;
  try {
    names = await readWorkbook(host, targets, features, plan.names.length > 0, false);
  } catch (error) {
    if (!tooLarge(error)) throw error;
    names = await readWorkbook(host, targets, features, plan.names.length > 0, true);
  }

  const log = new SetupChangeLog();
  const writes: PlannedWrite[] = [];
  const looks: LookRun[] = [];
  const pre: Queued[] = [];
  const post: Queued[] = [];
  const context = host.context;
  const sheet = (name: string) => context.workbook.worksheets.getItem(name);
  const created: string[] = [];
  let printWarned = false;

  for (const t of targets) {
    const { plan: p, name } = t;
    const read = t.read;
    if (!t.exists) {
      log.add(name, "sheet-created");
      created.push(name);
      pre.push(
        queued(ACTION_OVERHEAD_BYTES + jsonBytes(name), () => {
          context.workbook.worksheets.add(name);
        }),
      );
    }

    // Merges: only where no cell is merged yet (unknown on an existing sheet without ExcelApi 1.13).
    const covered = new Set(read?.covered ?? []);
    p.merges.forEach((m, i) => {
      const present = t.exists ? (read?.mergesPresent[i] ?? null) : false;
      if (present !== false) return;
      log.add(name, "merges");
      pre.push(
        queued(ACTION_OVERHEAD_BYTES, () => {
          sheet(name).getRange(areaRef(m)).merge(false);
        }),
      );
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(cellKey(r, c));
    });

    // Cells, by fill mode.
    let written = 0;
    const planned = new Set<string>();
    for (const cell of p.cells) {
      const k = cellKey(cell.row, cell.col);
      planned.add(k);
      if (covered.has(k)) {
        if (cell.mode !== "owned") {
          log.conflicts.push({
            sheet: name,
            row: cell.row,
            col: cell.col,
            address: `${columnLetters(cell.col)}${cell.row}`,
            found: "（合并单元格）",
          });
        }
        continue;
      }
      const loaded: LoadedCell = t.exists ? (read?.cells.get(k) ?? NEW_CELL) : NEW_CELL;
      const decision = decideCell(cell, storedCell(loaded));
      if (decision.conflict !== undefined) {
        log.conflicts.push({
          sheet: name,
          row: cell.row,
          col: cell.col,
          address: `${columnLetters(cell.col)}${cell.row}`,
          found: decision.conflict,
        });
      }
      const base = cell.styleFrom ? copiedLook(read?.looks.get(cellKey(cell.styleFrom.row, cell.styleFrom.col))) : {};
      const look = officeLook(cell.style, base);
      if (decision.write) {
        writes.push({
          sheet: name,
          row: cell.row,
          col: cell.col,
          plan: cell,
          value: cell.value,
          ...(look.numFmt !== undefined ? { numFmt: look.numFmt } : {}),
          old: oldLogValue(loaded),
          oldFormula: formulaOf(loaded) !== null,
        });
        addLook(looks, name, cell.row, cell.col, withoutNumFmt(look));
        written += 1;
      } else if (cell.mode === "owned" && cell.style) {
        const current: LoadedLook = t.exists
          ? { ...(read?.looks.get(k) ?? {}), numFmt: read?.numberFormats.get(k) ?? "General" }
          : DEFAULT_LOOK;
        const missing = lookDifference(officeLook(cell.style), current);
        if (Object.keys(missing).length > 0) {
          addLook(looks, name, cell.row, cell.col, missing);
          written += 1;
        }
      }
    }
    log.add(name, "cells", written);

    // Cells of a generated sheet's region that the plan no longer lists.
    let cleared = 0;
    const block = read?.block;
    if (p.owned && block) {
      const owned = p.owned;
      for (let r = Math.max(block.top, owned.fromRow); r <= block.bottom; r++) {
        for (let c = Math.max(block.left, owned.left); c <= Math.min(block.right, owned.right); c++) {
          const k = cellKey(r, c);
          const loaded = read.cells.get(k);
          if (planned.has(k) || covered.has(k) || !loaded) continue;
          if (loaded.value === "" && !(typeof loaded.formula === "string" && loaded.formula.startsWith("="))) continue;
          writes.push({
            sheet: name,
            row: r,
            col: c,
            plan: null,
            value: EMPTY,
            old: oldLogValue(loaded),
            oldFormula: formulaOf(loaded) !== null,
          });
          cleared += 1;
        }
      }
    }
    log.add(name, "cells-cleared", cleared);

    // Column widths, hidden columns, row heights.
    let sized = 0;
    for (const c of p.columns) {
      const current = read?.columns.get(c.col);
      const letters = columnLetters(c.col);
      if (c.width !== undefined) {
        const pt = columnWidthPt(c.width);
        if (typeof current?.width !== "number" || Math.abs(current.width - pt) > 0.5) {
          sized += 1;
          pre.push(
            queued(ACTION_OVERHEAD_BYTES, () => {
              sheet(name).getRange(`${letters}:${letters}`).format.columnWidth = pt;
            }),
          );
        }
      }
      if (c.hidden !== undefined && Boolean(current?.hidden) !== c.hidden) {
        sized += 1;
        pre.push(
          queued(ACTION_OVERHEAD_BYTES, () => {
            sheet(name).getRange(`${letters}:${letters}`).columnHidden = c.hidden!;
          }),
        );
      }
    }
    for (const h of p.rowHeights ?? []) {
      const current = read?.rowHeights.get(h.row);
      if (typeof current === "number" && Math.abs(current - h.height) <= 0.25) continue;
      sized += 1;
      pre.push(
        queued(ACTION_OVERHEAD_BYTES, () => {
          sheet(name).getRange(`${h.row}:${h.row}`).format.rowHeight = h.height;
        }),
      );
    }
    log.add(name, "columns", sized);

    // Number formats of ranges: only the cells that differ.
    let formatted = 0;
    for (const f of p.numberFormats) {
      const differs = (r: number, c: number) =>
        !covered.has(cellKey(r, c)) && (read?.numberFormats.get(cellKey(r, c)) ?? "General") !== f.numFmt;
      for (const run of differingRuns(f.range, differs)) {
        formatted += cellsOf(run);
        post.push(
          queued(ACTION_OVERHEAD_BYTES + jsonBytes(f.numFmt), () => {
            setWhole(sheet(name).getRange(areaRef(run)), "numberFormat", f.numFmt);
          }),
        );
      }
    }
    log.add(name, "number-formats", formatted);

    // Data validation: a range is set again (cleared first) when any of its cells differs.
    let validated = 0;
    p.validations.forEach((v, i) => {
      const wanted = officeValidation(v);
      const loaded = read?.validations[i];
      if (loaded && sameValidation(wanted, loaded)) return;
      validated += cellsOf(v.range);
      post.push(
        queued(5 * ACTION_OVERHEAD_BYTES + jsonBytes(wanted), () => {
          const dv = sheet(name).getRange(areaRef(v.range)).dataValidation;
          dv.clear();
          dv.rule = wanted.rule;
          dv.errorAlert = wanted.errorAlert;
          dv.prompt = wanted.prompt;
          dv.ignoreBlanks = wanted.ignoreBlanks;
        }),
      );
    });
    log.add(name, "validations", validated);

    applyConditionalFormats(t, log, post, sheet);

    // Frozen header rows (frozen columns kept).
    if (p.freeze) {
      const rows = p.freeze.rows;
      const current = read?.freeze ?? { rows: 0, columns: 0 };
      if (current.rows !== rows) {
        log.add(name, "freeze");
        post.push(
          queued(ACTION_OVERHEAD_BYTES, () => {
            const panes = sheet(name).freezePanes;
            if (current.columns > 0) panes.freezeAt(`A1:${columnLetters(current.columns)}${rows}`);
            else panes.freezeRows(rows);
          }),
        );
      }
    }

    // Print settings (ExcelApi 1.9).
    if (p.print) {
      if (!features.print) {
        if (!printWarned) host.warnings.push(PRINT_SETUP_FALLBACK);
        printWarned = true;
      } else {
        const wanted = officePrint(p.print);
        if (!(read?.print && samePrint(wanted, read.print))) {
          log.add(name, "print");
          post.push(
            queued(6 * ACTION_OVERHEAD_BYTES, () => {
              const layout = sheet(name).pageLayout;
              layout.orientation = wanted.orientation;
              layout.paperSize = wanted.paperSize;
              if (wanted.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
              layout.setPrintArea(wanted.area);
              if (wanted.titleRows) layout.setPrintTitleRows(wanted.titleRows);
            }),
          );
        }
      }
    }
  }

  // Workbook-level names.
  let renamed = 0;
  for (const n of plan.names) {
    const ref = sheetRangeRef(n.sheet, n.range);
    const current = names.get(n.name.toLowerCase());
    if (current !== undefined && plainReference(current) === plainReference(ref)) continue;
    renamed += 1;
    post.push(
      queued(ACTION_OVERHEAD_BYTES + jsonBytes(ref), () => {
        if (current === undefined) context.workbook.names.add(n.name, `=${ref}`);
        else context.workbook.names.getItem(n.name).formula = `=${ref}`;
      }),
    );
  }
  log.add("", "names", renamed);

  await queueWrites(host, all, created, writes, looks, pre, post);
  return { changes: log.changes, conflicts: log.conflicts };
}

/** Conditional formats: the sheet's formats of ours replaced by the plan's, unless they already match. */
function applyConditionalFormats(
  t: SheetTarget,
  log: SetupChangeLog,
  post: Queued[],
  sheet: (name: string) => Excel.Worksheet,
): void {
  const p = t.plan;
  const read = t.read;
  const ours = (read?.formats ?? [])
    .filter((f) => f.type === "Custom" && p.conditionalFormatSignatures.length > 0)
    .filter((f) => isOurFormula(f.formula, p.conditionalFormatSignatures))
    .sort((a, b) => a.priority - b.priority);
  const wanted: { range: CellRange; index: number; rule: OfficeRule }[] = p.conditionalFormats.flatMap((f, index) =>
    f.rules.map((rule) => ({ range: f.range, index, rule: officeRule(rule) })),
  );
  if (wanted.length === 0 && ours.length === 0) return;
  const exactly = (id: string, index: number) => {
    const probe = read?.probes[index];
    return (
      probe !== undefined &&
      probe.inside.has(id) &&
      probe.corners.every((c) => c.has(id)) &&
      probe.outside.every((o) => !o.has(id))
    );
  };
  const same =
    ours.length === wanted.length && wanted.every((w, i) => sameRule(w.rule, ours[i]) && exactly(ours[i].id, w.index));
  if (same) return;
  log.add(t.name, "conditional-formats", wanted.length || ours.length);
  post.push(
    queued((ours.length + wanted.length * 6) * ACTION_OVERHEAD_BYTES + jsonBytes(wanted), () => {
      for (const f of ours) f.item.delete();
      for (const w of wanted) {
        const cf = sheet(t.name).getRange(areaRef(w.range)).conditionalFormats.add("Custom");
        cf.custom.rule.formula = w.rule.formula;
        if (w.rule.fill) cf.custom.format.fill.color = w.rule.fill;
        if (w.rule.fontColor) cf.custom.format.font.color = w.rule.fontColor;
        if (w.rule.bold) cf.custom.format.font.bold = true;
        // Added formats come first; -1 moves each to the back, so the plan's order follows the person's formats.
        cf.priority = -1;
      }
    }),
  );
}
