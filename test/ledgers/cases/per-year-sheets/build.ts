/**
 * One ledger per year, a summary first: 汇总 counts each year's items with formulas (left
 * alone), 2021年 and 2022年 are ledgers. Overdue items of 2022 must show; 〔2022〕3号 must be
 * found; an item issued in December 2021 but registered on the 2022 sheet gets the next 2021
 * number counted over both sheets.
 */
import * as ExcelJS from "exceljs";
import { day, ledgerSheet, OFFICIAL_ROW } from "../../template";

export function build(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const summary = wb.addWorksheet("汇总");
  summary.addRow(["年度", "事项数", "已办结"]);
  summary.addRow([
    "2021年",
    { formula: "COUNTA('2021年'!B4:B100)", result: 3 },
    { formula: "COUNTIF('2021年'!M4:M100,\"*办结\")", result: 3 },
  ]);
  summary.addRow([
    "2022年",
    { formula: "COUNTA('2022年'!B4:B100)", result: 3 },
    { formula: "COUNTIF('2022年'!M4:M100,\"*办结\")", result: 1 },
  ]);
  const item = (seq: number, number: string | undefined, issued: string, due: string, result?: string) => ({
    序号: seq,
    督办事项编号: number,
    督办事项内容: `事项${number ?? seq}`,
    任务下达时间: day(issued),
    要求完成时间: day(due),
    督办科室或单位: "督导室",
    督办结果: result,
  });
  const y2021 = ledgerSheet(wb, { name: "2021年", title: "2021年督办事项登记表", columns: OFFICIAL_ROW });
  let r = y2021.firstRow;
  r = y2021.item(r, item(1, "〔2021〕1号", "2021-03-05", "2021-04-30", "按期办结"));
  r = y2021.item(r, item(2, "〔2021〕2号", "2021-05-10", "2021-06-30", "逾期办结"));
  y2021.item(r, item(3, "〔2021〕3号", "2021-09-01", "2021-10-29", "延期办结"));
  const y2022 = ledgerSheet(wb, { name: "2022年", title: "2022年督办事项登记表", columns: OFFICIAL_ROW });
  r = y2022.firstRow;
  r = y2022.item(r, item(1, undefined, "2021-12-20", "2022-01-31"));
  r = y2022.item(r, item(2, "〔2022〕1号", "2022-02-14", "2022-03-31", "按期办结"));
  r = y2022.item(r, item(3, "〔2022〕2号", "2022-04-06", "2022-06-30"));
  y2022.item(r, item(4, "〔2022〕3号", "2022-09-01", "2026-12-31"));
  return wb;
}
