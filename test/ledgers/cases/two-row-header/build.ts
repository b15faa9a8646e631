/**
 * A WPS template as a district office fills it: merged title, 填报单位/填报日期 line, a two-row
 * header — 时间 over 任务下达时间/要求完成时间, 督办单位 over 督办/协办, the other headers merged
 * down both rows. On 2026-12-02 an item due 11-30 is 逾期 and one due 12-04 is 临期; the
 * sub-header row is no item.
 */
import * as ExcelJS from "exceljs";
import { day, ledgerSheet } from "../../template";

export function build(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const l = ledgerSheet(wb, {
    name: "督办台账",
    title: "重庆市江津区教育委员会督办事项登记表",
    columns: [
      "序号",
      "督办事项编号",
      "督办事项内容",
      "来文编号",
      "紧急程度",
      "密级",
      { group: "时间", subs: ["任务下达时间", "要求完成时间"] },
      { group: "督办单位", subs: ["督办", "协办"] },
      "承办单位负责人",
      "签收日期",
      "督办结果",
      "备注",
    ],
  });
  let r = l.firstRow;
  const base = { 紧急程度: "一般", 密级: "公开", 督办: "督导室" };
  r = l.item(r, {
    ...base,
    序号: 1,
    督办事项编号: "〔2026〕1号",
    督办事项内容: "落实校园安全隐患排查整治",
    任务下达时间: day("2026-11-02"),
    要求完成时间: day("2026-11-30"),
    协办: "安全科",
  });
  r = l.item(r, {
    ...base,
    序号: 2,
    督办事项编号: "〔2026〕2号",
    督办事项内容: "报送课后服务经费使用情况",
    任务下达时间: day("2026-11-16"),
    要求完成时间: day("2026-12-04"),
    督办: "办公室",
  });
  r = l.item(r, {
    ...base,
    序号: 3,
    督办事项内容: "完成冬季学生体质健康测试",
    任务下达时间: day("2026-11-20"),
    要求完成时间: day("2026-12-31"),
    督办: "基教科",
  });
  r = l.item(r, {
    ...base,
    序号: 4,
    督办事项编号: "〔2026〕4号",
    督办事项内容: "整改食堂食品安全检查问题",
    任务下达时间: day("2026-10-08"),
    要求完成时间: day("2026-10-30"),
    签收日期: day("2026-10-09"),
    督办结果: "按期办结",
  });
  l.item(r, {
    ...base,
    序号: 5,
    督办事项内容: "开展教师师德师风专项检查",
    任务下达时间: day("2026-11-25"),
    要求完成时间: day("2026-12-15"),
    督办: "组织科",
    承办单位负责人: "李明",
  });
  return wb;
}
