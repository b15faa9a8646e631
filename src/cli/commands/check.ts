/** `duban check FILE [--json] [--today D]`: defects in the registry; exit 1 when any is an error. */
import { hasErrors, runCheck } from "../../app/check";
import { flagOption, ledgerOption, SHEET_OPTION, singleFile } from "../args";
import { painter } from "../colour";
import { openWorkbook } from "../files";
import { checkJson, renderCheckText, toJsonText } from "../render";
import { EXIT_FINDINGS, EXIT_OK, type CliCommand } from "../types";

export const checkCommand: CliCommand = {
  name: "check",
  summary: "检查登记表中的数据问题（编号格式、重号、日期、必填项等）",
  usage: [
    "duban check FILE [--json] [--today YYYY-MM-DD] [--sheet 工作表]",
    '  --json    以 JSON 输出：{"rows":N,"issues":[{"sheet","row","column","severity","code","message"}],"layout":{…},"layouts":[…]}',
    "            layout：表头所在行、各列位置、未作为事项的行（合计、表尾、说明）、跨多行的事项",
    "  --sheet   只检查这一个台账工作表（如 2022年）；编号是否重复仍与所有台账比较",
    "  --today   按指定日期检查（默认今天）",
    "退出码：0 没有错误（可有警告），1 发现错误，2 文件无法读取或不是登记表",
  ].join("\n"),
  options: { json: "flag", ...SHEET_OPTION },
  async run(args, io) {
    const file = singleFile(args);
    const book = await openWorkbook(file, io);
    const result = await runCheck(book, io.today, ledgerOption(args));
    if (flagOption(args, "json")) io.out(toJsonText(checkJson(result)));
    else io.out(renderCheckText(result, file, painter(io.isTTY)).join("\n"));
    return hasErrors(result.issues) ? EXIT_FINDINGS : EXIT_OK;
  },
};
