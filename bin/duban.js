#!/usr/bin/env node
"use strict";
/* global require, process */
// The `duban` command: runs the compiled command line in lib/ (built by `tsc -p tsconfig.cli.json`).
let entry;
try {
  entry = require("../lib/cli/run.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes("run.js")) {
    process.stderr.write("duban 尚未编译：请先在项目目录运行 npx tsc -p tsconfig.cli.json\n");
    process.exit(2);
  }
  throw error;
}
entry.run().catch((error) => {
  process.stderr.write(`发生意外错误：${error && error.message ? error.message : error}\n`);
  process.exitCode = 2;
});
