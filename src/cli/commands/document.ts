/**
 * What `duban notice`, `duban report` and `duban remind` share: read FILE, find the item by
 * `--number`, draw the document as a new sheet (or in place of the old one with `--replace`)
 * and save to `-o OUT` (or `--in-place`, after a backup). An unknown number exits 2 and names
 * the closest existing numbers. The options and usage are here; the work is in document-run.ts,
 * loaded on first run.
 */
import type { CliArgs, CliIO, OptionSpec } from "../types";
import { SAVE_OPTIONS, singleFile, stringOption, usageError } from "../args";
import { lazyRun } from "../lazy";
import type { DocumentKind } from "../../domain/documents/common";
import type * as Run from "./document-run";

/** Options of the three document commands. */
export const DOCUMENT_OPTIONS: OptionSpec = {
  number: "value",
  ...SAVE_OPTIONS,
  replace: "flag",
  by: "value",
  json: "flag",
  sheet: "value",
};

/** The usage lines every document command shares. */
export function documentUsage(command: string, extra: readonly string[] = []): string {
  return [
    `duban ${command} FILE --number 编号 -o OUT [--today YYYY-MM-DD] [--replace] [--by 经办人] [--sheet 工作表] [--json]${
      extra.length > 0 ? " [--method 电话|督办函|催办提示单]" : ""
    }`,
    "  --number    督办事项编号，如 〔2021〕3号（也可写作 [2021]3号）",
    "  -o, --out   输出文件（不会修改 FILE）；或用 --in-place 直接修改 FILE（先备份）",
    "  --today     文书日期（默认今天）",
    "  --replace   已有同名工作表时替换它（默认另建“(2)”“(3)”……工作表，不覆盖）",
    "  --force     即使有内容无法完整保留（如被替换工作表中的图片、批注）也写入",
    "  --by        经办人姓名",
    "  --sheet     只在这一个台账工作表中找编号（默认在所有台账工作表中找）",
    ...extra,
    "  --json      以 JSON 输出生成结果",
    "退出码：0 成功；2 文件无法读取、不是登记表、编号不存在或用法错误",
  ].join("\n");
}

/**
 * The item number of `--number`; a usage error when missing or blank.
 * @example documentNumber(args) // "〔2021〕3号"
 */
export function documentNumber(args: CliArgs): string {
  const number = stringOption(args, "number");
  if (number === undefined || number.trim() === "")
    throw usageError(`命令 ${args.command} 需要 --number 指定督办事项编号`);
  return number;
}

/**
 * The `run` of a document command: document-run.ts loaded when first called.
 * @example run: documentRun("notice")
 */
export function documentRun(kind: DocumentKind): (args: CliArgs, io: CliIO) => Promise<number> {
  return lazyRun(
    () => ({ run: (args, io) => (require("./document-run") as typeof Run).runDocumentCommand(kind, args, io) }),
    (args) => {
      singleFile(args);
      documentNumber(args);
    },
  );
}
