/**
 * Selection and navigation for the task pane: select an item's row or an issue's cell, read
 * what the person selected, and follow the selection as it changes.
 *
 * Requirement sets (Microsoft Learn, Excel JavaScript API reference):
 *   Worksheet.activate, Range.select, Workbook.getSelectedRange — ExcelApi 1.1;
 *   Workbook.onSelectionChanged — ExcelApi 1.2.
 * All are below the manifest's minimum (ExcelApi 1.8); they are still feature-tested with
 * isSetSupported, so a host that lacks them (or refuses them) leaves the pane working without
 * navigation instead of failing. Each call is one batch and one sync.
 */
import type { CellTarget } from "../../domain/cell";
import { columnLetters } from "../../domain/a1-ref";
import { officeRequirements, type RequirementChecker } from "./requirements";
import { officeRunner, RUN_OPTIONS, type ExcelRunner } from "./run";

export type { CellTarget };

/** The top-left cell of the person's selection. */
export interface SelectedCell {
  readonly sheet: string;
  readonly row: number;
  /** null when whole rows are selected. */
  readonly col: number | null;
}

/**
 * The sheet and top-left cell of an A1 address as Excel reports it ("'督办 台账'!B5:C7", "Sheet1!5:5").
 * @example parseSelectionAddress("督办事项登记表!C5:F5") // { sheet: "督办事项登记表", row: 5, col: 3 }
 * @example parseSelectionAddress("'It''s'!7:9") // { sheet: "It's", row: 7, col: null }
 */
export function parseSelectionAddress(address: string): SelectedCell | null {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return null;
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const first = address
    .slice(bang + 1)
    .split(":")[0]
    .replace(/\$/g, "");
  const m = /^([A-Z]*)(\d*)$/i.exec(first);
  if (!m || m[2] === "") return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { sheet, row: Number(m[2]), col: m[1] === "" ? null : col };
}

/**
 * The A1 address selected for a target.
 * @example targetAddress({ sheet: "登记表", row: 5, toCol: 23 }) // "A5:W5"
 * @example targetAddress({ sheet: "登记表", row: 5, col: 2 }) // "B5"
 */
export function targetAddress(target: CellTarget): string {
  if (target.col) return `${columnLetters(target.col)}${target.row}`;
  if (target.toCol) return `A${target.row}:${columnLetters(target.toCol)}${target.row}`;
  return `${target.row}:${target.row}`;
}

type SelectionHandle = OfficeExtension.EventHandlerResult<Excel.SelectionChangedEventArgs>;

/**
 * Unregisters a handler on the request context that registered it (Microsoft Learn, "Work with
 * events using the Excel JavaScript API": the context used to create the handler is needed).
 */
const removeOnOwnContext = (handle: SelectionHandle): Promise<void> =>
  Excel.run(handle.context, async (context) => {
    handle.remove();
    await context.sync();
  });

/** The pane's handle on the workbook's selection. */
export class OfficeSelection {
  constructor(
    private readonly run: ExcelRunner = officeRunner,
    private readonly requirements: RequirementChecker = officeRequirements(),
    private readonly removeHandler: (handle: SelectionHandle) => Promise<void> = removeOnOwnContext,
  ) {}

  /** True when the host can select ranges and report the selection (ExcelApi 1.1). */
  get canNavigate(): boolean {
    return this.requirements.isSetSupported("ExcelApi", "1.1");
  }

  /** True when the host reports selection changes (ExcelApi 1.2). */
  get canFollow(): boolean {
    return this.requirements.isSetSupported("ExcelApi", "1.2");
  }

  /**
   * Activates the target's sheet and selects the row or cell (one sync).
   * @example await selection.select({ sheet: "督办事项登记表", row: 7, toCol: 23 })
   */
  async select(target: CellTarget): Promise<void> {
    if (!this.canNavigate) return;
    await this.run(RUN_OPTIONS, async (context) => {
      const sheet = context.workbook.worksheets.getItem(target.sheet);
      sheet.activate();
      sheet.getRange(targetAddress(target)).select();
      await context.sync();
    });
  }

  /** The top-left cell of the selection (one sync), null when the host cannot tell. */
  async current(): Promise<SelectedCell | null> {
    if (!this.canNavigate) return null;
    return this.run(RUN_OPTIONS, async (context) => {
      const range = context.workbook.getSelectedRange().load("address");
      await context.sync();
      return parseSelectionAddress(range.address);
    });
  }

  /**
   * Calls `onChange` with the selection now and after every change (the reads of quick
   * successive changes are merged: one read per `settleMs`). Returns the function that stops.
   * @example const stop = await selection.follow((cell) => setRow(cell?.row ?? null))
   */
  async follow(onChange: (cell: SelectedCell | null) => void, settleMs = 150): Promise<() => Promise<void>> {
    if (!this.canFollow) return async () => undefined;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const report = () => {
      timer = null;
      if (stopped) return;
      this.current().then(
        (cell) => !stopped && onChange(cell),
        () => undefined,
      );
    };
    const handle = await this.run(RUN_OPTIONS, async (context) => {
      const result = context.workbook.onSelectionChanged.add(async () => {
        if (timer === null) timer = setTimeout(report, settleMs);
      });
      await context.sync();
      return result;
    });
    report();
    return async () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      await this.removeHandler(handle);
    };
  }
}
