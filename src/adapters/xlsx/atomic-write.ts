/** Writing a file so that a crash never leaves half of it: a temp file beside it, then rename. */
import { promises as fsp } from "fs";
import * as path from "path";

let counter = 0;

/**
 * Writes `data` to `target` through a temporary file in the same folder, flushed to disk
 * and renamed over the target when complete (rename is atomic within one file system). Keeps the mode of an
 * existing target. The temp file is removed when anything fails.
 * @example await writeFileAtomic("out/登记表.xlsx", buffer)
 */
export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  counter += 1;
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${counter}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await fsp.stat(target)).mode & 0o777;
  } catch {
    mode = undefined;
  }
  try {
    const handle = await fsp.open(temp, "wx", mode ?? 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(temp, target);
  } catch (error) {
    await fsp.rm(temp, { force: true });
    throw error;
  }
}
