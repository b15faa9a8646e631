/**
 * 督办事项 over 编号/内容 and 时间 over 交办时间/完成时限, the way a 2019 template draws it; the
 * other headers are office synonyms (督办科室, 协办科室, 办理结果). Before, the number column was
 * read as the content and every item was （未编号）.
 */
import * as ExcelJS from "exceljs";
import { day, ledgerSheet } from "../../template";

export function build(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const l = ledgerSheet(wb, {
    name: "督办事项登记表",
    title: "督办事项登记表",
    subtitle: false,
    columns: [
      "序号",
      { group: "督办事项", subs: ["编号", "内容"] },
      "紧急程度",
      "密级",
      { group: "时间", subs: ["交办时间", "完成时限"] },
      "督办科室",
      "协办科室",
      "办理结果",
      "备注",
    ],
  });
  let r = l.firstRow;
  r = l.item(r, {
    序号: 1,
    编号: "〔2026〕7号",
    内容: "推进义务教育优质均衡创建",
    紧急程度: "加急",
    交办时间: day("2026-09-01"),
    完成时限: day("2026-11-20"),
    督办科室: "督导室",
    办理结果: "逾期办结",
  });
  r = l.item(r, {
    序号: 2,
    编号: "〔2026〕8号",
    内容: "核查民办学校年检材料",
    交办时间: day("2026-11-10"),
    完成时限: day("2026-12-03"),
    督办科室: "办公室",
    协办科室: "基教科、安全科",
  });
  r = l.item(r, {
    序号: 3,
    内容: "统计秋季学期控辍保学数据",
    交办时间: day("2026-11-28"),
    完成时限: day("2026-12-18"),
    督办科室: "基教科",
  });
  l.item(r, {
    序号: 4,
    编号: "〔2026〕9号",
    内容: "落实寒假安全教育",
    交办时间: day("2026-11-30"),
    完成时限: day("2027-01-15"),
    督办科室: "安全科",
  });
  return wb;
}
