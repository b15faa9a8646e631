/**
 * The words of 督办结果 as the workbook's formulas test them (written into the named lists
 * 办结用语, 未办用语 and 终止用语 by the setup): a result closes when it contains a closing
 * word and no never-closing mark; it terminates when, trimmed, it is a terminating word. The
 * same rule as the engine's (status.ts); one table, so the colour and `duban status` agree.
 */
export const FORMULA_WORDS = {
  closing: ["办结"],
  neverClosing: ["未办结"],
  terminating: ["终止"],
} as const satisfies Record<string, readonly string[]>;
