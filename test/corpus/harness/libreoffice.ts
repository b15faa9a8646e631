/**
 * LibreOffice (headless) for the corpus tests: open many workbooks in one soffice run,
 * recalculating every formula on load, and read back the values it computed.
 *
 * Without soffice the LibreOffice tests are skipped with a message — except when CI=true,
 * where a test fails instead (as test/cli/refresh-libreoffice.test.ts does).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { readSheets } from "../ooxml/opc";
import { childElements, rootElement } from "../ooxml/xml";
import { partText, readParts, type Parts } from "../ooxml/zip";
import { cellText } from "./compare-sheets";
import { sheetCells } from "./sheet-cells";
import { findSoffice, recalcProfile } from "../../cli/libreoffice";

export const SOFFICE = findSoffice();
export const IN_CI = process.env.CI === "true";

/**
 * Registers a failing test when soffice is missing under CI=true, or warns that the LibreOffice
 * tests are skipped. Returns `describe` or `describe.skip` for those tests.
 */
export function libreOfficeDescribe(what: string): jest.Describe {
  if (SOFFICE) return describe;
  if (IN_CI) {
    it(`LibreOffice (soffice) is installed: ${what}`, () => {
      throw new Error(`CI=true 时必须能运行 LibreOffice：PATH 中没有 soffice，请安装 libreoffice-calc（${what}）`);
    });
  } else {
    console.warn(`跳过 LibreOffice 检查（${what}）：未找到 soffice（Debian：apt-get install libreoffice-calc）`);
  }
  return describe.skip;
}

/**
 * Opens every file in LibreOffice (one soffice run), recalculates and saves it as .xlsx in
 * `outDir`. Returns, for each input, the recalculated copy or null when LibreOffice could not
 * open it. Input base names must differ once their extension becomes .xlsx.
 */
export function recalculateAll(files: readonly string[], outDir: string, profileDir: string): (string | null)[] {
  fs.mkdirSync(outDir, { recursive: true });
  const run = spawnSync(
    SOFFICE!,
    [
      `-env:UserInstallation=${recalcProfile(profileDir)}`,
      "--headless",
      "--calc",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "pipe", timeout: 280_000 },
  );
  if (run.error) throw run.error;
  return files.map((f) => {
    const converted = path.join(outDir, `${path.basename(f, path.extname(f))}.xlsx`);
    return fs.existsSync(converted) ? converted : null;
  });
}

/** "sheet!ref" → the text of the cell's value, for every formula cell of a package. */
export function formulaValues(parts: Parts): Map<string, string> {
  const out = new Map<string, string>();
  const sst = childElements(rootElement(partText(parts, "xl/sharedStrings.xml") ?? "")?.inner ?? "");
  for (const sheet of readSheets(parts)) {
    if (sheet.kind !== "worksheet" || !sheet.part) continue;
    for (const cell of sheetCells(partText(parts, sheet.part) ?? "").cells.values()) {
      if (/<f[\s>/]/.test(cell.raw)) out.set(`${sheet.name}!${cell.ref}`, cellText(cell, sst));
    }
  }
  return out;
}

/** The values LibreOffice computed, for a recalculated copy. */
export function recalculatedValues(file: string): Map<string, string> {
  return formulaValues(readParts(fs.readFileSync(file)));
}
