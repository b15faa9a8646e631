#!/usr/bin/env node
// Runs every jest project and closes with the plain line CI reads: "N passed, N failed".
// Extra arguments go to jest (e.g. `npm test -- test/domain`).
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const outFile = path.join(root, "out", "jest-result.json");
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.rmSync(outFile, { force: true });

const jest = path.join(root, "node_modules", "jest", "bin", "jest.js");
const run = spawnSync(process.execPath, [jest, "--json", `--outputFile=${outFile}`, ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});

let passed = 0;
let failed = 0;
let skipped = 0;
let suitesFailed = 0;
if (fs.existsSync(outFile)) {
  const result = JSON.parse(fs.readFileSync(outFile, "utf8"));
  passed = result.numPassedTests;
  failed = result.numFailedTests;
  skipped = result.numPendingTests + result.numTodoTests;
  suitesFailed = result.numRuntimeErrorTestSuites;
}
// A suite that fails to load counts as a failure even though it ran no test.
failed += suitesFailed;
const ok = run.status === 0 && failed === 0 && passed > 0;
if (!ok && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(ok ? 0 : 1);
