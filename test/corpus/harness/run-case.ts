/**
 * One case of the harness: a corpus workbook, a writing command, `-o` or `--in-place`. Runs the
 * command line in-process, then compares the output package with the input.
 */
import * as fs from "fs";
import * as path from "path";
import { runCli } from "../../cli/helpers";
import { readParts, sameBytes } from "../ooxml/zip";
import { ARCHIVE_YEAR, ARCHIVED_ROWS, DOCUMENT_NUMBER, HEADERS, REGISTRY } from "../build/registry";
import { comparePackageParts } from "./compare-parts";
import { compareSheets } from "./compare-sheets";
import { compareWorkbook } from "./compare-workbook";
import { Findings, type Finding } from "./findings";
import { POLICIES, type CommandName } from "./policy";
import { columnName } from "./sheet-cells";

export type Mode = "out" | "in-place";
/** The day every case runs on: 〔2026〕2号 is overdue, two items are due within days. */
export const TODAY = "2026-11-25";

export interface CaseResult {
  readonly file: string;
  readonly mode: Mode;
  readonly code: number;
  readonly stderr: readonly string[];
  /** The package written (the -o file, or the input file after --in-place); null when none. */
  readonly output: string | null;
  readonly findings: readonly Finding[];
  /** "sheet!ref" of the cells the command reports setting. */
  readonly setCells: readonly string[];
  /** False when the command wrote nothing (the output is the input, byte for byte). */
  readonly changed: boolean;
}

/** What each command needs besides FILE, the target and --today/--json. */
const OPTIONS: Readonly<Record<CommandName, readonly string[]>> = {
  number: [],
  refresh: [],
  fix: [],
  notice: ["--number", DOCUMENT_NUMBER],
  report: ["--number", DOCUMENT_NUMBER],
  remind: ["--number", DOCUMENT_NUMBER],
  analysis: ["--semester", "2026-autumn"],
  accountability: ["--record", DOCUMENT_NUMBER, "--measure", "约谈", "--by", "张敏"],
  archive: ["--year", String(ARCHIVE_YEAR)],
};

function argv(command: CommandName, input: string, mode: Mode, out: string): string[] {
  const target = mode === "out" ? ["-o", out] : ["--in-place"];
  return [command, input, ...OPTIONS[command], ...target, "--today", TODAY, "--json"];
}

/** Column letter of a registry header (white space removed), as `check --json` names columns. */
function registryColumn(header: string): string | null {
  const i = HEADERS.findIndex((h) => h.replace(/\s+/g, "") === header);
  return i < 0 ? null : columnName(i + 1);
}

/** The cells a command reports setting (sheet!ref → the text it should show, null: any). */
export function reportedCells(command: CommandName, stdout: string): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (command === "archive") {
    // Its JSON counts the items moved; the corpus says which rows they were (all 14 columns emptied).
    const json = JSON.parse(stdout) as { archived: number };
    if (json.archived !== ARCHIVED_ROWS.length)
      throw new Error(`archive moved ${json.archived} items, the corpus has ${ARCHIVED_ROWS.length}`);
    for (const row of ARCHIVED_ROWS) HEADERS.forEach((_, i) => out.set(`${REGISTRY}!${columnName(i + 1)}${row}`, null));
    return out;
  }
  if (command !== "number" && command !== "fix") return out;
  // Entries name their sheet once several ledger sheets are read; the corpus has one.
  const json = JSON.parse(stdout) as {
    assigned?: { sheet?: string; row: number; number: string }[];
    fixed?: { sheet?: string; row: number; column: string; to: unknown }[];
  };
  for (const a of json.assigned ?? []) {
    out.set(`${a.sheet ?? REGISTRY}!${registryColumn("督办事项编号")}${a.row}`, a.number);
  }
  for (const f of json.fixed ?? []) {
    const col = registryColumn(f.column);
    // A fixed date becomes a serial number: its text is not the JSON's.
    const text = /^\d{4}-\d\d-\d\d$/.test(String(f.to)) ? null : String(f.to);
    if (col) out.set(`${f.sheet ?? REGISTRY}!${col}${f.row}`, text);
  }
  return out;
}

/** Backups `--in-place` left beside `file`. */
function backupsOf(file: string): string[] {
  const ext = path.extname(file);
  const stem = path.basename(file, ext);
  return fs
    .readdirSync(path.dirname(file))
    .filter((n) => n.startsWith(`${stem}.backup-`) && n.endsWith(ext))
    .map((n) => path.join(path.dirname(file), n));
}

/**
 * Runs `command` on a copy of a corpus workbook in `dir` and compares what it wrote.
 * @example await runCase("number", "chart.xlsx", bytes, "out", dir) // { code: 0, findings: [] … }
 */
export async function runCase(
  command: CommandName,
  file: string,
  bytes: Uint8Array,
  mode: Mode,
  dir: string,
): Promise<CaseResult> {
  const caseDir = path.join(dir, `${command}-${mode}-${path.basename(file, path.extname(file))}`);
  fs.mkdirSync(caseDir, { recursive: true });
  const input = path.join(caseDir, file);
  fs.writeFileSync(input, bytes);
  const outFile = path.join(caseDir, `out--${file}`);
  const cli = await runCli(argv(command, input, mode, outFile), { cwd: caseDir, today: TODAY });
  const output = mode === "out" ? outFile : input;
  const findings = new Findings();
  if (cli.code !== 0)
    return { file, mode, code: cli.code, stderr: cli.stderr, output: null, findings: [], setCells: [], changed: false };
  if (mode === "out") {
    findings.check(sameBytes(fs.readFileSync(input), bytes), "part-changed", file, "带 -o 运行后输入文件被改动");
  } else {
    // A command with nothing to change leaves the file alone (no backup); otherwise exactly one
    // backup, byte-identical to the original. suite.ts checks that "nothing" agrees with -o.
    const backups = backupsOf(input);
    const untouched = backups.length === 0 && sameBytes(fs.readFileSync(input), bytes);
    findings.check(
      untouched || (backups.length === 1 && sameBytes(fs.readFileSync(backups[0]), bytes)),
      "part-lost",
      file,
      `--in-place 的备份应恰有一个且与原文件逐字节相同（找到 ${backups.length} 个）`,
    );
  }
  const comparison = {
    input: readParts(bytes),
    output: readParts(fs.readFileSync(output)),
    policy: POLICIES[command],
    registry: REGISTRY,
    setCells: reportedCells(command, cli.stdout),
  };
  const changed = !sameBytes(fs.readFileSync(output), bytes);
  comparePackageParts(comparison, findings);
  compareWorkbook(comparison, findings);
  compareSheets(comparison, findings);
  return {
    file,
    mode,
    code: cli.code,
    stderr: cli.stderr,
    output,
    findings: findings.list,
    setCells: [...comparison.setCells.keys()],
    changed,
  };
}
