/**
 * The harness of issue 10 for one writing command, over the whole corpus:
 *   - with `-o` and with `--in-place`: exit 0, every input part present, parts the command had
 *     no reason to change byte-identical, names, number formats, protection, content types,
 *     relationships, cells and rows kept (see policy.ts for what each command may change);
 *   - LibreOffice opens every `-o` output and recalculates the workbook's own formulas to the
 *     values it computes for the input.
 * Findings of every case are written to out/corpus-findings/<command>.json for reading.
 */
import * as fs from "fs";
import * as path from "path";
import { COMMANDS } from "../../../src/cli/commands";
import { makeTempDir, removeDir } from "../../cli/helpers";
import { buildCorpus, CORPUS } from "../build/corpus";
import { readParts } from "../ooxml/zip";
import { dependentFormulas } from "./dependencies";
import { formatFindings, type Finding } from "./findings";
import { formulaValues, libreOfficeDescribe, recalculatedValues, recalculateAll } from "./libreoffice";
import type { CommandName } from "./policy";
import { runCase, type CaseResult, type Mode } from "./run-case";

const FINDINGS_DIR = path.resolve(__dirname, "../../../out/corpus-findings");

function describeCase(r: CaseResult | undefined): string {
  if (!r) return "（没有运行）";
  if (r.code !== 0) return `退出码 ${r.code}：${r.stderr.join(" ")}`;
  return formatFindings(r.findings);
}

/**
 * LibreOffice's values for the input's formulas, compared with those for the output — all but
 * the formulas that depend on cells the command set (their values may change).
 */
function recalcFindings(
  input: Uint8Array,
  set: readonly string[],
  lo: { input: string | null; output: string | null },
): Finding[] {
  if (!lo.input) return [{ kind: "libreoffice", where: "输入", detail: "LibreOffice 打不开输入文件" }];
  if (!lo.output) return [{ kind: "libreoffice", where: "输出", detail: "LibreOffice 打不开输出文件" }];
  const parts = readParts(input);
  const own = formulaValues(parts);
  const exempt = new Set([...set, ...dependentFormulas(parts, new Set(set))]);
  const before = recalculatedValues(lo.input);
  const after = recalculatedValues(lo.output);
  const out: Finding[] = [];
  for (const key of own.keys()) {
    if (!exempt.has(key) && before.get(key) !== after.get(key)) {
      out.push({
        kind: "libreoffice",
        where: key,
        detail: `重新计算：输入得“${before.get(key) ?? "（无）"}”，输出得“${after.get(key) ?? "（无公式）"}”`,
      });
    }
  }
  return out;
}

/** Defines the harness tests of one command (a todo when the command line lacks it). */
export function describeWritingCommand(command: CommandName): void {
  if (!COMMANDS.some((c) => c.name === command)) {
    it.todo(`duban ${command} is not on this branch yet: its corpus cases run once it is`);
    return;
  }
  const corpus = buildCorpus();
  const results = new Map<string, CaseResult>();
  const key = (file: string, mode: Mode) => `${mode}:${file}`;
  let dir = "";

  describe(`duban ${command} on the corpus changes only what it sets`, () => {
    beforeAll(async () => {
      dir = makeTempDir();
      for (const { entry, bytes } of corpus) {
        for (const mode of ["out", "in-place"] as const)
          results.set(key(entry.file, mode), await runCase(command, entry.file, bytes, mode, dir));
      }
    }, 240_000);

    afterAll(() => {
      fs.mkdirSync(FINDINGS_DIR, { recursive: true });
      const summary = [...results.values()].map((r) => ({
        file: r.file,
        mode: r.mode,
        code: r.code,
        stderr: r.stderr,
        findings: r.findings,
      }));
      fs.writeFileSync(path.join(FINDINGS_DIR, `${command}.json`), `${JSON.stringify(summary, null, 1)}\n`);
      if (dir) removeDir(dir);
    });

    const cases = CORPUS.flatMap((e) => (["out", "in-place"] as const).map((m) => [e.feature, e.file, m] as const));
    it.each(cases)("%s (%s), %s: exit 0 and nothing lost or altered outside what it sets", (_feature, file, mode) => {
      const r = results.get(key(file, mode));
      const withOut = results.get(key(file, "out"));
      const silent = mode === "in-place" && r?.code === 0 && !r.changed && withOut?.changed === true;
      const problems = silent ? "--in-place 没有写入任何内容，而 -o 的输出与输入不同" : describeCase(r);
      expect({ code: r?.code, problems }).toEqual({ code: 0, problems: "" });
    });

    libreOfficeDescribe(`duban ${command} 的输出重新计算`)("LibreOffice opens every -o output", () => {
      const recalc = new Map<string, Finding[]>();
      beforeAll(() => {
        const written = corpus.filter(({ entry }) => results.get(key(entry.file, "out"))?.output);
        const inputs = written.map(({ entry, bytes }) => {
          const file = path.join(dir, "lo-in", `in--${entry.file}`);
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, bytes);
          return file;
        });
        const outputs = written.map(({ entry }) => results.get(key(entry.file, "out"))!.output!);
        const converted = recalculateAll(
          [...inputs, ...outputs],
          path.join(dir, "lo-out"),
          path.join(dir, "lo-profile"),
        );
        written.forEach(({ entry, bytes }, i) => {
          const set = results.get(key(entry.file, "out"))!.setCells;
          recalc.set(
            entry.file,
            recalcFindings(bytes, set, { input: converted[i], output: converted[inputs.length + i] }),
          );
        });
      }, 300_000);

      it.each(CORPUS.map((e) => [e.feature, e.file]))(
        "%s (%s): and recalculates the workbook's own formulas to the same values",
        (_f, file) => {
          const findings = recalc.get(file);
          expect(findings ? formatFindings(findings) : "（命令没有写出文件）").toBe("");
        },
      );
    });
  });
}
