/** ANSI colours for terminal output, applied only when stdout is a terminal. */

export type Colour = "red" | "yellow" | "green" | "grey" | "bold";

const CODES: Readonly<Record<Colour, string>> = {
  red: "\x1b[31m",
  yellow: "\x1b[33m",
  green: "\x1b[32m",
  grey: "\x1b[90m",
  bold: "\x1b[1m",
};
const RESET = "\x1b[0m";

/** A function that colours text when enabled and returns it unchanged otherwise. */
export type Paint = (text: string, colour: Colour | undefined) => string;

/**
 * The painter for an output: ANSI codes when `enabled` (a TTY), plain text otherwise.
 * @example painter(false)("逾期", "red") // "逾期"
 */
export function painter(enabled: boolean): Paint {
  return (text, colour) => (enabled && colour && text !== "" ? `${CODES[colour]}${text}${RESET}` : text);
}
