/** What `duban notice`, `report` and `remind` do: loaded on first run (document.ts holds their options and usage). */
import { DocumentError, generateDocument, type DocumentResult } from "../../app/documents";
import { DOCUMENT_TITLE, type DocumentKind } from "../../domain/documents/common";
import { REMIND_METHODS, type RemindMethod } from "../../domain/documents/remind-log";
import { xlsxDocumentPort } from "../../adapters/xlsx/render-layout";
import { flagOption, ledgerOption, singleFile, stringOption, usageError } from "../args";
import { openWorkbook, resolveOutput } from "../files";
import { saveWorkbook } from "../save";
import { toJsonText } from "../render";
import { documentNumber } from "./document";
import { CliError, EXIT_OK, EXIT_UNREADABLE, type CliArgs, type CliIO } from "../types";

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
  const number = documentNumber(args);
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
