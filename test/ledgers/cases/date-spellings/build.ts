/**
 * What clerks type into dates and numbers: 2021年4月30号, 2021-04-30 17:00, 2021.4.30, the
 * digits 20210430, 4月30日 (no year: an error, never a guess); a cell holding two numbers
 * (both reserved); a number typed as 2021-4; 督办科室 with a trailing full-width space; a line
 * break inside 督办事项内容.
 */
import * as ExcelJS from "exceljs";
import { day, ledgerSheet, OFFICIAL_ROW } from "../../template";

export function build(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const l = ledgerSheet(wb, { name: "督办事项登记表", title: "督办事项登记表", columns: OFFICIAL_ROW });
  const item = (
    seq: number,
    number: string | undefined,
    due: ExcelJS.CellValue,
    extra: Record<string, ExcelJS.CellValue> = {},
  ) => ({
    序号: seq,
    督办事项编号: number,
    督办事项内容: `2021年第${seq}项督办事项`,
    任务下达时间: day("2021-03-01"),
    要求完成时间: due,
    督办科室或单位: "督导室",
    督办结果: "按期办结",
    ...extra,
  });
  let r = l.firstRow;
  r = l.item(r, item(1, "〔2021〕15号", "2021年4月30号"));
  r = l.item(r, item(2, "〔2021〕16号", "2021-04-30 17:00"));
  r = l.item(r, item(3, "〔2021〕17号、〔2021〕18号", "2021.4.30"));
  r = l.item(r, item(4, "2021-4", 20210430));
  r = l.item(r, item(5, undefined, day("2021-04-30"), { 督办科室或单位: "办公室\u3000" }));
  r = l.item(r, item(6, "〔2021〕19号", "4月30日", { 督办结果: undefined }));
  l.item(
    r,
    item(7, "〔2021〕20号", day("2021-05-31"), { 督办事项内容: "落实“双减”工作：\n一是作业管理；\n二是课后服务" }),
  );
  return wb;
}
