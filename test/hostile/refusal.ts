/** What every refusal must look like: exit 2, one Chinese line, no stack trace, nothing written, input intact. */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

export interface Refusal {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: readonly string[];
}

/** Every file below a folder with its bytes' hash and modification time, to tell whether anything was written. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d)) {
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      if (st.isDirectory()) walk(p);
      else
        out.set(
          path.relative(dir, p),
          `${createHash("sha256").update(fs.readFileSync(p)).digest("hex")}:${st.mtimeMs}`,
        );
    }
  };
  walk(dir);
  return out;
}

/** Asserts a refusal as the command-line contract states it. */
export function expectRefused(r: Refusal, message?: RegExp): void {
  expect({ code: r.code, stdout: r.stdout, lines: r.stderr.length }).toEqual({ code: 2, stdout: "", lines: 1 });
  const line = r.stderr[0];
  expect(line).not.toMatch(/\n/);
  expect(line).not.toMatch(/\bat\s+\S+\s+\(|\bat\s+\/|node:internal|Error:/);
  expect(line).toMatch(/[\u4e00-\u9fff]/);
  if (message) expect(line).toMatch(message);
}

/** Asserts that a folder holds exactly what it held before (nothing written, nothing left over). */
export function expectUnchanged(dir: string, before: Map<string, string>): void {
  expect([...snapshot(dir)].sort()).toEqual([...before].sort());
}
