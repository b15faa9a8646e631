/**
 * The run of a command that edits the ledger (`fix`, `number`, `refresh`): open, run the use
 * case, save to `-o` or in place, print. In place with nothing changed the file (and its
 * backups) are left alone.
 */
import type { XlsxWorkbook } from "../adapters/xlsx/xlsx-workbook";
import { flagOption, singleFile } from "./args";
import { openWorkbook, resolveOutput } from "./files";
import { saveWorkbook } from "./save";
import { toJsonText } from "./render";
import { EXIT_OK, type CliArgs, type CliIO } from "./types";

/** What a ledger-editing command does between opening and saving, and how it reports. */
export interface LedgerEdit<R> {
  readonly run: (book: XlsxWorkbook) => Promise<R>;
  /** Whether the result changed the workbook (in place, nothing is written otherwise). */
  readonly changed: (result: R) => boolean;
  readonly json: (result: R) => object;
  /** Lines for people; `written` is the file shown as written, or null. */
  readonly text: (result: R, written: string | null, backup: string | null) => string[];
}

/**
 * Runs a ledger-editing command with parsed arguments; returns the exit code.
 * @example return runLedgerEdit(args, io, { run: (book) => runFix(book, io.today), changed: (r) => r.fixed.length > 0, json: fixJson, text: fixText })
 */
export async function runLedgerEdit<R>(args: CliArgs, io: CliIO, edit: LedgerEdit<R>): Promise<number> {
  const file = singleFile(args);
  const target = await resolveOutput(args, file, io);
  const book = await openWorkbook(file, io);
  const result = await edit.run(book);
  const write = !target.inPlace || edit.changed(result);
  const { backup } = write ? await saveWorkbook(book, target) : { backup: null };
  if (flagOption(args, "json")) io.out(toJsonText(edit.json(result)));
  else io.out(edit.text(result, write ? target.shown : null, backup).join("\n"));
  return EXIT_OK;
}
