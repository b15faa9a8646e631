/**
 * Print settings of a setup plan through Office.js (ExcelApi 1.9), checked after writing:
 * office-js issue 1860 reports that `pageLayout.zoom = { horizontalFitToPages: 1 }` is ignored
 * unless the Page Layout tab is active, while orientation and `zoom = { scale }` are applied.
 * So the zoom is loaded again in the same batch, after it was set, together with the widths of
 * the printed columns and the margins; when Excel kept its old zoom, a scale that fits the
 * columns on the page's width is set instead (with the end of the operation) and the person
 * is told, with what to do in Excel.
 */
import { columnLetters } from "../../domain/a1-ref";
import type { PrintPlan } from "../../domain/setup-plan";
import { officePrint, samePrint, type LoadedPrint } from "./setup-rules";
import { ACTION_OVERHEAD_BYTES } from "./size";
import type { SizedBatch } from "./batches";

/** Paper sizes in points (A4: 210 × 297 mm). */
const A4 = { portrait: 595, landscape: 842 } as const;
/** Margin assumed when Excel does not say (0.7 inch, Excel's "Normal"). */
const DEFAULT_MARGIN_PT = 50.4;

/**
 * The scale (percent, 10–100) that fits columns of these widths (points) across the paper.
 * @example fitScale([100, 200, 300], "landscape", 36, 36) // 100
 * @example fitScale(new Array(14).fill(80), "landscape", 50.4, 50.4) // 66
 */
export function fitScale(
  widths: readonly number[],
  orientation: "portrait" | "landscape",
  left: number,
  right: number,
): number {
  const total = widths.reduce((n, w) => n + w, 0);
  const usable = A4[orientation] - left - right;
  if (total <= 0) return 100;
  return Math.max(10, Math.min(100, Math.floor((100 * usable) / total)));
}

/** The message when Excel ignored "fit to one page wide". */
export function fitIgnoredMessage(sheet: string, scale: number): string {
  return (
    `Excel 没有接受“${sheet}”的“调整为一页宽”（网页版或未打开“页面布局”选项卡时可能如此），已改为按 ${scale}% 缩放打印。` +
    "如需严格一页宽，请在“页面布局 → 调整为合适大小”中把宽度设为 1 页。"
  );
}

/** The writes of one sheet's print plan, and the check after them. */
export interface PrintWrite extends SizedBatch {
  /** After the write's sync: queues the fallback scale when Excel ignored the fit (sent with the operation's end). */
  collect(): void;
}

/**
 * The print writes of a sheet (null when the sheet already prints as planned).
 * @example printWrites(plan.print, loaded, () => sheet, "督办事项登记表", host)
 */
export function printWrites(
  plan: PrintPlan,
  loaded: LoadedPrint | null,
  ws: () => Excel.Worksheet,
  sheet: string,
  host: { readonly warnings: string[]; later(queue: () => void): void },
): PrintWrite | null {
  const wanted = officePrint(plan);
  if (loaded && samePrint(wanted, loaded)) return null;
  let layout: Excel.PageLayout | null = null;
  let widths: Excel.RangeFormat[] = [];
  return {
    bytes: (8 + plan.area.right - plan.area.left) * ACTION_OVERHEAD_BYTES,
    queue: () => {
      const page = ws().pageLayout;
      page.orientation = wanted.orientation;
      page.paperSize = wanted.paperSize;
      if (wanted.fitToWidth) page.zoom = { horizontalFitToPages: 1 };
      page.setPrintArea(wanted.area);
      if (wanted.titleRows) page.setPrintTitleRows(wanted.titleRows);
      if (!wanted.fitToWidth) return;
      // Read back after the writes (same batch): did Excel take the fit?
      layout = ws().pageLayout.load("zoom,leftMargin,rightMargin");
      widths = [];
      for (let c = plan.area.left; c <= plan.area.right; c++) {
        const letters = columnLetters(c);
        widths.push(ws().getRange(`${letters}:${letters}`).format.load("columnWidth"));
      }
    },
    collect: () => {
      if (!wanted.fitToWidth || layout === null) return;
      const zoom = (layout.zoom ?? {}) as Excel.PageLayoutZoomOptions;
      if (zoom.horizontalFitToPages === 1) return;
      const scale = fitScale(
        widths.map((f) => f.columnWidth ?? 0),
        plan.orientation,
        layout.leftMargin ?? DEFAULT_MARGIN_PT,
        layout.rightMargin ?? DEFAULT_MARGIN_PT,
      );
      host.later(() => (ws().pageLayout.zoom = { scale }));
      host.warnings.push(fitIgnoredMessage(sheet, scale));
    },
  };
}
