/**
 * GB/T 9704 secrecy marks: 秘密★1年 with its content typed in (涉密不上网: an error), 机密★长期
 * with only the reference placeholder (fine), 秘密*1年 (a stand-in star: a warning, ★ as fix);
 * the notice of a classified item never copies its content.
 */
import * as ExcelJS from "exceljs";
import { day, ledgerSheet, OFFICIAL_ROW } from "../../template";

export const SECRET_CONTENT = "核查某校财务专项审计发现问题的整改情况";

export function build(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const l = ledgerSheet(wb, { name: "督办事项登记表", title: "督办事项登记表", columns: OFFICIAL_ROW });
  const item = (seq: number, secrecy: string, content: string) => ({
    序号: seq,
    督办事项编号: `〔2026〕${40 + seq}号`,
    督办事项内容: content,
    来文编号: `江津教发〔2026〕${seq}号`,
    密级: secrecy,
    任务下达时间: day("2026-11-02"),
    要求完成时间: day("2026-11-30"),
    督办科室或单位: "办公室",
  });
  let r = l.firstRow;
  r = l.item(r, item(1, "秘密★1年", SECRET_CONTENT));
  r = l.item(r, item(2, "机密★长期", "涉密事项，内容见纸质台账"));
  r = l.item(r, item(3, "秘密*1年", "涉密事项，内容见纸质台账"));
  l.item(r, item(4, "内部", "整理2026年度督办档案"));
  return wb;
}
