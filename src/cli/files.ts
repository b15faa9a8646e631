/**
 * Files on the command line: opening a workbook, choosing and checking an output path
 * (backups and saving are in save.ts).
 */
import { promises as fsp } from "fs";
import * as path from "path";
import { XlsxWorkbook } from "../adapters/xlsx/xlsx-workbook";
import type { CliArgs, CliIO } from "./types";
import { flagOption, outputChoice, usageError } from "./args";

/**
 * Opens FILE (relative to io.cwd); load failures throw XlsxLoadError naming FILE as typed.
 * @example const book = await openWorkbook("登记表.xlsx", io)
 */
export async function openWorkbook(file: string, io: Pick<CliIO, "cwd">): Promise<XlsxWorkbook> {
  return XlsxWorkbook.load(path.resolve(io.cwd, file), file);
}

async function statOrNull(file: string) {
  try {
    return await fsp.stat(file);
  } catch {
    return null;
  }
}

/** The real path of a file that may not exist yet: its folder's real path joined with its name. */
async function realTarget(file: string): Promise<string> {
  try {
    return await fsp.realpath(file);
  } catch {
    try {
      return path.join(await fsp.realpath(path.dirname(file)), path.basename(file));
    } catch {
      return file;
    }
  }
}

/**
 * True when two paths name the same file: equal after resolution, through symbolic links,
 * as hard links, or differing only in case on a case-insensitive file system.
 * @example await isSameFile("/tmp/a.xlsx", "/tmp/./a.xlsx") // true
 */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [sa, sb] = await Promise.all([statOrNull(a), statOrNull(b)]);
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  return (await realTarget(a)) === (await realTarget(b));
}

/** Where a writing command puts its result. */
export interface OutputTarget {
  /** Absolute path to write. */
  readonly file: string;
  /** The path as the user typed it, for messages. */
  readonly shown: string;
  /** True when writing over the input (after a backup). */
  readonly inPlace: boolean;
  /** --force: write even when something of the workbook cannot be kept. */
  readonly force?: boolean;
}

/**
 * The output of a command that writes a workbook from FILE: `-o OUT` (never FILE itself) or
 * `--in-place`. Usage errors: neither or both given, OUT naming FILE, OUT being a folder.
 * @example await resolveOutput(args, "登记表.xlsx", io) // { file: "/…/编号后.xlsx", shown: "编号后.xlsx", inPlace: false }
 */
export async function resolveOutput(args: CliArgs, input: string, io: Pick<CliIO, "cwd">): Promise<OutputTarget> {
  const { out, inPlace } = outputChoice(args);
  const force = flagOption(args, "force");
  const inputPath = path.resolve(io.cwd, input);
  // Through a symbolic link, write (and back up) the real file so the link survives.
  if (inPlace || out === undefined) return { file: await realTarget(inputPath), shown: input, inPlace: true, force };
  const outPath = path.resolve(io.cwd, out);
  if (await isSameFile(inputPath, outPath)) {
    throw usageError(`输出文件与输入文件相同：${out}；如要直接修改原文件，请使用 --in-place（会先备份）`);
  }
  if ((await statOrNull(outPath))?.isDirectory()) throw usageError(`输出路径是一个文件夹：${out}`);
  return { file: outPath, shown: out, inPlace: false, force };
}
