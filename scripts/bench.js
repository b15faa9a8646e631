#!/usr/bin/env node
// `npm run bench`: how the engine scales with rows, against a bare ExcelJS load of the same file.
// Builds registries of 1,000 / 10,000 / 50,000 rows in a temp folder, then for each prints:
//   bare  = ExcelJS readFile alone (the floor: any .xlsx tool pays it)
//   read  = XlsxWorkbook.load + readSheets (cells → engine values)
//   full  = read + analyzeRegistry (locate, parse, all checks) + status of every row
// ratio = full / bare (goal ≤ 1.3), µs per row, and peak RSS. Each figure is the best of 3 runs.
// Needs lib/ (compiled by `npm ci`'s prepare step, or `npx tsc -p tsconfig.cli.json`).
const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");
const lib = path.resolve(__dirname, "..", "lib");
const { XlsxWorkbook } = require(path.join(lib, "adapters/xlsx/xlsx-workbook.js"));
const { analyzeRegistry } = require(path.join(lib, "domain/analyze.js"));
const { classifyItem } = require(path.join(lib, "domain/status.js"));

const { makeRegistry } = require("./bench-registry");

async function best(fn) {
  let min = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    await fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return min;
}

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-bench-"));
  const today = "2026-11-25";
  console.log(`node ${process.version}, ${os.cpus().length} cores; today = ${today}`);
  console.log("rows      bare ms   read ms   full ms   full/bare  µs/row(full)  peak RSS MB");
  try {
    for (const rows of [1000, 10000, 50000]) {
      const file = path.join(dir, `registry-${rows}.xlsx`);
      await makeRegistry(file, rows);
      const bare = await best(async () => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
      });
      const read = await best(async () => {
        const wb = await XlsxWorkbook.load(file);
        await wb.readSheets(await wb.sheetNames());
      });
      let items = 0;
      const full = await best(async () => {
        const wb = await XlsxWorkbook.load(file);
        const analysis = analyzeRegistry(await wb.readSheets(await wb.sheetNames()), today);
        for (const item of analysis.items) classifyItem(item, today, analysis.calendar, analysis.settings.warningDays);
        items = analysis.items.length;
      });
      if (items !== rows) throw new Error(`expected ${rows} items, read ${items}`);
      const rss = process.memoryUsage().rss / 1048576;
      console.log(
        `${String(rows).padEnd(9)} ${bare.toFixed(0).padStart(7)}   ${read.toFixed(0).padStart(7)}   ${full.toFixed(0).padStart(7)}   ` +
          `${(full / bare).toFixed(2).padStart(9)}  ${((full * 1000) / rows).toFixed(1).padStart(12)}  ${rss.toFixed(0).padStart(11)}`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
