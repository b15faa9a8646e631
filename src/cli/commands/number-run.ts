/** What `duban number` does: loaded on its first run (number.ts holds its help and options). */
import { runNumbering } from "../../app/number";
import { flagOption, ledgerOption, singleFile } from "../args";
import { openWorkbook, resolveOutput } from "../files";
import { saveWorkbook } from "../save";
import { numberingJson, renderNumberingText, toJsonText } from "../render";
import { EXIT_OK, type CliArgs, type CliIO } from "../types";

/** Runs `duban number` with parsed arguments; returns the exit code. */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const file = singleFile(args);
  const target = await resolveOutput(args, file, io);
  const book = await openWorkbook(file, io);
  const result = await runNumbering(book, io.today, ledgerOption(args));
  // In place with nothing to number: leave the file (and its backups) alone.
  const write = !target.inPlace || result.assigned.length > 0;
  const { backup } = write ? await saveWorkbook(book, target) : { backup: null };
  if (flagOption(args, "json")) io.out(toJsonText(numberingJson(result)));
  else io.out(renderNumberingText(result, write ? target.shown : null, backup).join("\n"));
  return EXIT_OK;
}
