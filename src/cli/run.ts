/**
 * The real entry point (bin/duban.js): builds the CliIO from the process — today's date read
 * from the local clock once, here — runs main and sets the exit code.
 */
import { localIsoDate } from "../domain/local-time";
import { main } from "./main";
import type { CliIO } from "./types";

/** Today's local calendar date as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  return localIsoDate(now);
}

/** Runs `duban` on process.argv and sets process.exitCode. */
export async function run(): Promise<void> {
  const io: CliIO = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    isTTY: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined,
    today: localToday(),
    cwd: process.cwd(),
  };
  process.exitCode = await main(process.argv.slice(2), io);
}
