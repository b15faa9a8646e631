/**
 * A small command-line parser: `duban <command> [FILE…] [--flag] [--name value] [--name=value]
 * [-o value]`, options checked against the command's spec. No dependency.
 */
import { CliError, EXIT_UNREADABLE, type CliArgs, type OptionSpec } from "./types";

/** Short options and the long option each stands for. */
export const SHORT_OPTIONS: Readonly<Record<string, string>> = { o: "out", h: "help" };

/** Options every command accepts. */
export const COMMON_OPTIONS: OptionSpec = { help: "flag", today: "value" };

/** The options of the command-line contract (docs/design.md), for a command that declares none. */
export const CONTRACT_OPTIONS: OptionSpec = {
  json: "flag",
  "in-place": "flag",
  out: "value",
  number: "value",
  from: "value",
  to: "value",
  semester: "value",
  year: "value",
  sheet: "value",
};

/** A usage mistake: exit 2 with one Chinese line. */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT_UNREADABLE);
}

function optionLabel(name: string): string {
  const short = Object.keys(SHORT_OPTIONS).find((k) => SHORT_OPTIONS[k] === name);
  return short ? `-${short}/--${name}` : `--${name}`;
}

/** True for a token that is an option (`-o`, `--json`), not a value like `-` or a negative number. */
function isOptionToken(token: string): boolean {
  return /^--?[A-Za-z]/.test(token);
}

/**
 * Parses the tokens after the command name against a spec (plus COMMON_OPTIONS). Unknown
 * options, a missing value and a value given to a flag throw a usage CliError; `--` ends
 * the options. A repeated option keeps its last value.
 * @example parseCommandArgs("check", ["登记表.xlsx", "--json"], { json: "flag" })
 *   // { command: "check", positional: ["登记表.xlsx"], options: { json: true } }
 */
export function parseCommandArgs(command: string, tokens: readonly string[], spec: OptionSpec): CliArgs {
  const accepted: OptionSpec = { ...COMMON_OPTIONS, ...spec };
  const positional: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === "--") {
      positional.push(...tokens.slice(i + 1));
      break;
    }
    if (!isOptionToken(token)) {
      positional.push(token);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (token.startsWith("--")) {
      const eq = token.indexOf("=");
      name = eq < 0 ? token.slice(2) : token.slice(2, eq);
      inline = eq < 0 ? undefined : token.slice(eq + 1);
    } else {
      const short = token.slice(1);
      const long = SHORT_OPTIONS[short];
      if (!long || !(long in accepted)) throw usageError(`命令 ${command} 不支持选项 ${token}`);
      name = long;
    }
    const kind = Object.prototype.hasOwnProperty.call(accepted, name) ? accepted[name] : undefined;
    if (!kind) throw usageError(`命令 ${command} 不支持选项 --${name}`);
    if (kind === "flag") {
      if (inline !== undefined) throw usageError(`选项 ${optionLabel(name)} 不带参数`);
      options[name] = true;
      continue;
    }
    if (inline !== undefined) {
      if (inline === "") throw usageError(`选项 ${optionLabel(name)} 缺少参数`);
      options[name] = inline;
      continue;
    }
    const next = tokens[i + 1];
    if (next === undefined || isOptionToken(next)) throw usageError(`选项 ${optionLabel(name)} 缺少参数`);
    options[name] = next;
    i += 1;
  }
  return { command, positional, options };
}

/** The option every command reading a registry takes: `--sheet NAME` (one ledger sheet). */
export const SHEET_OPTION: OptionSpec = { sheet: "value" };

/** The options of a command that saves the workbook: `-o OUT` or `--in-place`, and `--force`. */
export const SAVE_OPTIONS: OptionSpec = { out: "value", "in-place": "flag", force: "flag" };

/**
 * The usage lines of SAVE_OPTIONS for a command that edits the ledger (fix, number, refresh):
 * `-o`, `--force`, then `--in-place` described by `inPlace`.
 */
export function saveUsage(inPlace: string): string[] {
  return [
    "  -o, --out   输出文件（不会修改 FILE；不能与 FILE 相同）",
    "  --force     即使工作簿中有内容无法完整保留也写入（默认拒绝并说明原因）",
    `  --in-place  ${inPlace}`,
  ];
}

/** The options of the commands that edit the ledger (fix, number, refresh: cli/edit-command.ts). */
export const LEDGER_EDIT_OPTIONS: OptionSpec = { json: "flag", ...SAVE_OPTIONS, ...SHEET_OPTION };

/**
 * `{ sheet }` for a use case when `--sheet NAME` was given (a blank name is a usage error).
 * @example ledgerOption({ command: "check", positional: [], options: { sheet: "2022年" } }) // { sheet: "2022年" }
 */
export function ledgerOption(args: CliArgs): { sheet?: string } {
  const sheet = stringOption(args, "sheet");
  if (sheet === undefined) return {};
  if (sheet.trim() === "") throw usageError("--sheet 需要工作表名称");
  return { sheet };
}

/** A string option's value, or undefined when absent. */
export function stringOption(args: CliArgs, name: string): string | undefined {
  const value = args.options[name];
  return typeof value === "string" ? value : undefined;
}

/** True when a flag was given. */
export function flagOption(args: CliArgs, name: string): boolean {
  return args.options[name] === true;
}

/**
 * The single FILE argument of a command; a usage error when there is none or more than one.
 * @example singleFile({ command: "check", positional: ["a.xlsx"], options: {} }) // "a.xlsx"
 */
export function singleFile(args: CliArgs): string {
  if (args.positional.length === 0) throw usageError(`命令 ${args.command} 需要一个 .xlsx 文件参数`);
  if (args.positional.length > 1) {
    throw usageError(`命令 ${args.command} 只接受一个文件参数，多余的参数：${args.positional.slice(1).join(" ")}`);
  }
  return args.positional[0];
}

/**
 * The output options of a writing command, checked without touching the disk: `-o OUT` or
 * `--in-place`, not both and not neither (resolveOutput in files.ts then checks the paths).
 * @example outputChoice({ command: "number", positional: ["a.xlsx"], options: { out: "b.xlsx" } })
 *   // { out: "b.xlsx", inPlace: false }
 */
export function outputChoice(args: CliArgs): { readonly out: string | undefined; readonly inPlace: boolean } {
  const out = stringOption(args, "out");
  const inPlace = flagOption(args, "in-place");
  if (inPlace && out !== undefined) throw usageError("-o 与 --in-place 不能同时使用");
  if (!inPlace && out === undefined)
    throw usageError(`命令 ${args.command} 需要用 -o 指定输出文件，或用 --in-place 直接修改原文件（会先备份）`);
  return { out, inPlace };
}

/**
 * The usage checks of a command that reads FILE and writes `-o OUT` or `--in-place`, in the
 * order the command makes them: one FILE, then the output options.
 */
export function writingFileArgs(args: CliArgs): void {
  singleFile(args);
  outputChoice(args);
}
