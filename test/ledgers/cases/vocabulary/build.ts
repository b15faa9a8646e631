/**
 * The words clerks type: 督办结果 已完成 / 完成 / 已落实 (closed, green), 部分办结 / 正在推进
 * (open), 已终止 (terminated), 已报送 (unclear: a warning, open); 紧急程度 急件 / 平件 / 特急件
 * / 急 and 密级 无 / 非密 / “/” (warnings with their list value as fix); 要求完成时间 长期坚持 (a
 * long-term item: no deadline, no colour, a warning).
 */
import * as ExcelJS from "exceljs";
import { day, ledgerSheet, OFFICIAL_ROW } from "../../template";

export function build(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const l = ledgerSheet(wb, {
    name: "督办事项登记表",
    title: "督办事项登记表",
    columns: [...OFFICIAL_ROW, "延期批准人"],
  });
  const rows: [string, string, string, string, string | Date][] = [
    // 督办结果, 紧急程度, 密级, 备注, 要求完成时间
    ["已完成", "急件", "无", "", day("2026-11-20")],
    ["完成", "平件", "非密", "", day("2026-11-25")],
    ["已落实", "特急件", "/", "", day("2026-11-30")],
    ["部分办结", "急", "公开", "", day("2026-11-30")],
    ["正在推进", "一般", "公开", "", day("2026-12-03")],
    ["已终止", "一般", "公开", "经主任同意终止", day("2026-12-31")],
    ["已报送", "一般", "公开", "", day("2026-11-30")],
    ["", "一般", "公开", "每月报送进展", "长期坚持"],
  ];
  let r = l.firstRow;
  rows.forEach(([result, urgency, secrecy, remarks, due], i) => {
    r = l.item(r, {
      序号: i + 1,
      督办事项编号: `〔2026〕${31 + i}号`,
      督办事项内容: `第${i + 1}项：${result || "长期事项"}`,
      紧急程度: urgency,
      密级: secrecy,
      任务下达时间: day("2026-11-02"),
      要求完成时间: due,
      督办科室或单位: "督导室",
      督办结果: result || undefined,
      备注: remarks || undefined,
      延期批准人: result === "已终止" ? "张三" : undefined,
    });
  });
  return wb;
}
