/**
 * Every `duban` command, in the order `duban --help` lists them. To add a command, create
 * src/cli/commands/<name>.ts exporting a CliCommand and append it below.
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
