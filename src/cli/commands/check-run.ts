/** What `duban check` does: loaded on its first run (check.ts holds its help and options). */
import { hasErrors, runCheck } from "../../app/check";
import { flagOption, ledgerOption, singleFile } from "../args";
import { painter } from "../colour";
import { openWorkbook } from "../files";
import { checkJson, renderCheckText, toJsonText } from "../render";
import { EXIT_FINDINGS, EXIT_OK, type CliArgs, type CliIO } from "../types";

/** Runs `duban check` with parsed arguments; returns the exit code. */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const file = singleFile(args);
  const book = await openWorkbook(file, io);
  const result = await runCheck(book, io.today, ledgerOption(args));
  if (flagOption(args, "json")) io.out(toJsonText(checkJson(result)));
  else io.out(renderCheckText(result, file, painter(io.isTTY)).join("\n"));
  return hasErrors(result.issues) ? EXIT_FINDINGS : EXIT_OK;
}
