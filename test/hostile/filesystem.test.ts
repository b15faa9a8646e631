/**
 * Issue 10: a full disk, a read-only folder, a workbook open in Excel. Whatever happens, the
 * input stays byte-identical, nothing half-written is left behind (no temp file, no partial
 * output; a backup may remain only as an exact copy of the input), and the one Chinese line on
 * stderr says what went wrong and what to do.
 *
 * A full disk and a file held open by Windows are simulated (fs-faults.ts); a read-only folder
 * is real when chmod stops this process, simulated when it does not (running as root).
 */
import * as fs from "fs";
import * as path from "path";
import { makeTempDir, removeDir, runCli } from "../cli/helpers";
import { chmodProtects, injectFault, type FaultCode } from "./fs-faults";
import { cleanWorkbook } from "./packages";
import { expectRefused, snapshot } from "./refusal";

jest.setTimeout(60_000);

let root: string;
let workbook: Buffer;
let realReadOnly: boolean;
beforeAll(() => {
  root = makeTempDir();
  workbook = cleanWorkbook();
  realReadOnly = chmodProtects(root);
});
afterAll(() => removeDir(root));
afterEach(() => jest.restoreAllMocks());

/** A fresh folder holding 登记表.xlsx. */
function folder(): { dir: string; input: string } {
  const dir = fs.mkdtempSync(path.join(root, "case-"));
  const input = path.join(dir, "登记表.xlsx");
  fs.writeFileSync(input, workbook);
  return { dir, input };
}

/** The input is byte-identical; every new file in the folder is a backup identical to it. */
function expectIntact(dir: string, input: string, before: Map<string, string>): void {
  expect(Buffer.compare(fs.readFileSync(input), workbook)).toBe(0);
  const added = [...snapshot(dir).keys()].filter((f) => !before.has(f));
  const stray = added.filter(
    (f) => !/\.backup-\d+\.xlsx$/.test(f) || Buffer.compare(fs.readFileSync(path.join(dir, f)), workbook) !== 0,
  );
  expect(stray).toEqual([]);
}

/** Runs `duban number` (a writing command) with a fault injected below `faultDir`. */
async function runWithFault(
  argv: string[],
  cwd: string,
  faultDir: string | null,
  code: FaultCode | null,
  options: { copies?: boolean } = {},
) {
  const restore = faultDir && code ? injectFault(faultDir, code, options) : () => undefined;
  try {
    return await runCli(argv, { cwd, today: "2026-11-25" });
  } finally {
    restore();
  }
}

const SAYS_DISK_FULL = /磁盘.*空间|空间不足/;
const SAYS_NO_PERMISSION = /权限|只读/;
const SAYS_OPEN_IN_EXCEL = /Excel|打开|占用/;

describe("a full disk (ENOSPC)", () => {
  it("while writing -o OUT: refused, no output and no temp file left, input intact, says to free space", async () => {
    const { dir, input } = folder();
    const before = snapshot(dir);
    const r = await runWithFault(["number", input, "-o", path.join(dir, "编号后.xlsx")], dir, dir, "ENOSPC");
    expectRefused(r, SAYS_DISK_FULL);
    expect(r.stderr[0]).toMatch(/请/);
    expect(fs.existsSync(path.join(dir, "编号后.xlsx"))).toBe(false);
    expectIntact(dir, input, before);
  });

  it("while backing up for --in-place: refused, the input intact, no partial backup or temp file left", async () => {
    const { dir, input } = folder();
    const before = snapshot(dir);
    const r = await runWithFault(["number", input, "--in-place"], dir, dir, "ENOSPC");
    expectRefused(r, SAYS_DISK_FULL);
    expect(r.stderr[0]).toMatch(/请/);
    expectIntact(dir, input, before);
  });

  it("--in-place after the backup was made: refused, the input intact, no temp file left", async () => {
    const { dir, input } = folder();
    const before = snapshot(dir);
    const r = await runWithFault(["number", input, "--in-place"], dir, dir, "ENOSPC", { copies: false });
    expectRefused(r, SAYS_DISK_FULL);
    expect(r.stderr[0]).toMatch(/请/);
    expectIntact(dir, input, before);
  });
});

describe("a read-only folder", () => {
  /** Makes `dir` read-only for real when chmod protects, else by simulation; returns the fault to inject. */
  function readOnly(dir: string): FaultCode | null {
    if (!realReadOnly) return "EACCES";
    fs.chmodSync(dir, 0o555);
    return null;
  }
  afterEach(() => {
    for (const d of fs.readdirSync(root)) fs.chmodSync(path.join(root, d), 0o755);
  });

  it("-o OUT into it: refused, nothing written there, input intact, says to choose another folder", async () => {
    const { dir, input } = folder();
    const locked = fs.mkdtempSync(path.join(root, "readonly-"));
    const fault = readOnly(locked);
    const before = snapshot(dir);
    const r = await runWithFault(["number", input, "-o", path.join(locked, "编号后.xlsx")], dir, locked, fault);
    expectRefused(r, SAYS_NO_PERMISSION);
    expect(r.stderr[0]).toMatch(/请/);
    expect(fs.readdirSync(locked)).toEqual([]);
    expectIntact(dir, input, before);
  });

  it("--in-place in it: refused, input intact, says what to do", async () => {
    const { dir, input } = folder();
    const fault = readOnly(dir);
    const before = snapshot(dir);
    const r = await runWithFault(["number", input, "--in-place"], dir, dir, fault);
    expectRefused(r, SAYS_NO_PERMISSION);
    expect(r.stderr[0]).toMatch(/请/);
    expectIntact(dir, input, before);
  });
});

describe("a workbook open in Excel", () => {
  /** The owner file Excel keeps beside an open workbook (on a share too): ~$ + the name. */
  function ownerFile(dir: string, name: string): void {
    const owner = Buffer.alloc(165);
    owner.write("张敏", 1, "utf16le");
    fs.writeFileSync(path.join(dir, `~$${name}`), owner);
  }

  it("--in-place while ~$登记表.xlsx is beside it: refused before writing, says to close it in Excel", async () => {
    const { dir, input } = folder();
    ownerFile(dir, "登记表.xlsx");
    const before = snapshot(dir);
    const r = await runWithFault(["number", input, "--in-place"], dir, null, null);
    expectRefused(r, SAYS_OPEN_IN_EXCEL);
    expect(r.stderr[0]).toMatch(/关闭/);
    expect([...snapshot(dir)].sort()).toEqual([...before].sort());
  });

  it("-o OUT while OUT is open in Excel (~$OUT beside it): refused, OUT untouched", async () => {
    const { dir, input } = folder();
    const out = path.join(dir, "编号后.xlsx");
    fs.writeFileSync(out, workbook);
    ownerFile(dir, "编号后.xlsx");
    const before = snapshot(dir);
    const r = await runWithFault(["number", input, "-o", out], dir, null, null);
    expectRefused(r, SAYS_OPEN_IN_EXCEL);
    expect(r.stderr[0]).toMatch(/关闭/);
    expect([...snapshot(dir)].sort()).toEqual([...before].sort());
  });

  it("--in-place when the file cannot be replaced (EBUSY: held open on Windows): input intact, says to close it", async () => {
    const { dir, input } = folder();
    const before = snapshot(dir);
    const r = await runWithFault(["number", input, "--in-place"], dir, dir, "EBUSY");
    expectRefused(r, SAYS_OPEN_IN_EXCEL);
    expect(r.stderr[0]).toMatch(/关闭/);
    expectIntact(dir, input, before);
  });
});
