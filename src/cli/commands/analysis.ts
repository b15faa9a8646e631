/**
 * `duban analysis FILE (--semester 2021-spring | --from D --to D) [--today D] [--json]
 * [-o OUT | --in-place] [--replace]`: the 督办分析报告 figures of a period by section; with an
 * output, the report drawn as a new sheet.
 */
import { runAnalysis, writeAnalysisSheet } from "../../app/analysis";
import { resolvePeriod } from "../../domain/analysis/period";
import { xlsxDocumentPort } from "../../adapters/xlsx/render-layout";
import { flagOption, singleFile, stringOption, usageError } from "../args";
import { painter } from "../colour";
import { openWorkbook, resolveOutput } from "../files";
import { saveWorkbook } from "../save";
import { toJsonText } from "../render";
import { analysisJson, renderAnalysisText } from "../render-ledger";
import { EXIT_OK, type CliCommand } from "../types";

export const analysisCommand: CliCommand = {
  name: "analysis",
  summary: "按学期或日期段统计督办事项办理情况（按督办科室），可生成督办分析报告工作表",
  usage: [
    "duban analysis FILE --semester 2021-spring [--today YYYY-MM-DD] [--json] [-o OUT | --in-place] [--replace]",
    "duban analysis FILE --from YYYY-MM-DD --to YYYY-MM-DD [--today YYYY-MM-DD] [--json] [-o OUT | --in-place]",
    "  --semester  学期：年份-spring（春季学期，2月1日至7月31日）或 年份-autumn（秋季学期，8月1日至次年1月31日）",
    "  --from/--to 统计任务下达时间在这两天之间（含）的事项",
    "  --today     按此日期判断逾期（默认今天）",
    '  --json      以 JSON 输出：{"period","total","sections":[{"section",…}],…}',
    "  -o, --out   另存为 OUT 并在其中生成“督办分析报告”工作表（不会修改 FILE）；或 --in-place（先备份）",
    "  --replace   替换同名的督办分析报告工作表（默认另建“(2)”）",
    "退出码：0 成功；2 文件无法读取、不是登记表或用法错误",
  ].join("\n"),
  options: {
    json: "flag",
    semester: "value",
    from: "value",
    to: "value",
    out: "value",
    "in-place": "flag",
    force: "flag",
    replace: "flag",
  },
  async run(args, io) {
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
  },
};
