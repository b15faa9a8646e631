/** What `duban archive` does: loaded on its first run (archive.ts holds its help and options). */
import { ArchiveError, runArchive } from "../../app/archive";
import { xlsxDocumentPort } from "../../adapters/xlsx/render-layout";
import { flagOption, singleFile, stringOption } from "../args";
import { openWorkbook, resolveOutput } from "../files";
import { saveWorkbook } from "../save";
import { toJsonText } from "../render";
import { archiveJson, renderArchiveText } from "../render-ledger";
import { parseYear } from "./archive";
import { CliError, EXIT_OK, EXIT_UNREADABLE, type CliArgs, type CliIO } from "../types";

/** Runs `duban archive` with parsed arguments; returns the exit code. */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const file = singleFile(args);
  const year = parseYear(stringOption(args, "year"));
  const target = await resolveOutput(args, file, io);
  const book = await openWorkbook(file, io);
  let result;
  try {
    result = await runArchive(xlsxDocumentPort(book), { year, today: io.today });
  } catch (error) {
    if (error instanceof ArchiveError) throw new CliError(error.message, EXIT_UNREADABLE);
    throw error;
  }
  // In place with nothing archived: leave the file (and its backups) alone.
  const write = !target.inPlace || result.archived > 0;
  const { backup } = write ? await saveWorkbook(book, target) : { backup: null };
  if (flagOption(args, "json")) {
    io.out(toJsonText(archiveJson(result)));
    return EXIT_OK;
  }
  const lines = renderArchiveText(result);
  if (write) lines.push(`已写入 ${target.shown}${backup ? `（原文件已备份为 ${backup}）` : ""}`);
  io.out(lines.join("\n"));
  return EXIT_OK;
}
