/**
 * Saving a workbook from the command line, safely: nothing is written when the command could
 * not keep something of the workbook (unless --force), when Excel has the file open, or when
 * the disk or folder refuses — the input always stays as it was, and one Chinese line says
 * what to do.
 */
import { constants as fsConstants, promises as fsp } from "fs";
import * as path from "path";
import type { XlsxWorkbook } from "../adapters/xlsx/xlsx-workbook";
import { CliError, EXIT_UNREADABLE } from "./types";
import type { OutputTarget } from "./files";

/**
 * The Chinese line for a failed write of `shown`.
 * @example writeError("out.xlsx", { code: "ENOSPC" }).message // "无法写入 out.xlsx：磁盘空间不足……"
 */
export function writeError(shown: string, error: unknown): CliError {
  const code = (error as { code?: string }).code;
  const reason =
    code === "ENOENT"
      ? "文件夹不存在，请先创建该文件夹或换一个输出路径"
      : code === "EACCES" || code === "EPERM" || code === "EROFS"
        ? "没有写入权限（文件夹只读，或文件被其他程序占用）：请换一个可写的文件夹，或先在 Excel 中关闭该文件"
        : code === "EBUSY" || code === "ETXTBSY"
          ? "文件正被其他程序（如 Excel）占用：请先关闭该文件再试"
          : code === "EISDIR"
            ? "这是一个文件夹，请指定文件名"
            : code === "ENOSPC" || code === "EDQUOT"
              ? "磁盘空间不足：请清理磁盘或换一个位置后重试"
              : "写入失败";
  return new CliError(`无法写入 ${shown}：${reason}；原文件未改动`, EXIT_UNREADABLE);
}

/**
 * The owner file Excel leaves beside a workbook it has open (on a share: `~$名称.xlsx`), or null.
 * Long names are kept whole by Excel; Word-style owners drop the first two characters — both are looked for.
 * @example await excelOwnerFile("/d/登记表.xlsx") // "/d/~$登记表.xlsx" while Excel has it open
 */
export async function excelOwnerFile(file: string): Promise<string | null> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  for (const name of [`~$${base}`, `~$${base.slice(2)}`]) {
    const candidate = path.join(dir, name);
    try {
      if ((await fsp.stat(candidate)).isFile()) return candidate;
    } catch {
      // not there
    }
  }
  return null;
}

/**
 * Saves a workbook to a target through a temp file and a rename. Refuses (exit 2, nothing
 * written) when the workbook lost something and --force was not given, or when Excel has the
 * target open. With `inPlace`, first backs up the file being replaced and returns its path
 * (the backup is removed again when the save fails, the file being untouched).
 * @example await saveWorkbook(book, target) // { backup: null }
 */
export async function saveWorkbook(book: XlsxWorkbook, target: OutputTarget): Promise<{ backup: string | null }> {
  if (book.losses.length > 0 && !target.force) {
    throw new CliError(`未写入：${book.losses.join("；")}。确认要继续请加 --force`, EXIT_UNREADABLE);
  }
  const owner = await excelOwnerFile(target.file);
  if (owner) {
    throw new CliError(
      `未写入：${target.shown} 正在 Excel 中打开（发现 ${path.basename(owner)}），请先在 Excel 中保存并关闭它再试`,
      EXIT_UNREADABLE,
    );
  }
  const backup = target.inPlace ? await backupFile(target.file) : null;
  try {
    await book.save(target.file);
  } catch (error) {
    if (backup) await fsp.rm(backup, { force: true });
    throw writeError(target.shown, error);
  }
  return { backup };
}

/** Most backups tried next to one file before giving up. */
const MAX_BACKUPS = 10000;

/**
 * Copies a file byte for byte to `<name>.backup-N<ext>` beside it, N the first free number
 * (an existing backup is never overwritten, even by a concurrent run). Returns the backup path.
 * @example await backupFile("/d/登记表.xlsx") // "/d/登记表.backup-1.xlsx"
 */
export async function backupFile(file: string): Promise<string> {
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  for (let n = 1; n <= MAX_BACKUPS; n++) {
    const candidate = `${stem}.backup-${n}${ext}`;
    try {
      await fsp.copyFile(file, candidate, fsConstants.COPYFILE_EXCL);
      return candidate;
    } catch (error) {
      if ((error as { code?: string }).code === "EEXIST") continue;
      throw writeError(candidate, error);
    }
  }
  throw new CliError(`备份文件过多，无法再备份：${file}`, EXIT_UNREADABLE);
}
