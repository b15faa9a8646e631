#!/usr/bin/env node
/**
 * Renders a refreshed registry workbook to PNG images so a person can look at the traffic-light
 * colours: LibreOffice (headless) recalculates every formula and prints to PDF, then pdftoppm
 * turns each page into a PNG.
 *
 *   node scripts/render-registry.js [FILE] [--out DIR]
 *
 * FILE defaults to out/refresh-crosscheck/today.xlsx, made first (by the LibreOffice cross-check
 * test with DUBAN_KEEP_OUTPUT=1) when missing. Two sets of pages are written under DIR
 * (default out/render):
 *   <name>-screen-N.png  every column of the registry (状态 included), then the 督办看板;
 *   <name>-print-N.png   the registry as it prints: its own print area (the 14 official
 *                        columns), A4 landscape, header repeated.
 * Needs soffice (Debian: libreoffice-calc) and pdftoppm (poppler-utils) on PATH.
 */
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");

const ROOT = path.resolve(__dirname, "..");
const DEFAULT_FILE = path.join(ROOT, "out", "refresh-crosscheck", "today.xlsx");

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function onPath(name) {
  return (process.env.PATH || "").split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, name)));
}

function parseArgs(argv) {
  const args = { file: null, out: path.join(ROOT, "out", "render") };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") args.out = path.resolve(argv[++i] || fail("--out 缺少参数"));
    else if (argv[i] === "-h" || argv[i] === "--help") {
      process.stdout.write("用法：node scripts/render-registry.js [FILE] [--out DIR]\n");
      process.exit(0);
    } else args.file = path.resolve(argv[i]);
  }
  return args;
}

/** A LibreOffice profile that recalculates every formula on load (ExcelJS saves no results). */
function recalcProfile(dir) {
  const user = path.join(dir, "user");
  fs.mkdirSync(user, { recursive: true });
  const item = (name) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  fs.writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${item("OOXMLRecalcMode")}${item("ODFRecalcMode")}</oor:items>\n`,
  );
  return `file://${dir}`;
}

/** The registry sheet: the one whose header row (first 10 rows) has 督办事项内容. */
function registrySheet(wb) {
  for (const ws of wb.worksheets) {
    for (let r = 1; r <= 10; r++) {
      let found = false;
      ws.getRow(r).eachCell((c) => {
        if (String(c.value || "").replace(/\s+/g, "") === "督办事项内容") found = true;
      });
      if (found) return { ws, headerRow: r };
    }
  }
  return null;
}

/** Last row with anything but a formula giving "" (status formulas run far below the data). */
function lastContentRow(ws, skipCol) {
  let last = 1;
  ws.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      if (c === skipCol) return;
      if (cell.value !== null && cell.value !== undefined && cell.value !== "") last = Math.max(last, r);
    });
  });
  return last;
}

function colLetter(n) {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

async function prepare(file, mode, target) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const reg = registrySheet(wb);
  if (!reg) fail(`不是督办事项登记表：${file}`);
  const { ws, headerRow } = reg;
  let statusCol = 0;
  ws.getRow(headerRow).eachCell((c, col) => {
    if (String(c.value || "").trim() === "状态") statusCol = col;
  });
  // ExcelJS reads a print area back as A1:N9 and writes it as $A1:$N9, which LibreOffice
  // ignores; rows made absolute ("A$1") come out as $A$1:$N$9.
  for (const sheet of wb.worksheets) {
    const area = sheet.pageSetup && sheet.pageSetup.printArea;
    if (area) sheet.pageSetup.printArea = area.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/g, "$1$$$2");
  }
  const keep = mode === "screen" ? [ws.name, "督办看板"] : [ws.name];
  for (const sheet of wb.worksheets) if (!keep.includes(sheet.name)) sheet.state = "hidden";
  if (mode === "screen") {
    const lastCol = Math.max(statusCol, ws.columnCount);
    ws.pageSetup.printArea = `A$1:${colLetter(lastCol)}$${lastContentRow(ws, statusCol)}`;
    Object.assign(ws.pageSetup, {
      orientation: "landscape",
      paperSize: 8,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
  }
  await wb.xlsx.writeFile(target);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!onPath("soffice")) fail("未找到 soffice：请安装 LibreOffice（Debian：apt-get install libreoffice-calc）");
  if (!onPath("pdftoppm")) fail("未找到 pdftoppm：请安装 poppler-utils");
  let file = args.file;
  if (!file) {
    file = DEFAULT_FILE;
    if (!fs.existsSync(file)) {
      process.stdout.write("生成示例登记表（运行 LibreOffice 交叉验证测试）…\n");
      execFileSync("npx", ["jest", "test/cli/refresh-libreoffice.test.ts"], {
        cwd: ROOT,
        stdio: "inherit",
        env: { ...process.env, DUBAN_KEEP_OUTPUT: "1" },
      });
    }
  }
  if (!fs.existsSync(file)) fail(`文件不存在：${file}`);
  fs.mkdirSync(args.out, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "duban-render-"));
  try {
    const name = path.basename(file, path.extname(file));
    const written = [];
    for (const mode of ["screen", "print"]) {
      const copy = path.join(work, `${name}-${mode}.xlsx`);
      await prepare(file, mode, copy);
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=${recalcProfile(path.join(work, "profile"))}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          work,
          copy,
        ],
        { stdio: "pipe", timeout: 240000 },
      );
      const pdf = path.join(work, `${name}-${mode}.pdf`);
      if (!fs.existsSync(pdf)) fail(`LibreOffice 未能生成 PDF：${pdf}`);
      for (const old of fs.readdirSync(args.out)) {
        if (old.startsWith(`${name}-${mode}-`) && old.endsWith(".png")) fs.unlinkSync(path.join(args.out, old));
      }
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        mode === "screen" ? "110" : "80",
        pdf,
        path.join(args.out, `${name}-${mode}`),
      ]);
      written.push(...fs.readdirSync(args.out).filter((f) => f.startsWith(`${name}-${mode}-`) && f.endsWith(".png")));
    }
    process.stdout.write(`已生成 ${written.length} 张图片，位于 ${path.relative(ROOT, args.out) || args.out}：\n`);
    for (const f of written.sort()) process.stdout.write(`  ${f}\n`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => fail(`渲染失败：${error && error.message ? error.message : error}`));
