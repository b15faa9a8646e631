/**
 * `duban accountability FILE [--today D] [--json]`: the measures policy 五 calls for today
 * (suggestions only), the measures recorded and the units without 评优评先 eligibility.
 * `--record NUM[,NUM…] [--measure M] [--basis TEXT] [--by NAME] (-o OUT | --in-place)`: records
 * what a person confirmed in the 问责记录 sheet.
 */
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
import { CliError, EXIT_OK, EXIT_UNREADABLE, type CliArgs, type CliCommand } from "../types";

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

export const accountabilityCommand: CliCommand = {
  name: "accountability",
  summary: "按《实施方案》五列出问责建议（约谈、通报批评）和取消评优评先的单位；确认后用 --record 记录",
  usage: [
    "duban accountability FILE [--today YYYY-MM-DD] [--json]",
    "duban accountability FILE --record 编号[,编号…] [--measure 约谈|通报批评|追究责任] [--basis 依据] [--by 经办人] (-o OUT | --in-place)",
    "  --record    记录经确认的问责措施（写入“问责记录”工作表）；不带 --measure 时记录该事项当前的建议",
    "  --measure   指明措施；追究责任从不自动建议，只能由人研究决定后记录",
    "  --basis     依据（默认为建议的理由或《实施方案》五（一）的条文）",
    "  --by        经办人",
    "  -o, --out   输出文件（不会修改 FILE）；或 --in-place（先备份）",
    '  --json      以 JSON 输出：{"suggestions":[…],"records":[…],"ineligible":[…],"issues":[…]}',
    "退出码：0 成功；2 文件无法读取、不是登记表、编号不存在或用法错误",
  ].join("\n"),
  options: {
    json: "flag",
    record: "value",
    measure: "value",
    basis: "value",
    by: "value",
    out: "value",
    "in-place": "flag",
    force: "flag",
  },
  async run(args, io) {
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
  },
};
