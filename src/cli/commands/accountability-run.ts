/** What `duban accountability` does: loaded on its first run (accountability.ts holds its help and options). */
import { AccountabilityError, recordMeasures, runAccountability, type RecordResult } from "../../app/accountability";
import { DocumentError } from "../../app/documents";
import { measureOf, MEASURES, type Measure } from "../../domain/accountability/log";
import { xlsxDocumentPort } from "../../adapters/xlsx/render-layout";
import { flagOption, singleFile, stringOption, usageError } from "../args";
import { painter } from "../colour";
import { openWorkbook, resolveOutput } from "../files";
import { saveWorkbook } from "../save";
import { toJsonText } from "../render";
import { accountabilityJson, renderAccountabilityText, renderRecordedText } from "../render-ledger";
import { CliError, EXIT_OK, EXIT_UNREADABLE, type CliArgs, type CliIO } from "../types";

/**
 * The numbers of `--record`, separated by commas, 、 or semicolons.
 * @example recordNumbers("〔2021〕3号，〔2021〕5号") // ["〔2021〕3号", "〔2021〕5号"]
 */
export function recordNumbers(text: string): string[] {
  return text
    .split(/[,，、;；]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function readMeasure(args: CliArgs): Measure | undefined {
  const text = stringOption(args, "measure");
  if (text === undefined) return undefined;
  const measure = measureOf(text);
  if (measure === null) throw usageError(`--measure 须为 ${MEASURES.join("、")} 之一，收到：${text}`);
  return measure;
}

/** Runs `duban accountability` with parsed arguments; returns the exit code. */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const file = singleFile(args);
  const record = stringOption(args, "record");
  const measure = readMeasure(args);
  if (record === undefined) {
    for (const name of ["measure", "basis", "by", "out", "in-place"]) {
      if (args.options[name] !== undefined) throw usageError(`--${name} 只与 --record 一起使用`);
    }
  }
  const target = record === undefined ? null : await resolveOutput(args, file, io);
  const book = await openWorkbook(file, io);
  let recorded: RecordResult | undefined;
  let backup: string | null = null;
  if (record !== undefined && target !== null) {
    try {
      recorded = await recordMeasures(xlsxDocumentPort(book), {
        today: io.today,
        numbers: recordNumbers(record),
        ...(measure ? { measure } : {}),
        ...(stringOption(args, "basis") !== undefined ? { basis: stringOption(args, "basis") } : {}),
        handler: stringOption(args, "by"),
      });
    } catch (error) {
      if (error instanceof DocumentError || error instanceof AccountabilityError) {
        throw new CliError(error.message, EXIT_UNREADABLE);
      }
      throw error;
    }
    ({ backup } = await saveWorkbook(book, target));
    for (const w of recorded.warnings) io.err(`提示：${w}`);
  }
  const result = await runAccountability(book, io.today);
  if (flagOption(args, "json")) {
    io.out(toJsonText(accountabilityJson(result, recorded)));
    return EXIT_OK;
  }
  const lines: string[] = [];
  if (recorded && target) {
    lines.push(...renderRecordedText(recorded));
    lines.push(`已写入 ${target.shown}${backup ? `（原文件已备份为 ${backup}）` : ""}`, "");
  }
  lines.push(...renderAccountabilityText(result, painter(io.isTTY)));
  io.out(lines.join("\n"));
  return EXIT_OK;
}
