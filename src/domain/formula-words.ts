/**
 * The words of 督办结果 as the workbook's formulas test them (written into the named lists
 * 办结用语, 未办用语 and 终止用语 by the setup): a result closes when it contains a closing
 * word and no never-closing mark; it terminates when, trimmed, it is a terminating word. The
 * words are the engine's vocabulary (vocabulary.ts), shortened to what containment needs
 * (办结 finds 按期办结, 未 finds 尚未): one table, so the colour and `duban status` agree.
 */
import { CLOSING_NEEDLES, NEVER_CLOSING_NEEDLES, TERMINATING_RESULTS } from "./vocabulary";

export const FORMULA_WORDS: {
  readonly closing: readonly string[];
  readonly neverClosing: readonly string[];
  readonly terminating: readonly string[];
} = {
  closing: CLOSING_NEEDLES,
  neverClosing: NEVER_CLOSING_NEEDLES,
  terminating: TERMINATING_RESULTS,
};
