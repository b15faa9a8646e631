/**
 * `npm run bench` is a script, not a test, and no test times anything; this keeps the script
 * from rotting: its smoke mode (200 rows, one run, the command line from src/, no build) must
 * print every figure issue 14 asks for, in `name: value` lines, with no command failing.
 * The figures themselves are not judged here (the smoke run says "not judged").
 */
import { spawnSync } from "child_process";
import path from "path";

const ROOT = path.resolve(__dirname, "../..");
const number = String.raw`\d+(\.\d+)?`;

describe("npm run bench (smoke mode)", () => {
  let lines: string[] = [];
  let status: number | null = null;
  let stderr = "";

  beforeAll(() => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/bench.js"), "--smoke"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    status = r.status;
    stderr = r.stderr;
    lines = r.stdout.trim().split("\n");
  }, 300_000);

  const value = (name: string): string => {
    const found = lines.find((l) => l.startsWith(`${name}: `));
    if (found === undefined) throw new Error(`no line "${name}: …" in:\n${lines.join("\n")}\n${stderr}`);
    return found.slice(name.length + 2);
  };

  it("exits 0 and prints only name: value lines", () => {
    expect({ status, stderr: status === 0 ? "" : stderr }).toEqual({ status: 0, stderr: "" });
    for (const l of lines) expect(l).toMatch(/^[^:]+: .+$/);
  });

  it("says where the figures come from and that they are from source", () => {
    expect(value("machine")).toMatch(/^\d+ cores \(/);
    expect(value("load average at start")).toMatch(new RegExp(`^${number} ${number} ${number}$`));
    expect(value("command line measured")).toContain("--from-source");
  });

  it("prints the command line's start-up next to node's own", () => {
    for (const name of [
      "node start-up alone (node -e 0) wall time",
      "duban --help wall time",
      "duban argument error (check without a file) wall time",
    ]) {
      expect(value(name)).toMatch(/^\d+ ms$/);
    }
  });

  it("prints the pane's initial script, or says that dist/ is not built", () => {
    expect(value("pane initial script gzipped")).toMatch(
      /^(\d+ bytes \(\d+ KB; \d+ bytes raw; .+\.js.*\)|missing \(.+\))$/,
    );
  });

  it("prints the bare load and each command's time, memory and ratios", () => {
    expect(value("registry at 200 rows")).toMatch(/^\d+ bytes/);
    expect(value("bare ExcelJS load at 200 rows")).toMatch(
      /^time_ms=\d+ cpu_ms=\d+ peak_mb=\d+ require_exceljs_ms=\d+ \(not counted\)$/,
    );
    for (const mode of ["check", "status", "number", "refresh"]) {
      expect(value(`${mode} at 200 rows`)).toMatch(
        new RegExp(
          `^time_ms=\\d+ time_ratio=${number} cpu_ms=\\d+ cpu_ratio=${number} peak_mb=\\d+ memory_ratio=${number}$`,
        ),
      );
    }
    const refreshed = Number(/^(\d+) bytes/.exec(value("refreshed file at 200 rows"))?.[1]);
    expect(refreshed).toBeGreaterThan(Number(/^(\d+) bytes/.exec(value("registry at 200 rows"))?.[1]));
  });

  it("prints the Office syncs and the largest request of every operation", () => {
    expect(value("office syncs at 200 rows")).toMatch(/^check=\d+ number=\d+ refresh=\d+ notice=\d+ undo=\d+$/);
    expect(value("office largest request at 200 rows")).toMatch(/^\d+ bytes \((check|number|refresh|notice|undo)\)$/);
    expect(value("office largest response at 200 rows")).toMatch(/^\d+ bytes \(\w+\)$/);
  });

  it("gives a verdict on every goal, timed ones not judged from source, none failed", () => {
    const goals = lines.filter((l) => l.startsWith("goal "));
    expect(goals.map((l) => l.split(":")[0])).toEqual(
      expect.arrayContaining([
        "goal duban --help < 0.2 s",
        "goal argument error < 0.2 s",
        "goal check ≤ 1× time, ≤ 1× memory at 200 rows",
        "goal status ≤ 1× time, ≤ 1× memory at 200 rows",
        "goal number ≤ 1.5× time, ≤ 1.2× memory at 200 rows",
        "goal refresh ≤ 2.5× time, ≤ 2× memory at 200 rows",
        "goal office every request and response < 5 MB at 200 rows",
      ]),
    );
    for (const l of goals.filter((g) => /time|--help|argument/.test(g.split(":")[0])))
      expect(l).toContain(": not judged (--from-source)");
    expect(value("goal office every request and response < 5 MB at 200 rows")).toBe("met");
    expect(lines.filter((l) => /failed/.test(l))).toEqual([]);
    expect(value("bench wall time")).toMatch(/^\d+ s$/);
  });
});
