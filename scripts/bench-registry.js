// The registry workbooks the bench scripts build: a merged title, the form's 22 headers, and
// `rows` items with realistic text, dates as real dates, a third closed (bench.js, refresh-figures.js).
const ExcelJS = require("exceljs");

const HEADERS = ["序号", "督办事项编号", "督办事项内容", "来文编号", "紧急程度", "密级", "任务下\n达时间", "要求完\n成时间",
  "督办科室或单位", "协办科室或单位", "承办单位负责人", "签收日期", "督办结果", "备注", "承办单位", "事项来源", "重大事项",
  "签发领导", "办结日期", "延期至", "延期批准人", "报告日期"];
const SECTIONS = ["办公室", "秘书科", "督导室", "组织科", "基础教育科", "安全管理科"];

async function makeRegistry(file, rows) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("督办事项登记表");
  ws.addRow(["督办事项登记表"]);
  ws.mergeCells(1, 1, 1, 14);
  ws.addRow(HEADERS);
  const base = Date.UTC(2025, 0, 2);
  for (let i = 0; i < rows; i++) {
    const issued = new Date(base + (i % 600) * 86400000);
    const due = new Date(issued.getTime() + (10 + (i % 40)) * 86400000);
    const closed = i % 3 === 0 ? new Date(due.getTime() - 86400000) : null;
    ws.addRow([i + 1, i % 5 === 0 ? "" : `〔${issued.getUTCFullYear()}〕${i + 1}号`, `落实第${i + 1}项督办事项：校园安全隐患排查整改`,
      `江教发〔2025〕${i % 90}号`, ["特急", "加急", "一般"][i % 3], "公开", issued, due, SECTIONS[i % SECTIONS.length], "财务科、基础教育科",
      "张三", issued, closed ? "按期办结" : "", "", "某某中学", "主任办公会", i % 7 === 0 ? "是" : "否", "李四", closed, null, "", null]);
  }
  await wb.xlsx.writeFile(file);
}

module.exports = { makeRegistry, HEADERS };
