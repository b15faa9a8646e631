/**
 * The `duban` command line: picks the command, parses its options, runs it, and turns every
 * failure into an exit code and one Chinese line on stderr (a stack trace only with
 * DUBAN_DEBUG=1).
 */
import { AppError } from "../app/errors";
import { XlsxLoadError } from "../adapters/xlsx/load-errors";
import { XlsxWriteError } from "../adapters/xlsx/book/write-errors";
import { isValidIso } from "../domain/dates";
import { CONTRACT_OPTIONS, parseCommandArgs, stringOption, usageError } from "./args";
import { COMMANDS } from "./commands";
import { CliError, EXIT_OK, EXIT_UNREADABLE, type CliCommand, type CliIO } from "./types";

const HELP_TOKENS = new Set(["--help", "-h", "help"]);

/**
 * The general help: every command with its summary, the common options and the exit codes.
 * @example usageText(COMMANDS).startsWith("duban") // true
 */
export function usageText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "duban — 督办台账命令行工具（处理 .xlsx 督办事项登记表）",
    "",
    "用法：duban <命令> [文件] [选项]",
    "",
    "命令：",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "常用选项：",
    "  --today YYYY-MM-DD  按指定日期计算（默认今天）",
    "  --json              以 JSON 输出（check、status、number、fix、analysis、accountability、archive 等）",
    "  --sheet NAME        只处理这一个台账工作表（一年一表时，如 2022年）",
    "  -o, --out FILE      输出文件；带 -o 的命令不会修改输入文件",
    "  --force             即使工作簿中有内容无法完整保留也写入（默认拒绝写入并说明原因）",
    "  -h, --help          显示帮助；duban <命令> --help 显示该命令的用法",
    "",
    "退出码：0 成功、未发现错误；1 发现数据错误；2 文件无法读取、不是登记表或用法错误",
  ].join("\n");
}

/** The help of one command: its summary and usage. */
export function commandHelp(command: CliCommand): string {
  return `${command.summary}\n\n用法：${command.usage}`;
}

/** A message reduced to one line (stderr carries exactly one line per failure). */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

function isDebug(): boolean {
  return process.env.DUBAN_DEBUG === "1";
}

function report(error: unknown, io: CliIO): number {
  if (error instanceof CliError) {
    io.err(oneLine(error.message));
    return error.exitCode;
  }
  if (error instanceof XlsxLoadError || error instanceof XlsxWriteError || error instanceof AppError) {
    io.err(oneLine(error.message));
    if (isDebug() && error.stack) io.err(error.stack);
    return EXIT_UNREADABLE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(oneLine(`发生意外错误：${message}（设置环境变量 DUBAN_DEBUG=1 可查看详细信息）`));
  if (isDebug() && error instanceof Error && error.stack) io.err(error.stack);
  return EXIT_UNREADABLE;
}

/**
 * Runs `duban` with the arguments after the program name; returns the exit code.
 * `--today` (checked here: YYYY-MM-DD and a real date) replaces io.today for the command.
 * @example await main(["check", "登记表.xlsx", "--json"], io) // 0, 1 or 2
 */
export async function main(
  argv: readonly string[],
  io: CliIO,
  commands: readonly CliCommand[] = COMMANDS,
): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || HELP_TOKENS.has(name)) {
      const topic = name === undefined ? undefined : commands.find((c) => c.name === rest[0]);
      io.out(topic ? commandHelp(topic) : usageText(commands));
      return EXIT_OK;
    }
    const command = commands.find((c) => c.name === name);
    if (!command) {
      throw usageError(
        name.startsWith("-")
          ? `未知选项 ${name}：请先写命令名，运行 duban --help 查看用法`
          : `未知命令“${name}”，运行 duban --help 查看全部命令`,
      );
    }
    const args = parseCommandArgs(command.name, rest, command.options ?? CONTRACT_OPTIONS);
    if (args.options.help === true) {
      io.out(commandHelp(command));
      return EXIT_OK;
    }
    const today = stringOption(args, "today");
    if (today !== undefined && !isValidIso(today)) {
      throw usageError(`--today 须为 YYYY-MM-DD 格式的真实日期，收到：${today}`);
    }
    return await command.run(args, today === undefined ? io : { ...io, today });
  } catch (error) {
    return report(error, io);
  }
}
