/**
 * Issue 10, hostile packages: the command line now parses zip and XML itself, so each class
 * of dangerous input has a named test. Each is refused by a reading command and by writing
 * commands (-o and --in-place): exit 2, one Chinese line on stderr (no stack trace), nothing
 * written beside the input, the input byte-identical, no secret file's content anywhere.
 */
import * as fs from "fs";
import * as path from "path";
import { makeTempDir, removeDir, runCli } from "../cli/helpers";
import * as hostile from "./packages";
import { expectRefused, expectUnchanged, snapshot } from "./refusal";

jest.setTimeout(120_000);

let root: string;
let secret: string;
const SECRET_TEXT = "DUBAN-SECRET-不应出现在任何输出中";

beforeAll(() => {
  root = makeTempDir();
  secret = path.join(root, "secret.txt");
  fs.writeFileSync(secret, SECRET_TEXT);
});
afterAll(() => removeDir(root));

/** The cases: name, how to build the package, and what the message must say (beyond being Chinese). */
const CASES: readonly [string, () => Buffer, RegExp?][] = [
  ["XML external entity (XXE) in a worksheet", () => hostile.xxeInSheet(secret)],
  ["XML external entity (XXE) and a parameter entity in the shared strings", () => hostile.xxeInSharedStrings(secret)],
  ["entity expansion (billion laughs) in the shared strings", () => hostile.billionLaughs()],
  [
    "a zip bomb: a 1 GiB sheet in a 1 MB file, refused by its stated size",
    () => hostile.zipBomb(),
    /MB|GB|过大|大小|解压/,
  ],
  ["part names with .. that climb out of the package", () => hostile.dotDotPartName()],
  ["a part name that is an absolute path", () => hostile.absolutePartName()],
  ["a truncated zip", () => hostile.truncatedZip(), /损坏|不完整/],
  ["a sheet whose dimension claims a million rows", () => hostile.millionRowDimension()],
  ["a cell of 40,000 characters (Excel allows 32,767)", () => hostile.longCell(), /32767|32,767|字符/],
];

const COMMANDS: readonly [string, (file: string, dir: string) => string[]][] = [
  ["check", (f) => ["check", f, "--json"]],
  ["number -o", (f, dir) => ["number", f, "-o", path.join(dir, "编号后.xlsx")]],
  ["refresh --in-place", (f) => ["refresh", f, "--in-place"]],
];

describe.each(COMMANDS)("duban %s refuses a hostile package", (_name, argv) => {
  // Objects, not tuples: a tuple shorter than the test's parameters makes jest pass `done`.
  it.each(CASES.map(([name, make, message]) => ({ name, make, message })))("$name", async ({ make, message }) => {
    const dir = fs.mkdtempSync(path.join(root, "case-"));
    const file = path.join(dir, "登记表.xlsx");
    fs.writeFileSync(file, make());
    const before = snapshot(dir);
    const r = await runCli(argv(file, dir), { cwd: dir, today: "2026-11-25" });
    expectRefused(r, message);
    expect(`${r.stdout}${r.stderr.join("")}`).not.toContain("DUBAN-SECRET");
    expectUnchanged(dir, before);
    expect(fs.existsSync(path.join(root, "duban-escaped.xml"))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
