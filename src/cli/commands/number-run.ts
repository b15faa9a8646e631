/** What `duban number` does: loaded on its first run (number.ts holds its help and options). */
import { runNumbering } from "../../app/number";
import { ledgerOption } from "../args";
import { runLedgerEdit } from "../edit-command";
import { numberingJson, renderNumberingText } from "../render";
import type { CliArgs, CliIO } from "../types";

/** Runs `duban number` with parsed arguments; returns the exit code. */
export function run(args: CliArgs, io: CliIO): Promise<number> {
  return runLedgerEdit(args, io, {
    run: (book) => runNumbering(book, io.today, ledgerOption(args)),
    // In place with nothing to number: leave the file (and its backups) alone.
    changed: (result) => result.assigned.length > 0,
    json: numberingJson,
    text: renderNumberingText,
  });
}
