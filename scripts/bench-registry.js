// The registry workbooks the bench scripts build (bench.js, refresh-figures.js): a merged title
// over the form's 14 official headers and the product's extension columns (承办单位 … 报告日期),
// then `rows` items in date order over four years (2023 – late 2026), numbered per year with
// every 5th item still unnumbered, and every status as of BENCH_TODAY: 已办结 (by 办结日期 or by
// 督办结果), 已终止, 逾期, 临期, 办理中, no deadline, extended (延期至 with its approver).
// Dates are real dates (ExcelJS writes them as serials with a date format). ExcelJS is loaded
// only to write a file, so the bench's measured processes can read BENCH_TODAY without it.

const HEADERS = [
  "序号",
  "督办事项编号",
  "督办事项内容",
  "来文编号",
  "紧急程度",
  "密级",
  "任务下\n达时间",
  "要求完\n成时间",
  "督办科室或单位",
  "协办科室或单位",
  "承办单位负责人",
  "签收日期",
  "督办结果",
  "备注",
  "承办单位",
  "事项来源",
  "重大事项",
  "签发领导",
  "办结日期",
  "延期至",
  "延期批准人",
  "报告日期",
];
const SECTIONS = ["办公室", "秘书科", "督导室", "组织科", "基础教育科", "安全管理科"];
const UNITS = ["江津区第二中学", "几江小学", "区教师进修学校", "白沙中学", "区教育考试中心"];
const TOPICS = ["校园安全隐患排查整改", "课后服务经费核算", "教师培训计划落实", "食堂食品安全检查", "学籍信息核查"];
const BENCH_TODAY = "2026-11-25";
const DAY = 86400000;
const FIRST = Date.UTC(2023, 0, 3);
const LAST = Date.UTC(2026, 10, 24);

/** The item rows (no title, no headers) as cell values: numbers, text, Dates or null. */
function itemRows(rows) {
  const out = [];
  const seqByYear = new Map();
  for (let i = 0; i < rows; i++) {
    const issued = new Date(FIRST + Math.floor((i * (LAST - FIRST)) / DAY / rows) * DAY);
    const year = issued.getUTCFullYear();
    const kind = i % 12;
    const due = kind === 7 ? null : new Date(issued.getTime() + (10 + (i % 40)) * DAY);
    const past = due !== null && due.getTime() < LAST;
    const closedByDate = past && kind >= 1 && kind <= 4;
    const closedByText = past && kind === 5;
    const closed = closedByDate ? new Date(due.getTime() - ((i % 5) + 1) * DAY) : null;
    const extended = kind === 8 ? new Date(due.getTime() + 30 * DAY) : null;
    const result =
      kind === 0 ? "终止" : closedByText ? "逾期办结" : closedByDate ? "按期办结" : i % 9 === 0 ? "尚未办结" : "";
    let number = "";
    if (i % 5 !== 0) {
      const seq = (seqByYear.get(year) ?? 0) + 1;
      seqByYear.set(year, seq);
      number = `〔${year}〕${seq}号`;
    }
    out.push([
      i + 1,
      number,
      `落实第${i + 1}项督办事项：${TOPICS[i % TOPICS.length]}`,
      `江教发〔${year}〕${(i % 90) + 1}号`,
      ["特急", "加急", "一般"][i % 3],
      "公开",
      issued,
      due,
      SECTIONS[i % SECTIONS.length],
      i % 4 === 0 ? "财务科、基础教育科" : "",
      "张三",
      new Date(issued.getTime() + DAY),
      result,
      i % 11 === 0 ? "已电话催办" : "",
      UNITS[i % UNITS.length],
      ["区委督查", "区政府督查", "局党组会议", "主任办公会"][i % 4],
      i % 7 === 0 ? "是" : "否",
      "李四",
      closed,
      extended,
      extended ? "王五" : "",
      i % 6 === 0 ? new Date(issued.getTime() + 5 * DAY) : null,
    ]);
  }
  return out;
}

/** Writes the registry of `rows` items to `file` (.xlsx) through ExcelJS, as an office would have it. */
async function makeRegistry(file, rows) {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("督办事项登记表");
  ws.addRow(["督办事项登记表"]);
  ws.mergeCells(1, 1, 1, 14);
  ws.addRow(HEADERS);
  for (const row of itemRows(rows)) ws.addRow(row);
  await wb.xlsx.writeFile(file);
}

module.exports = { makeRegistry, itemRows, HEADERS, BENCH_TODAY };
