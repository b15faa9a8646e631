/** What `duban status` does: loaded on its first run (status.ts holds its help and options). */
import { runStatus } from "../../app/status";
import { flagOption, ledgerOption, singleFile } from "../args";
import { painter } from "../colour";
import { openWorkbook } from "../files";
import { renderStatusText, statusJson, toJsonText } from "../render";
import { EXIT_OK, type CliArgs, type CliIO } from "../types";

/** Runs `duban status` with parsed arguments; returns the exit code. */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const file = singleFile(args);
  const book = await openWorkbook(file, io);
  const result = await runStatus(book, io.today, ledgerOption(args));
  if (flagOption(args, "json")) io.out(toJsonText(statusJson(result)));
  else io.out(renderStatusText(result, file, io.today, painter(io.isTTY)).join("\n"));
  return EXIT_OK;
}
