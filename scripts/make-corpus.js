#!/usr/bin/env node
/**
 * Writes the corpus of workbooks the writer tests run on (one workbook per feature a ledger may
 * hold: charts, pivot tables, sparklines, threaded comments, macros …), so a person can open
 * them in Excel or LibreOffice:
 *
 *   node scripts/make-corpus.js [DIR]      (default out/corpus)
 *
 * The workbooks are built by test/corpus/build (package XML written directly, no binaries);
 * this script loads those TypeScript files through the compiler's transpileModule, so it needs
 * nothing but the project's own devDependencies.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

// Load .ts files by transpiling them (types are not checked here: `npm run typecheck` does that).
require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};

const args = process.argv.slice(2);
if (args.includes("-h") || args.includes("--help")) {
  process.stdout.write("用法：node scripts/make-corpus.js [输出文件夹]（默认 out/corpus）\n");
  process.exit(0);
}
const dir = path.resolve(args[0] || path.join(__dirname, "..", "out", "corpus"));
const { writeCorpus, CORPUS } = require("../test/corpus/build/corpus.ts");
const files = writeCorpus(dir);
files.forEach((file, i) => {
  process.stdout.write(`${path.basename(file)}  ${CORPUS[i].feature}\n`);
});
process.stdout.write(`已生成 ${files.length} 个工作簿：${dir}\n`);
