/**
 * Rows that are not items: a 合计 row merged across the first columns, a blank spacer, a
 * footer (制表人 … 审核人), its date line and a note below the table; a header repeated for a
 * second printed page. Six items, never eight; the 合计 row never gets a number.
 */
import * as ExcelJS from "exceljs";
import { day, ledgerSheet, OFFICIAL_ROW } from "../../template";

export function build(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const l = ledgerSheet(wb, { name: "督办事项登记表", title: "2026年督办事项登记表", columns: OFFICIAL_ROW });
  const item = (seq: number, number: string | undefined, due: string, result?: string) => ({
    序号: seq,
    督办事项编号: number,
    督办事项内容: `第${seq}项督办事项`,
    任务下达时间: day("2026-11-02"),
    要求完成时间: day(due),
    督办科室或单位: seq % 2 === 0 ? "办公室" : "督导室",
    督办结果: result,
  });
  let r = l.firstRow;
  r = l.item(r, item(1, "〔2026〕21号", "2026-11-20", "按期办结"));
  r = l.item(r, item(2, "〔2026〕22号", "2026-11-30"));
  r = l.item(r, item(3, "〔2026〕23号", "2026-12-03"));
  // The header again, at the top of the second printed page.
  OFFICIAL_ROW.forEach((h, i) => (l.ws.getCell(r, i + 1).value = h as string));
  r += 1;
  r = l.item(r, item(4, undefined, "2026-12-31"));
  r = l.item(r, item(5, "〔2026〕25号", "2026-12-25"));
  r = l.item(r, item(6, undefined, "2027-01-10"));
  l.line(r, { 序号: "合计", 督办事项内容: "共6项，已办结1项" }, 2);
  r += 2;
  l.line(r, { 序号: "制表人：张三", 督办科室或单位: "审核人：李四" });
  r += 1;
  l.line(r, { 督办事项内容: "2026年12月1日" });
  r += 1;
  l.line(r, { 序号: "注：本表每月5日前报区教委办公室，逾期未办结事项请在备注中说明原因。" }, 14);
  return wb;
}
