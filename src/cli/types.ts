/** What a command needs from the outside world; tests pass fakes. */
export interface CliIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when stdout is a terminal (colour allowed). */
  readonly isTTY: boolean;
  /** Today's date as YYYY-MM-DD (from --today, else the machine clock, read once in main). */
  readonly today: string;
  readonly cwd: string;
}

/** Parsed command line: positional arguments and options (`--today D` → options.today = "D"). */
export interface CliArgs {
  readonly command: string;
  readonly positional: readonly string[];
  readonly options: Readonly<Record<string, string | boolean>>;
}

/** Exit codes of the contract: 0 no errors, 1 errors found, 2 unreadable input or usage error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE = 2;

/** A failure that ends the command with exit 2 and one Chinese line on stderr. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_UNREADABLE,
  ) {
    super(message);
  }
}

/**
 * The options a command accepts, by long name: "flag" (`--json`) or "value" (`--today D`,
 * `--today=D`). `-o` is short for `--out` and `-h` for `--help`; `--help` and `--today` are
 * accepted by every command. A command without a spec gets the options of the contract
 * (json, in-place, out, today, number, from, to, semester, year).
 */
export type OptionSpec = Readonly<Record<string, "flag" | "value">>;

/** One `duban` sub-command. */
export interface CliCommand {
  readonly name: string;
  /** One line of Chinese help. */
  readonly summary: string;
  readonly usage: string;
  /** Options this command accepts; an option not listed is a usage error (exit 2). */
  readonly options?: OptionSpec;
  run(args: CliArgs, io: CliIO): Promise<number>;
}
