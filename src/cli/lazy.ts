/**
 * Commands load their implementation on first run: `duban --help`, a command's help and a usage
 * error load no workbook library (the package reader, zlib, the engine), so they answer at once.
 */
import type { CliArgs, CliCommand, CliIO } from "./types";

/**
 * A command's `run` that loads its module (exporting `run`) when first called. `precheck`, if
 * given, runs first: the usage checks the command makes before reading anything (a missing
 * FILE, a missing `-o`), in the order `run` makes them, so a usage error loads nothing either.
 * @example run: lazyRun(() => require("./check-run") as typeof CheckRun, singleFile)
 */
export function lazyRun(load: () => Pick<CliCommand, "run">, precheck?: (args: CliArgs) => void): CliCommand["run"] {
  return async (args: CliArgs, io: CliIO) => {
    precheck?.(args);
    return load().run(args, io);
  };
}
