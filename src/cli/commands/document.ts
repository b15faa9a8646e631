/**
 * What `duban notice`, `duban report` and `duban remind` share: read FILE, find the item by
 * `--number`, draw the document as a new sheet (or in place of the old one with `--replace`)
 * and save to `-o OUT` (or `--in-place`, after a backup). An unknown number exits 2 and names
 * the closest existing numbers.
 */
import { DocumentError, generateDocument, type DocumentResult } from "../../app/documents";
import { DOCUMENT_TITLE, type DocumentKind } from "../../domain/documents/common";
import { REMIND_METHODS, type RemindMethod } from "../../domain/documents/remind-log";
import { xlsxDocumentPort } from "../../adapters/xlsx/render-layout";
import { flagOption, ledgerOption, singleFile, stringOption, usageError } from "../args";
import { openWorkbook, resolveOutput } from "../files";
import { saveWorkbook } from "../save";
import { toJsonText } from "../render";
import { CliError, EXIT_OK, EXIT_UNREADABLE, type CliArgs, type CliIO, type OptionSpec } from "../types";

/** Options of the three document commands. */
export const DOCUMENT_OPTIONS: OptionSpec = {
  number: "value",
  out: "value",
  "in-place": "flag",
  replace: "flag",
  force: "flag",
  by: "value",
  json: "flag",
  sheet: "value",
};

/** The usage lines every document command shares. */
export function documentUsage(command: string, extra: readonly string[] = []): string {
  return [
    `duban ${command} FILE --number 编号 -o OUT [--today YYYY-MM-DD] [--replace] [--by 经办人] [--sheet 工作表] [--json]${
      extra.length > 0 ? " [--method 电话|督办函|催办提示单]" : ""
    }`,
    "  --number    督办事项编号，如 〔2021〕3号（也可写作 [2021]3号）",
    "  -o, --out   输出文件（不会修改 FILE）；或用 --in-place 直接修改 FILE（先备份）",
    "  --today     文书日期（默认今天）",
    "  --replace   已有同名工作表时替换它（默认另建“(2)”“(3)”……工作表，不覆盖）",
    "  --force     即使有内容无法完整保留（如被替换工作表中的图片、批注）也写入",
    "  --by        经办人姓名",
    "  --sheet     只在这一个台账工作表中找编号（默认在所有台账工作表中找）",
    ...extra,
    "  --json      以 JSON 输出生成结果",
    "退出码：0 成功；2 文件无法读取、不是登记表、编号不存在或用法错误",
  ].join("\n");
}

/** The JSON of a generated document. */
export function documentJson(result: DocumentResult, written: string): object {
  return {
    document: DOCUMENT_TITLE[result.kind],
    number: result.number,
    row: result.row,
    sheet: result.sheetName,
    ledgerSheet: result.ledgerSheet,
    replaced: result.replaced,
    output: written,
    warnings: result.warnings,
    ...(result.log ? { log: result.log } : {}),
  };
}

function readMethod(args: CliArgs): RemindMethod | undefined {
  const method = stringOption(args, "method");
  if (method === undefined) return undefined;
  const known = REMIND_METHODS.find((m) => m === method.trim());
  if (!known) throw usageError(`--method 须为 ${REMIND_METHODS.join("、")} 之一，收到：${method}`);
  return known;
}

/**
 * Runs a document command.
 * @example await runDocumentCommand("notice", args, io) // 0
 */
export async function runDocumentCommand(kind: DocumentKind, args: CliArgs, io: CliIO): Promise<number> {
  const file = singleFile(args);
  const number = stringOption(args, "number");
  if (number === undefined || number.trim() === "")
    throw usageError(`命令 ${args.command} 需要 --number 指定督办事项编号`);
  const method = kind === "remind" ? readMethod(args) : undefined;
  const target = await resolveOutput(args, file, io);
  const book = await openWorkbook(file, io);
  let result: DocumentResult;
  try {
    result = await generateDocument(xlsxDocumentPort(book), kind, {
      number,
      today: io.today,
      replace: flagOption(args, "replace"),
      handler: stringOption(args, "by"),
      ...(method ? { method } : {}),
      ...ledgerOption(args),
    });
  } catch (error) {
    if (error instanceof DocumentError) throw new CliError(error.message, EXIT_UNREADABLE);
    throw error;
  }
  const { backup } = await saveWorkbook(book, target);
  for (const w of result.warnings) io.err(`提示：${w}`);
  if (flagOption(args, "json")) {
    io.out(toJsonText(documentJson(result, target.shown)));
    return EXIT_OK;
  }
  const lines = [
    `已生成${DOCUMENT_TITLE[result.kind]}：${result.number}（“${result.ledgerSheet}”第 ${result.row} 行）→ 工作表“${result.sheetName}”${
      result.replaced ? "（替换原工作表）" : ""
    }`,
  ];
  if (result.log) {
    lines.push(
      result.log.row === null
        ? `同日同方式的催办已记录在“${result.log.sheet}”，未重复记录（第 ${result.log.timesUrged} 次催办）`
        : `已在“${result.log.sheet}”第 ${result.log.row} 行记录本次催办（第 ${result.log.timesUrged} 次）`,
    );
  }
  lines.push(`已写入 ${target.shown}${backup ? `（原文件已备份为 ${backup}）` : ""}`);
  io.out(lines.join("\n"));
  return EXIT_OK;
}
