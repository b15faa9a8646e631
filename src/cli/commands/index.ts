/**
 * Every `duban` command, in the order `duban --help` lists them. To add a command, create
 * src/cli/commands/<name>.ts exporting a CliCommand (its help, options and a lazyRun of
 * <name>-run.ts, where the work is) and append it below. Nothing here may import the engine or
 * the workbook libraries: `duban --help` and usage errors load only these files
 * (test/cli/main.test.ts "start-up").
 */
import type { CliCommand } from "../types";
import { accountabilityCommand } from "./accountability";
import { analysisCommand } from "./analysis";
import { archiveCommand } from "./archive";
import { checkCommand } from "./check";
import { initCommand } from "./init";
import { demoCommand } from "./demo";
import { fixCommand } from "./fix";
import { noticeCommand } from "./notice";
import { numberCommand } from "./number";
import { refreshCommand } from "./refresh";
import { remindCommand } from "./remind";
import { reportCommand } from "./report";
import { statusCommand } from "./status";

export const COMMANDS: readonly CliCommand[] = [
  checkCommand,
  statusCommand,
  numberCommand,
  fixCommand,
  noticeCommand,
  reportCommand,
  remindCommand,
  refreshCommand,
  initCommand,
  analysisCommand,
  accountabilityCommand,
  archiveCommand,
  demoCommand,
];
