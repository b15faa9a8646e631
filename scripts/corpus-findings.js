#!/usr/bin/env node
/**
 * Summarises what the corpus harness found (out/corpus-findings/<command>.json, written by
 * `npx jest test/corpus`): per command, the findings every workbook shares, then per workbook
 * only what is particular to it — the list of features a writer loses or damages.
 *
 *   node scripts/corpus-findings.js [DIR] [--all]
 *
 * --all prints every finding instead of at most 6 per kind and workbook.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const args = process.argv.slice(2);
const all = args.includes("--all");
const dir = path.resolve(args.find((a) => !a.startsWith("--")) || path.join(__dirname, "..", "out", "corpus-findings"));
if (!fs.existsSync(dir)) {
  process.stderr.write(`没有找到 ${dir}：请先运行 npx jest test/corpus\n`);
  process.exit(2);
}

const line = (f) => `[${f.kind}] ${f.where}: ${f.detail}`;

function printLimited(lines, indent) {
  const byKind = new Map();
  for (const l of lines) {
    const kind = l.slice(1, l.indexOf("]"));
    byKind.set(kind, [...(byKind.get(kind) || []), l]);
  }
  for (const [kind, of] of byKind) {
    const shown = all ? of : of.slice(0, 6);
    for (const l of shown) process.stdout.write(`${indent}${l}\n`);
    if (shown.length < of.length) process.stdout.write(`${indent}[${kind}] …另有 ${of.length - shown.length} 条\n`);
  }
}

for (const file of fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()) {
  const command = path.basename(file, ".json");
  const cases = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  const out = cases.filter((c) => c.mode === "out");
  const sets = out.map((c) => new Set(c.findings.map(line)));
  const common = sets.length ? [...sets[0]].filter((l) => sets.every((s) => s.has(l))) : [];
  process.stdout.write(`\n## duban ${command}\n`);
  const failed = cases.filter((c) => c.code !== 0);
  for (const c of failed) process.stdout.write(`  退出码 ${c.code}（${c.file}, ${c.mode}）：${c.stderr.join(" ")}\n`);
  process.stdout.write(`  所有工作簿共有（${common.length} 条）：\n`);
  printLimited(common, "    ");
  for (const c of out) {
    const own = c.findings.map(line).filter((l) => !common.includes(l));
    const inPlace = cases.find((x) => x.mode === "in-place" && x.file === c.file);
    const differs = inPlace && JSON.stringify(inPlace.findings.map(line)) !== JSON.stringify(c.findings.map(line));
    process.stdout.write(
      `  ${c.file}：${own.length === 0 ? "无特有问题" : `${own.length} 条特有问题`}${differs ? "（--in-place 的结果不同）" : ""}\n`,
    );
    printLimited(own, "    ");
  }
}
