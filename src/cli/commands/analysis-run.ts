/** What `duban analysis` does: loaded on its first run (analysis.ts holds its help and options). */
import { runAnalysis, writeAnalysisSheet } from "../../app/analysis";
import { resolvePeriod } from "../../domain/analysis/period";
import { xlsxDocumentPort } from "../../adapters/xlsx/render-layout";
import { flagOption, singleFile, stringOption, usageError } from "../args";
import { painter } from "../colour";
import { openWorkbook, resolveOutput } from "../files";
import { saveWorkbook } from "../save";
import { toJsonText } from "../render";
import { analysisJson, renderAnalysisText } from "../render-ledger";
import { EXIT_OK, type CliArgs, type CliIO } from "../types";

/** Runs `duban analysis` with parsed arguments; returns the exit code. */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const file = singleFile(args);
  const period = resolvePeriod({
    from: stringOption(args, "from"),
    to: stringOption(args, "to"),
    semester: stringOption(args, "semester"),
  });
  if (!period.ok) throw usageError(period.message);
  const writing = stringOption(args, "out") !== undefined || flagOption(args, "in-place");
  if (!writing && flagOption(args, "replace"))
    throw usageError("--replace 只在生成报告工作表（-o 或 --in-place）时使用");
  const target = writing ? await resolveOutput(args, file, io) : null;
  const book = await openWorkbook(file, io);
  const result = await runAnalysis(book, { period: period.period, today: io.today });
  let written: { sheet: string; output: string; backup: string | null } | null = null;
  if (target !== null) {
    const sheet = await writeAnalysisSheet(xlsxDocumentPort(book), result, { replace: flagOption(args, "replace") });
    const { backup } = await saveWorkbook(book, target);
    written = { sheet: sheet.sheetName, output: target.shown, backup };
  }
  if (flagOption(args, "json")) {
    io.out(
      toJsonText({ ...analysisJson(result), ...(written ? { sheet: written.sheet, output: written.output } : {}) }),
    );
    return EXIT_OK;
  }
  const lines = renderAnalysisText(result, painter(io.isTTY));
  if (written) {
    lines.push(
      "",
      `已生成工作表“${written.sheet}”，写入 ${written.output}${written.backup ? `（原文件已备份为 ${written.backup}）` : ""}`,
    );
  }
  io.out(lines.join("\n"));
  return EXIT_OK;
}
