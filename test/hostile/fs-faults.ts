/**
 * File-system faults the tests cannot produce for real here: a full disk (ENOSPC), a folder the
 * user may not write (EACCES — tests may run as root, for whom chmod stops nothing), a file held
 * open by Excel on Windows (EBUSY on rename). `injectFault(dir, code)` makes writes below `dir`
 * fail as the operating system would, through every way Node writes a file (fs.promises and
 * FileHandle, callback-free sync calls, write streams), until the returned function is called.
 *
 * How each fault behaves:
 * - ENOSPC: files can be created, but writing bytes into them fails (what a full disk does).
 * - EACCES: creating, renaming into, copying into or removing in the folder fails.
 * - EBUSY: only renaming over (or removing) an existing file fails; new files work.
 */
import * as path from "path";
// The module object itself (not an import namespace, whose properties cannot be replaced), so
// that code importing "fs" in any way sees the injected faults.
import fs = require("fs");

export type FaultCode = "ENOSPC" | "EACCES" | "EBUSY";

const MESSAGES: Record<FaultCode, string> = {
  ENOSPC: "no space left on device",
  EACCES: "permission denied",
  EBUSY: "resource busy or locked",
};

function fault(code: FaultCode, syscall: string, file: string): NodeJS.ErrnoException {
  const error = new Error(`${code}: ${MESSAGES[code]}, ${syscall} '${file}'`) as NodeJS.ErrnoException;
  error.code = code;
  error.syscall = syscall;
  error.path = file;
  error.errno = -({ ENOSPC: 28, EACCES: 13, EBUSY: 16 } as const)[code];
  return error;
}

const isWriteFlag = (flags: unknown) => typeof flags === "string" && /[wax+]/.test(flags);

/**
 * Makes writes below `dir` fail with `code`; returns the function that undoes it.
 * `copies: false` lets file copies through (a full disk that still had room for the backup).
 */
export function injectFault(dir: string, code: FaultCode, options: { copies?: boolean } = {}): () => void {
  const copies = options.copies ?? true;
  const root = path.resolve(dir);
  const inside = (p: unknown) => typeof p === "string" && path.resolve(p).startsWith(root + path.sep);
  const spies: jest.SpyInstance[] = [];
  const spy = <T extends object>(
    obj: T,
    name: keyof T,
    impl: (real: (...a: never[]) => unknown, ...a: never[]) => unknown,
  ) => {
    const real = (obj[name] as (...a: never[]) => unknown).bind(obj);
    spies.push(jest.spyOn(obj, name as never).mockImplementation(((...a: never[]) => impl(real, ...a)) as never));
  };
  const p = fs.promises;
  const failsCreate = code === "EACCES";
  const failsReplace = (target: string) => code === "EACCES" || (code === "EBUSY" && fs.existsSync(target));

  spy(p, "open", async (real, file: string, flags: string, mode: number) => {
    if (!inside(file) || !isWriteFlag(flags)) return real(file as never, flags as never, mode as never);
    if (failsCreate) throw fault(code, "open", file);
    const handle = (await real(file as never, flags as never, mode as never)) as fs.promises.FileHandle;
    if (code !== "ENOSPC") return handle;
    const full = async () => {
      throw fault("ENOSPC", "write", file);
    };
    return new Proxy(handle, {
      get(target, prop) {
        if (prop === "write" || prop === "writeFile" || prop === "writev" || prop === "appendFile") return full;
        const v = Reflect.get(target, prop) as unknown;
        return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  });
  spy(p, "writeFile", async (real, file: string, data: never, opts: never) => {
    if (!inside(file)) return real(file as never, data, opts);
    if (failsCreate || failsReplace(file)) throw fault(code, "open", file);
    if (code === "ENOSPC") {
      await real(file as never, "" as never);
      throw fault(code, "write", file);
    }
    return real(file as never, data, opts);
  });
  spy(p, "copyFile", async (real, from: string, to: string, mode: never) => {
    if (!inside(to) || !copies) return real(from as never, to as never, mode);
    // libuv removes the destination when a copy fails, so a full disk leaves no partial copy.
    if (failsCreate || code === "ENOSPC") throw fault(code, "copyfile", to);
    return real(from as never, to as never, mode);
  });
  spy(p, "rename", async (real, from: string, to: string) => {
    if (inside(to) && failsReplace(to)) throw fault(code, "rename", to);
    return real(from as never, to as never);
  });
  spy(p, "mkdtemp", async (real, prefix: string, opts: never) => {
    if (inside(prefix) && failsCreate) throw fault(code, "mkdtemp", prefix);
    return real(prefix as never, opts);
  });
  spy(fs, "writeFileSync", (real, file: string, data: never, opts: never) => {
    if (inside(file) && (failsCreate || code === "ENOSPC" || failsReplace(file))) throw fault(code, "open", file);
    return real(file as never, data, opts);
  });
  spy(fs, "renameSync", (real, from: string, to: string) => {
    if (inside(to) && failsReplace(to)) throw fault(code, "rename", to);
    return real(from as never, to as never);
  });
  spy(fs, "copyFileSync", (real, from: string, to: string, mode: never) => {
    if (inside(to) && copies && (failsCreate || code === "ENOSPC")) throw fault(code, "copyfile", to);
    return real(from as never, to as never, mode);
  });
  spy(fs, "openSync", (real, file: string, flags: string, mode: never) => {
    if (inside(file) && isWriteFlag(flags) && (failsCreate || code === "ENOSPC")) throw fault(code, "open", file);
    return real(file as never, flags as never, mode);
  });
  spy(fs, "createWriteStream", (real, file: string, opts: never) => {
    if (!inside(file) || code === "EBUSY") return real(file as never, opts);
    const stream = real(file as never, opts) as fs.WriteStream;
    stream._write = (_chunk, _enc, cb) => cb(fault(code, "write", file));
    return stream;
  });
  return () => spies.forEach((s) => s.mockRestore());
}

/**
 * True when chmod really stops this process from writing into a folder (false when running as
 * root, where the tests must simulate a read-only folder instead).
 */
export function chmodProtects(dir: string): boolean {
  const probe = fs.mkdtempSync(path.join(dir, "probe-"));
  fs.chmodSync(probe, 0o555);
  let protects = false;
  try {
    fs.writeFileSync(path.join(probe, "x"), "x");
  } catch {
    protects = true;
  }
  fs.chmodSync(probe, 0o755);
  fs.rmSync(probe, { recursive: true, force: true });
  return protects;
}
