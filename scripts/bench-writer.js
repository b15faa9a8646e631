#!/usr/bin/env node
// The package reader/writer against a bare ExcelJS load of the same file (issue 10's figure,
// issue 14's ratios): builds a 20,000-row registry (every 5th item unnumbered), then runs each
// of these three times, each in a fresh Node process, and prints the medians:
//   bare    ExcelJS readFile alone (what any ExcelJS-based tool pays before doing anything)
//   check   duban check FILE --json
//   status  duban status FILE --json
//   number  duban number FILE -o OUT --json (4,000 numbers written into the package)
// Time is the work after modules are loaded; memory is the process's peak RSS.
//   node scripts/bench-writer.js [ROWS]     (needs lib/: npx tsc -p tsconfig.cli.json)
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const ROWS = Number(process.argv[2] || 20000);

if (process.argv[2] === "--child") {
  child(process.argv[3], process.argv[4], process.argv[5]);
  return;
}

function child(mode, file, out) {
  (async () => {
    let work;
    if (mode === "bare") {
      const ExcelJS = require("exceljs");
      work = async () => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
      };
    } else {
      const { main } = require(path.join(ROOT, "lib/cli/main.js"));
      const io = { out: () => undefined, err: () => undefined, isTTY: false, today: "2026-11-25", cwd: path.dirname(file) };
      const argv = mode === "number" ? ["number", file, "-o", out, "--json"] : [mode, file, "--json"];
      work = async () => {
        const code = await main(argv, io);
        if (code > 1) throw new Error(`${mode} exited ${code}`);
      };
    }
    const t = process.hrtime.bigint();
    await work();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    process.stdout.write(JSON.stringify({ ms, rssMB: process.resourceUsage().maxRSS / 1024 }));
  })().catch((e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e));
    process.exit(3);
  });
}

async function makeRegistry(file, rows) {
  const ExcelJS = require("exceljs");
  const HEADERS = ["序号", "督办事项编号", "督办事项内容", "来文编号", "紧急程度", "密级", "任务下达时间", "要求完成时间",
    "督办科室或单位", "协办科室或单位", "承办单位负责人", "签收日期", "督办结果", "备注", "承办单位", "事项来源", "重大事项",
    "签发领导", "办结日期", "延期至", "延期批准人", "报告日期"];
  const SECTIONS = ["办公室", "秘书科", "督导室", "组织科", "基础教育科", "安全管理科"];
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

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function run(mode, file, out) {
  const samples = [];
  for (let i = 0; i < 3; i++) {
    if (out) fs.rmSync(out, { force: true });
    const text = execFileSync(process.execPath, [__filename, "--child", mode, file, out || ""], { encoding: "utf8" });
    samples.push(JSON.parse(text));
  }
  return { ms: median(samples.map((s) => s.ms)), rssMB: median(samples.map((s) => s.rssMB)) };
}

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-bench-writer-"));
  try {
    const file = path.join(dir, "registry.xlsx");
    await makeRegistry(file, ROWS);
    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    console.log(`node ${process.version}, ${os.cpus().length} cores (${cpu}); ${ROWS} rows, ${(fs.statSync(file).size / 1048576).toFixed(1)} MB; medians of 3`);
    const bare = run("bare", file);
    console.log(`bare ExcelJS load: ${bare.ms.toFixed(0)} ms, peak RSS ${bare.rssMB.toFixed(0)} MB`);
    for (const mode of ["check", "status", "number"]) {
      const out = mode === "number" ? path.join(dir, "numbered.xlsx") : null;
      const r = run(mode, file, out);
      console.log(
        `${mode}: ${r.ms.toFixed(0)} ms (${(r.ms / bare.ms).toFixed(2)}× bare), peak RSS ${r.rssMB.toFixed(0)} MB (${(r.rssMB / bare.rssMB).toFixed(2)}× bare)`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})();
