/**
 * Items over several rows: 序号, 编号, 内容 and the dates merged down, one row per 承办单位 with
 * its 负责人 and its own 督办结果. One item is closed only for one of its units (open), one for
 * all (closed); one merged item has no number yet (it gets one, in its top-left cell).
 */
import * as ExcelJS from "exceljs";
import { day, ledgerSheet, OFFICIAL_ROW } from "../../template";

export function build(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const l = ledgerSheet(wb, {
    name: "督办事项登记表",
    title: "督办事项登记表",
    columns: [...OFFICIAL_ROW, "承办单位"],
  });
  const shared = (seq: number, number: string | undefined, content: string, issued: string, due: string) => ({
    序号: seq,
    督办事项编号: number,
    督办事项内容: content,
    任务下达时间: day(issued),
    要求完成时间: day(due),
    督办科室或单位: "督导室",
  });
  let r = l.firstRow;
  r = l.item(r, shared(1, "〔2026〕11号", "各校完成消防设施检测", "2026-10-12", "2026-11-27"), [
    { 承办单位: "江津中学", 承办单位负责人: "王五", 督办结果: "已办结" },
    { 承办单位: "江津二中", 承办单位负责人: "赵六", 督办结果: "未办结" },
  ]);
  r = l.item(r, shared(2, "〔2026〕12号", "校车安全专项整治", "2026-09-01", "2026-10-31"), [
    { 承办单位: "几江小学", 承办单位负责人: "钱七", 督办结果: "按期办结" },
    { 承办单位: "东门小学", 承办单位负责人: "孙八", 督办结果: "按期办结" },
    { 承办单位: "鼎山小学", 承办单位负责人: "周九", 督办结果: "按期办结" },
  ]);
  r = l.item(r, shared(3, undefined, "落实学生午休课桌椅配备", "2026-11-18", "2026-12-04"), [
    { 承办单位: "实验中学", 承办单位负责人: "吴十" },
    { 承办单位: "田家炳中学", 承办单位负责人: "郑一" },
  ]);
  l.item(r, shared(4, "〔2026〕13号", "报送教师培训学时", "2026-11-20", "2026-12-20"), [
    { 承办单位: "进修学校", 承办单位负责人: "冯二" },
  ]);
  return wb;
}
