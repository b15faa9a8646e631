#!/usr/bin/env node
// `npm run bench` (issue 14): what each command costs against a bare ExcelJS load of the same
// file, what the add-in costs in Excel, and how heavy the pane and the refreshed file are.
// A script, not a test: it prints one `name: value` line per figure and a verdict per goal.
//
// Registries (scripts/bench-registry.js: a merged title, the extension columns, four years,
// every status) of 1,000, 10,000 and 50,000 items are built in a temp folder. For each size,
// every command runs in a fresh Node process, 5 times (3 at 50,000 rows; --runs N to change),
// interleaved (bare, check, status, number, refresh, bare, …) so drift of a shared machine hits
// all alike; the medians are shown.
//   time    bare: ExcelJS `readFile` alone, after `require("exceljs")` (the library's own load,
//           some 0.2–0.3 s, is printed but not counted: the strict baseline); a command: loading the command line (lib/cli/main.js) and
//           `main(argv)` (its modules load on demand), so a command pays its own module loading.
//   memory  the process's peak RSS (getrusage maxrss), module code included, on both sides.
//   cpu     user + system time over the same span (ExcelJS inflates on zlib's thread pool, so
//           its wall time can be below its CPU time); the goals are judged on wall time.
// Office: the adapter on the counting fake of the tests (test/adapters/office/fake-excel.ts,
// loaded through scripts/ts-register.js), check → number → refresh → notice → undo on one
// workbook: syncs and the largest request per operation, at 10,000 rows and at 50,000 (chunked).
// Pane: the scripts dist/taskpane.html loads (not the lazy chunks), gzipped; `npm run build`
// runs first when dist/ is missing. CLI start-up: `duban --help` and a usage error, wall time.
//
//   npm run bench                              (tsc for lib/, then this script)
//   node scripts/bench.js [--sizes 1000,10000,50000] [--runs N] [--office-sizes 10000,50000]
//                         [--skip office,pane,build] [--keep DIR] [--from-source] [--smoke]
// --from-source runs the command line from src/ (transpiled on require: slower, for checks only).
// --smoke: one run of everything on 200 rows from source, no build (test/bench keeps the script
// working with it; its figures mean nothing).
// --keep DIR leaves the registries (DIR/<rows>/registry-<rows>.xlsx) and the outputs of number
// and refresh there, e.g. to try the add-in on them (TESTING.md).
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");

const ROOT = path.resolve(__dirname, "..");
const MODES = ["bare", "check", "status", "number", "refresh"];
const SMOKE = process.argv.includes("--smoke");
const FROM_SOURCE = SMOKE || process.argv.includes("--from-source");
/** The command line measured: the compiled lib/ (bin/duban.js), or src/ transpiled on require. */
const CLI = FROM_SOURCE
  ? { main: path.join(__dirname, "bench-source-cli.js"), bin: path.join(__dirname, "bench-source-cli.js") }
  : { main: path.join(ROOT, "lib/cli/main.js"), bin: path.join(ROOT, "bin/duban.js") };

if (process.argv[2] === "--child") {
  child(process.argv[3], process.argv[4], process.argv[5], process.argv[6]);
  return;
}

/** One measured run in this (fresh) process; prints {ms, cpuMs, rssMB} as JSON. */
function child(mode, file, out, cliMain) {
  const { BENCH_TODAY } = require("./bench-registry");
  (async () => {
    let start;
    let cpu;
    let requireMs = 0;
    if (mode === "bare") {
      const before = process.hrtime.bigint();
      const ExcelJS = require("exceljs");
      start = process.hrtime.bigint();
      requireMs = Number(start - before) / 1e6;
      cpu = process.cpuUsage();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
    } else {
      start = process.hrtime.bigint();
      cpu = process.cpuUsage();
      const { main } = require(cliMain);
      const io = {
        out: () => undefined,
        err: (t) => process.stderr.write(`${t}\n`),
        isTTY: false,
        today: BENCH_TODAY,
        cwd: path.dirname(file),
      };
      const argv = {
        check: ["check", file, "--json"],
        status: ["status", file, "--json"],
        number: ["number", file, "-o", out, "--json"],
        refresh: ["refresh", file, "-o", out],
      }[mode];
      const code = await main(argv, io);
      if (code > 1) throw new Error(`${mode} exited ${code}`);
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    process.stdout.write(JSON.stringify({ ms, cpuMs, requireMs, rssMB: process.resourceUsage().maxRSS / 1024 }));
  })().catch((e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e));
    process.exit(3);
  });
}

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** A verdict on time or memory: null (not judged) when the command line runs from source. */
const timed = (met) => (FROM_SOURCE ? null : met);
const line = (name, value) => console.log(`${name}: ${value}`);
const mb = (bytes) => (bytes / 1048576).toFixed(1);

/** One run of `mode` in a fresh process: {ms, cpuMs, rssMB}, or {error} when it failed. */
function runChild(mode, file, out) {
  if (out) fs.rmSync(out, { force: true });
  const r = spawnSync(process.execPath, [__filename, "--child", mode, file, out || "", CLI.main], { encoding: "utf8" });
  if (r.status === 0) return JSON.parse(r.stdout);
  const why = (r.stderr || "").trim().split("\n")[0] || `signal ${r.signal}`;
  return { error: `exit ${r.status}: ${why}` };
}

/**
 * Medians of `runs` interleaved runs of every mode on `file` (a mode that failed once is
 * reported as failed); the outputs of number and refresh are left in `dir`.
 */
function measureCommands(file, dir, runs) {
  const samples = Object.fromEntries(MODES.map((m) => [m, []]));
  const outs = { number: path.join(dir, "numbered.xlsx"), refresh: path.join(dir, "refreshed.xlsx") };
  for (let i = 0; i < runs; i++) {
    for (const mode of MODES) {
      if (samples[mode].some((x) => x.error)) continue;
      samples[mode].push(runChild(mode, file, outs[mode]));
    }
  }
  const result = {};
  for (const mode of MODES) {
    const failed = samples[mode].find((x) => x.error);
    const of = (key) => median(samples[mode].map((x) => x[key]));
    result[mode] = failed
      ? { error: failed.error }
      : { ms: of("ms"), cpuMs: of("cpuMs"), requireMs: of("requireMs"), rssMB: of("rssMB") };
  }
  return { result, refreshed: result.refresh.error ? null : outs.refresh };
}

/** Wall time (ms, median of `runs`) of `node bin/duban.js ARGS` including Node's start-up (null: `node -e 0`). */
function cliWallTime(args, runs, expectedCode) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const argv = args ? [CLI.bin, ...args] : ["-e", "0"];
    const r = spawnSync(process.execPath, argv, { encoding: "utf8" });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== expectedCode) throw new Error(`duban ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

/** The registry's cells for the Office fake: dates as serials, and where they are. */
function officeInput(rows) {
  const { itemRows, HEADERS, BENCH_TODAY } = require("./bench-registry");
  const items = itemRows(rows);
  const cells = [["督办事项登记表"], HEADERS];
  const dateCells = [];
  items.forEach((item, i) =>
    cells.push(
      item.map((v, c) => {
        if (!(v instanceof Date)) return v === null ? "" : v;
        dateCells.push([i + 2, c]);
        return v.getTime() / 86400000 + 25569;
      }),
    ),
  );
  return {
    sheet: "督办事项登记表",
    rows: cells,
    dateCells,
    today: BENCH_TODAY,
    noticeNumber: items.find((r) => r[1])[1],
  };
}

async function officeLines(rows, goals) {
  require("./ts-register");
  const { officeFigures, OFFICE_OPERATIONS } = require("./bench-office.ts");
  let figures;
  try {
    figures = await officeFigures(officeInput(rows));
  } catch (error) {
    line(`office at ${rows} rows`, `failed (${String(error && error.message ? error.message : error).split("\n")[0]})`);
    goals.push([`office operations at ${rows} rows`, false, "failed"]);
    return;
  }
  const list = (key) => OFFICE_OPERATIONS.map((op) => `${op}=${figures[op][key]}`).join(" ");
  line(`office syncs at ${rows} rows`, list("syncs"));
  line(`office oversize attempts (refused, then split) at ${rows} rows`, list("failedSyncs"));
  const biggest = (key) => OFFICE_OPERATIONS.reduce((a, op) => (figures[op][key] > figures[a][key] ? op : a));
  const req = biggest("largestRequestBytes");
  const res = biggest("largestResponseBytes");
  line(`office largest request at ${rows} rows`, `${figures[req].largestRequestBytes} bytes (${req})`);
  line(`office largest response at ${rows} rows`, `${figures[res].largestResponseBytes} bytes (${res})`);
  const limit = 5 * 1024 * 1024;
  const under = figures[req].largestRequestBytes < limit && figures[res].largestResponseBytes < limit;
  if (rows === 10000) {
    goals.push([
      `office ≤ 3 syncs per operation at ${rows} rows`,
      OFFICE_OPERATIONS.every((op) => figures[op].syncs <= 3),
    ]);
  }
  goals.push([`office every request and response < 5 MB at ${rows} rows`, under]);
}

/** Newest modification time (ms) of what the pane's build reads: src/ and the build's configuration. */
function newestPaneSource() {
  let newest = 0;
  const visit = (p) => {
    const stat = fs.statSync(p);
    if (!stat.isDirectory()) newest = Math.max(newest, stat.mtimeMs);
    else for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  for (const p of ["src", "webpack.config.js", "package.json", "tsconfig.json"]) {
    if (fs.existsSync(path.join(ROOT, p))) visit(path.join(ROOT, p));
  }
  return newest;
}

/**
 * The scripts taskpane.html loads first (the lazy chunks excluded): the build's own report
 * (dist/bundle-sizes.json) when it writes one, otherwise the page's local <script src> and the
 * bundle its boot script names (data-bundle); office.js from Microsoft's CDN is not ours.
 * @returns {{files: string[], raw: number, gzip: number}}
 */
function paneInitialScripts(html) {
  const report = path.join(ROOT, "dist", "bundle-sizes.json");
  const initial = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, "utf8")).initial?.taskpane : null;
  if (initial) return { files: initial.files, raw: initial.raw, gzip: initial.gzip };
  const text = fs.readFileSync(html, "utf8");
  // Minified HTML may leave an attribute unquoted.
  const attr = (name) => new RegExp(`\\b${name}=(?:"([^"]+)"|'([^']+)'|([^\\s>]+))`, "g");
  const values = (name) => [...text.matchAll(attr(name))].map((m) => m[1] ?? m[2] ?? m[3]);
  const files = [...values("src"), ...values("data-bundle").flatMap((v) => v.split(/\s+/))]
    .filter((s) => s.endsWith(".js") && !/^(https?:)?\/\//.test(s))
    .map((s) => s.replace(/^\.?\//, "").split("?")[0]);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(ROOT, "dist", file));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

/** The pane's initial script gzipped (level 9); `npm run build` first when dist/ is missing or older than src/. */
function paneLines(skipBuild) {
  const html = path.join(ROOT, "dist", "taskpane.html");
  const stale = () => fs.existsSync(html) && fs.statSync(html).mtimeMs < newestPaneSource();
  if ((!fs.existsSync(html) || stale()) && !skipBuild) {
    console.error("dist/ is missing or older than src/: running npm run build (webpack, production) first …");
    const start = process.hrtime.bigint();
    const r = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    if (r.status !== 0) console.error("npm run build failed");
    line("pane build (npm run build) wall time", `${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(0)} s`);
  }
  if (!fs.existsSync(html)) {
    line("pane initial script gzipped", "missing (dist/taskpane.html not built: run npm run build)");
    return;
  }
  const { files, raw, gzip } = paneInitialScripts(html);
  const note = stale() ? "; STALE: dist/ is older than src/, run npm run build" : "";
  line(
    "pane initial script gzipped",
    `${gzip} bytes (${(gzip / 1024).toFixed(0)} KB; ${raw} bytes raw; ${files.join(", ")}${note})`,
  );
  line("pane initial script built", fs.statSync(html).mtime.toISOString());
}

const LIMITS = { check: [1.0, 1.0], status: [1.0, 1.0], number: [1.5, 1.2], refresh: [2.5, 2.0] };

/** The figures of one registry size: the bare load, each command against it, the refreshed file. */
async function sizeLines(rows, dir, runs, makeRegistry, goals) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `registry-${rows}.xlsx`);
  await makeRegistry(file, rows);
  line(`registry at ${rows} rows`, `${fs.statSync(file).size} bytes (${mb(fs.statSync(file).size)} MB)`);
  const { result, refreshed } = measureCommands(file, dir, runs);
  const bare = result.bare;
  if (bare.error) throw new Error(`the bare ExcelJS load failed: ${bare.error}`);
  line(
    `bare ExcelJS load at ${rows} rows`,
    `time_ms=${bare.ms.toFixed(0)} cpu_ms=${bare.cpuMs.toFixed(0)} peak_mb=${bare.rssMB.toFixed(0)} require_exceljs_ms=${bare.requireMs.toFixed(0)} (not counted)`,
  );
  for (const mode of MODES.slice(1)) {
    const r = result[mode];
    const [maxTime, maxMemory] = LIMITS[mode];
    const goal = `${mode} ≤ ${maxTime}× time, ≤ ${maxMemory}× memory at ${rows} rows`;
    if (r.error) {
      line(`${mode} at ${rows} rows`, `failed (${r.error})`);
      goals.push([goal, false, "failed"]);
      continue;
    }
    const t = r.ms / bare.ms;
    const c = r.cpuMs / bare.cpuMs;
    const m = r.rssMB / bare.rssMB;
    line(
      `${mode} at ${rows} rows`,
      `time_ms=${r.ms.toFixed(0)} time_ratio=${t.toFixed(2)} cpu_ms=${r.cpuMs.toFixed(0)} cpu_ratio=${c.toFixed(2)} ` +
        `peak_mb=${r.rssMB.toFixed(0)} memory_ratio=${m.toFixed(2)}`,
    );
    goals.push([
      goal,
      timed(t <= maxTime && m <= maxMemory),
      `time ${t.toFixed(2)}×, cpu ${c.toFixed(2)}×, memory ${m.toFixed(2)}×`,
    ]);
  }
  const size = refreshed
    ? `${fs.statSync(refreshed).size} bytes (${mb(fs.statSync(refreshed).size)} MB)`
    : "none (refresh failed)";
  line(`refreshed file at ${rows} rows`, size);
}

async function main() {
  const sizes = option("sizes", SMOKE ? "200" : "1000,10000,50000")
    .split(",")
    .map(Number);
  const officeSizes = option("office-sizes", SMOKE ? "200" : "10000,50000")
    .split(",")
    .map(Number);
  // Short processes are the noisiest on a shared machine: 5 runs up to 10,000 rows, 3 above.
  const runsFor = (rows) => Number(option("runs", SMOKE ? "1" : rows <= 10000 ? "5" : "3"));
  const skip = new Set([...option("skip", "").split(","), ...(SMOKE ? ["build"] : [])]);
  if (!fs.existsSync(CLI.main)) {
    console.error("lib/ is missing: run npx tsc -p tsconfig.cli.json (npm ci does it) first");
    process.exit(2);
  }
  const started = process.hrtime.bigint();
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  line(
    "machine",
    `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 1073741824)} GB, ${os.platform()} ${os.release()}, node ${process.version}`,
  );
  line(
    "load average at start",
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
  );
  line(
    "method",
    `medians of ${runsFor(1000)} runs (${runsFor(50000)} above 10,000 rows), each in a fresh process, commands interleaved`,
  );
  line(
    "command line measured",
    FROM_SOURCE ? "src/ transpiled on require (--from-source: figures not comparable)" : "lib/ (compiled)",
  );
  const goals = [];
  const node = cliWallTime(null, runsFor(0), 0);
  const help = cliWallTime(["--help"], runsFor(0), 0);
  const usage = cliWallTime(["check"], runsFor(0), 2);
  line("node start-up alone (node -e 0) wall time", `${node.toFixed(0)} ms`);
  line("duban --help wall time", `${help.toFixed(0)} ms`);
  line("duban argument error (check without a file) wall time", `${usage.toFixed(0)} ms`);
  goals.push(
    ["duban --help < 0.2 s", timed(help < 200), `${help.toFixed(0)} ms; node alone ${node.toFixed(0)} ms`],
    ["argument error < 0.2 s", timed(usage < 200), `${usage.toFixed(0)} ms`],
  );
  if (!skip.has("pane")) paneLines(skip.has("build"));

  const { makeRegistry } = require("./bench-registry");
  const keep = option("keep", null);
  const dir = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), "duban-bench-"));
  fs.mkdirSync(dir, { recursive: true });
  try {
    for (const rows of sizes) {
      await sizeLines(rows, keep ? path.join(dir, String(rows)) : dir, runsFor(rows), makeRegistry, goals);
    }
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
  if (!skip.has("office")) for (const rows of officeSizes) await officeLines(rows, goals);
  line(
    "load average at end",
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
  );
  line("bench wall time", `${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(0)} s`);
  const verdict = (met) => (met === null ? "not judged (--from-source)" : met ? "met" : "MISSED");
  for (const [goal, met, detail] of goals) line(`goal ${goal}`, `${verdict(met)}${detail ? ` (${detail})` : ""}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
