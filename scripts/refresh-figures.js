#!/usr/bin/env node
// The README's refresh figures: builds a registry of ROWS items (default 10,000; the bench's
// generator), runs `duban refresh` on it with the CLI given (default this worktree's
// bin/duban.js; pass another checkout's to measure it), then prints the sizes of the input and
// the refreshed file, the registry sheet's XML and its formula text, the longest formula, and
// how long LibreOffice (headless, a fresh profile each run) takes to open each file and save its
// first sheet as CSV — the best of RUNS runs.
//
//   node scripts/refresh-figures.js [--duban path/to/bin/duban.js] [--rows 10000] [--runs 3]
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { strFromU8, unzipSync } = require("fflate");
const { makeRegistry } = require("./bench-registry");

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
}

const duban = path.resolve(arg("duban", path.join(__dirname, "..", "bin", "duban.js")));
const rows = Number(arg("rows", "10000"));
const runs = Number(arg("runs", "3"));

/** Seconds LibreOffice takes to open `file` and write its first sheet as CSV (best of `runs`). */
function openSeconds(file, dir) {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const profile = fs.mkdtempSync(path.join(dir, "lo-profile-"));
    const out = fs.mkdtempSync(path.join(dir, "lo-out-"));
    const start = process.hrtime.bigint();
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "csv", "--outdir", out, file],
      {
        stdio: "pipe",
        timeout: 900000,
      },
    );
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
    fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }
  return best;
}

/** The registry sheet's XML: its size and its formulas. */
function registryXml(file) {
  const zip = unzipSync(fs.readFileSync(file));
  const text = (name) => strFromU8(zip[name]);
  const rid = /<sheet [^>]*name="督办事项登记表"[^>]*r:id="([^"]+)"/.exec(text("xl/workbook.xml"))[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(text("xl/_rels/workbook.xml.rels"))[1];
  const xml = text(`xl/${target.replace(/^\/?xl\//, "")}`);
  const formulas = [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) =>
    m[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
  );
  const longest = Math.max(
    0,
    ...[...Object.keys(zip)]
      .filter((n) => n.startsWith("xl/worksheets/"))
      .flatMap((n) =>
        [...text(n).matchAll(/<f>([^<]*)<\/f>/g)].map(
          (m) => m[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&").length,
        ),
      ),
  );
  return { bytes: Buffer.byteLength(xml), formulaChars: formulas.reduce((n, f) => n + f.length, 0), longest };
}

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-figures-"));
  try {
    const input = path.join(dir, "registry.xlsx");
    const output = path.join(dir, "refreshed.xlsx");
    await makeRegistry(input, rows);
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, [duban, "refresh", input, "-o", output, "--today", "2026-11-25"], { stdio: "pipe" });
    const refreshSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const mb = (n) => (n / 1048576).toFixed(1);
    const [inXml, outXml] = [registryXml(input), registryXml(output)];
    const [inOpen, outOpen] = [openSeconds(input, dir), openSeconds(output, dir)];
    const cpu = os.cpus()[0]?.model ?? "?";
    console.log(
      `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 1073741824)} GB, node ${process.version}`,
    );
    console.log(`CLI: ${duban}; ${rows} items; duban refresh ${refreshSeconds.toFixed(1)} s`);
    console.log("file        size MB   registry sheet XML MB   formula text MB   longest formula   LibreOffice open s");
    const line = (name, file, xml, open) =>
      console.log(
        `${name.padEnd(11)} ${mb(fs.statSync(file).size).padStart(7)}   ${mb(xml.bytes).padStart(21)}   ${mb(xml.formulaChars).padStart(15)}   ${String(xml.longest).padStart(15)}   ${open.toFixed(1).padStart(18)}`,
      );
    line("input", input, inXml, inOpen);
    line("refreshed", output, outXml, outOpen);
    console.log(`open time refreshed / input: ${(outOpen / inOpen).toFixed(2)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
