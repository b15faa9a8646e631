/**
 * How the adapter reaches Excel: through a runner with Excel.run's signature, so tests can
 * hand in a fake. Every batch runs with `delayForCellEdit`, so a person typing in a cell
 * delays an operation instead of making it fail.
 */

/** Excel.run with options: what the adapter calls to get a request context. */
export type ExcelRunner = <T>(
  options: Excel.RunOptions,
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

/** Options of every batch the adapter runs. */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/**
 * The runner of the real add-in: Excel.run from office.js.
 * @example new OfficeWorkbook(officeRunner)
 */
export const officeRunner: ExcelRunner = (options, batch) => Excel.run(options, batch);
