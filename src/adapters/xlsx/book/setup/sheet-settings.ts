/**
 * Sheet-level settings of a plan: column widths and hidden columns, row heights, merges,
 * number formats of ranges, frozen header rows. Each compares what is there first, so a plan
 * already in place changes nothing; elements are rewritten only when they change.
 */
import type { SheetPlan } from "../../../../domain/setup-plan-types";
import type { SetupChangeLog } from "../../../../app/setup-port";
import { attributesOf, childElements, parseAttributes, rootElement, withAttributes } from "../../package/xml";
import { childrenNamed, localName } from "../../package/ordered";
import type { XlsxBook } from "../book";
import { rangesOverlap } from "../cell-ref";
import { cellAddress } from "../sheet-elements";
import { isCoveredCell, styleOfText, type Target } from "../write-cells";
import { restyleCellText } from "./cells";

interface Col {
  min: number;
  max: number;
  /** The start tag (a col element is always empty). */
  tag: string;
  changed: boolean;
}

function parseCols(text: string | undefined): { open: string; cols: Col[] } {
  if (!text) return { open: "", cols: [] };
  const root = rootElement(text);
  const cols = childrenNamed(text, root, "col").map((el) => {
    const a = attributesOf(text, el);
    return { min: Number(a.get("min")), max: Number(a.get("max")), tag: text.slice(el.start, el.end), changed: false };
  });
  return { open: text.slice(root.start, root.openEnd).replace(/\/>$/, ">"), cols };
}

/** The col entry for exactly column `c` (splitting a wider entry), created when missing. */
function colEntry(cols: Col[], c: number, p: string): Col {
  const i = cols.findIndex((x) => c >= x.min && c <= x.max);
  if (i < 0) {
    const entry = { min: c, max: c, tag: `<${p}col min="${c}" max="${c}"/>`, changed: true };
    cols.push(entry);
    cols.sort((a, b) => a.min - b.min);
    return entry;
  }
  const x = cols[i];
  if (x.min === c && x.max === c) return x;
  const part = (min: number, max: number): Col => ({
    min,
    max,
    tag: withAttributes(x.tag, { min: String(min), max: String(max) }),
    changed: true,
  });
  const pieces = [...(x.min < c ? [part(x.min, c - 1)] : []), part(c, c), ...(x.max > c ? [part(c + 1, x.max)] : [])];
  cols.splice(i, 1, ...pieces);
  return pieces.find((y) => y.min === c) as Col;
}

export function applyColumns(t: Target, plan: SheetPlan, log: SetupChangeLog): void {
  const p = t.doc.p;
  const parsed = parseCols(t.doc.elementTexts("cols")[0]);
  const cols = parsed.cols;
  let changed = 0;
  const current = (c: number) => {
    const x = cols.find((y) => c >= y.min && c <= y.max);
    return x ? parseAttributes(x.tag) : new Map<string, string>();
  };
  for (const c of plan.columns) {
    const a = current(c.col);
    const set: Record<string, string | null> = {};
    if (c.width !== undefined && Number(a.get("width")) !== c.width) {
      set.width = String(c.width);
      set.customWidth = "1";
      changed += 1;
    }
    const hidden = a.get("hidden") === "1" || a.get("hidden") === "true";
    if (c.hidden !== undefined && hidden !== c.hidden) {
      set.hidden = c.hidden ? "1" : null;
      changed += 1;
    }
    if (Object.keys(set).length === 0) continue;
    const entry = colEntry(cols, c.col, p);
    entry.tag = withAttributes(entry.tag, set);
    entry.changed = true;
  }
  if (cols.some((x) => x.changed)) {
    const open = parsed.open || `<${p}cols>`;
    t.doc.setElements("cols", [`${open}${cols.map((x) => x.tag).join("")}</${p}cols>`]);
  }
  for (const h of plan.rowHeights ?? []) {
    if (Number(t.doc.rowAttributes(h.row)?.get("ht")) === h.height) continue;
    t.doc.setRowAttributes(h.row, { ht: String(h.height), customHeight: "1" });
    changed += 1;
  }
  log.add(t.info.name, "columns", changed);
}

export function applyMerges(t: Target, plan: SheetPlan, log: SetupChangeLog): void {
  const added: SheetPlan["merges"][number][] = [];
  for (const m of plan.merges) {
    if ([...t.doc.merges(), ...added].some((x) => rangesOverlap(x, m))) continue;
    added.push(m);
  }
  t.doc.addMerges(added);
  log.add(t.info.name, "merges", added.length);
}

export function applyNumberFormats(book: XlsxBook, t: Target, plan: SheetPlan, log: SetupChangeLog): void {
  const styles = book.styles();
  let changed = 0;
  for (const f of plan.numberFormats) {
    // A column's cells share few styles: derive each once (the styles do not change meanwhile).
    const derived = new Map<number, number>();
    for (let r = f.range.top; r <= f.range.bottom; r++) {
      for (let c = f.range.left; c <= f.range.right; c++) {
        if (isCoveredCell(t.doc, r, c)) continue;
        const text = t.doc.cellText(r, c);
        const s = styleOfText(t, r, c, text);
        if (styles.numFmtOf(s) === f.numFmt) continue;
        let next = derived.get(s);
        if (next === undefined) derived.set(s, (next = styles.derive(s, { numFmt: f.numFmt })));
        restyleCellText(t, r, c, next, text);
        changed += 1;
      }
    }
  }
  log.add(t.info.name, "number-formats", changed);
}

/** The first sheetView's text, its pane, and its other children. */
function firstView(
  text: string | undefined,
): { open: string; close: string; kids: { name: string; text: string }[] } | undefined {
  if (!text) return undefined;
  const view = childrenNamed(text, rootElement(text), "sheetView")[0];
  if (!view) return undefined;
  const kids = childElements(text, view).map((k) => ({ name: localName(k.name), text: text.slice(k.start, k.end) }));
  return { open: text.slice(view.start, view.openEnd), close: `</${view.name}>`, kids };
}

export function applyFreeze(t: Target, plan: SheetPlan, log: SetupChangeLog): void {
  if (!plan.freeze) return;
  const rows = plan.freeze.rows;
  const p = t.doc.p;
  const holder = t.doc.elementTexts("sheetViews")[0];
  const view = firstView(holder);
  const pane = view?.kids.find((k) => k.name === "pane");
  const pa = pane ? parseAttributes(pane.text) : undefined;
  const frozen = pa?.get("state") === "frozen" || pa?.get("state") === "frozenSplit";
  if (frozen && Number(pa?.get("ySplit") ?? 0) === rows) return;
  const xSplit = frozen ? Number(pa?.get("xSplit") ?? 0) : 0;
  const topLeft = cellAddress(rows + 1, xSplit + 1);
  const active = xSplit > 0 ? "bottomRight" : "bottomLeft";
  const paneTag = `<${p}pane${xSplit > 0 ? ` xSplit="${xSplit}"` : ""} ySplit="${rows}" topLeftCell="${topLeft}" activePane="${active}" state="frozen"/>`;
  const selection = `<${p}selection pane="${active}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
  const rest = (view?.kids ?? []).filter((k) => k.name !== "pane" && k.name !== "selection").map((k) => k.text);
  const open = (view?.open ?? `<${p}sheetView workbookViewId="0">`).replace(/\/>$/, ">");
  const viewText = `${open}${paneTag}${selection}${rest.join("")}</${p}sheetView>`;
  let text: string;
  if (holder && view) {
    const first = childrenNamed(holder, rootElement(holder), "sheetView")[0];
    text = holder.slice(0, first.start) + viewText + holder.slice(first.end);
  } else {
    text = `<${p}sheetViews>${viewText}</${p}sheetViews>`;
  }
  t.doc.setElements("sheetViews", [text]);
  log.add(t.info.name, "freeze");
}
