/**
 * LibreOffice headless for tests: find soffice, and recalculate .xlsx files in a profile of
 * their own (parallel runs with a shared profile collide) that recalculates every formula on load.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** The soffice binary on PATH, or null. */
export function findSoffice(): string | null {
  for (const dirName of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dirName, "soffice");
    if (dirName && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** A LibreOffice user profile that recalculates every formula when it loads a file. */
export function recalcProfile(dirName: string): string {
  const user = path.join(dirName, "user");
  fs.mkdirSync(user, { recursive: true });
  const item = (name: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  fs.writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${item("OOXMLRecalcMode")}${item("ODFRecalcMode")}</oor:items>\n`,
  );
  return `file://${dirName}`;
}

/** Recalculates .xlsx files in LibreOffice; returns the paths of the recalculated copies. */
export function recalculate(soffice: string, files: readonly string[], outDir: string, profileDir: string): string[] {
  execFileSync(
    soffice,
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
    { stdio: "pipe", timeout: 240_000 },
  );
  return files.map((f) => path.join(outDir, path.basename(f)));
}
