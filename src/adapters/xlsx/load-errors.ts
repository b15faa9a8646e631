/**
 * Why a file could not be opened as an .xlsx workbook, with a one-line Chinese message for
 * the person who named it. The code is from a fixed list so callers and tests can branch on it.
 */

export const XLSX_LOAD_ERROR_CODES = [
  "file-not-found",
  "is-directory",
  "not-readable",
  "empty-file",
  "xls-format",
  "csv-format",
  "encrypted",
  "not-xlsx",
  "corrupt",
  "too-large",
  "unsafe-part",
  "unsafe-xml",
  "strict-ooxml",
  "template",
  "xlsb-format",
  "cell-too-long",
  "dimension-claim",
] as const;

export type XlsxLoadErrorCode = (typeof XLSX_LOAD_ERROR_CODES)[number];

const MESSAGES: Readonly<Record<XlsxLoadErrorCode, (file: string, detail: string) => string>> = {
  "file-not-found": (f) => `找不到文件：${f}`,
  "is-directory": (f) => `${f} 是一个文件夹，请指定 .xlsx 文件`,
  "not-readable": (f) => `无法读取文件（没有权限或被占用）：${f}`,
  "empty-file": (f) => `文件是空的，不是 Excel 工作簿：${f}`,
  "xls-format": (f) => `${f} 是旧版 Excel 97-2003 (.xls) 文件，请在 Excel 中另存为 .xlsx 后再试`,
  "csv-format": (f) => `${f} 是 CSV 文本文件，请在 Excel 中另存为 .xlsx 后再试`,
  encrypted: (f) => `${f} 设置了打开密码，请在 Excel 中取消密码（文件→信息→保护工作簿）后再试`,
  "not-xlsx": (f) => `${f} 不是 Excel 工作簿（.xlsx）`,
  corrupt: (f) => `${f} 已损坏或不完整，无法作为 .xlsx 打开`,
  "too-large": (f, d) =>
    `${f} 解压后过大（${d || "超过上限"}），可能是“压缩炸弹”，已拒绝打开；单个部件上限 200 MB、合计上限 1 GB`,
  "unsafe-part": (f, d) => `${f} 含有不安全的部件名称 ${d}，可能是恶意文件，已拒绝打开`,
  "unsafe-xml": (f, d) => `${f} 的 ${d} 含有 DTD 或实体声明，可能是恶意文件，已拒绝打开`,
  "strict-ooxml": (f) => `${f} 是“Strict Open XML”格式，请在 Excel 中另存为“Excel 工作簿(*.xlsx)”后再试`,
  template: (f) => `${f} 是 Excel 模板或加载项（.xltx/.xltm/.xlam），请先用它新建工作簿并另存为 .xlsx 后再试`,
  "xlsb-format": (f) => `${f} 是二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx 后再试`,
  "dimension-claim": (f, d) => `${f} 的工作表${d}（<dimension> 与内容不符），文件可能已损坏或被篡改，已拒绝打开`,
  "cell-too-long": (f, d) => `${f} 的单元格 ${d} 超过 Excel 每个单元格 32767 个字符的上限，文件可能已损坏，已拒绝打开`,
};

/** A workbook that cannot be opened; `message` is one Chinese line naming the file. */
export class XlsxLoadError extends Error {
  constructor(
    readonly code: XlsxLoadErrorCode,
    readonly file: string,
    readonly detail?: string,
  ) {
    super(MESSAGES[code](file, detail ?? ""));
    this.name = "XlsxLoadError";
  }
}

/** The first bytes of a zip archive (every .xlsx is one). */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** The first bytes of an OLE compound file: a .xls, or an .xlsx saved with a password. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** An empty zip (end-of-central-directory record only). */
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** UTF-16LE bytes of a stream name as stored in a compound file's directory. */
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[i * 2] = text.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

/** True when `needle` occurs in `bytes`. */
function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  const last = bytes.length - needle.length;
  for (let i = bytes.indexOf(first); i >= 0 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

function extensionOf(file: string): string {
  const base = file.replace(/^.*[\\/]/, "");
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/** What the first bytes of a file say it is. */
export type FileKind = "zip" | "encrypted-ooxml" | "xls" | "cfb-other" | "text" | "empty" | "other";

/**
 * Sniffs a file's content. An OLE compound file holding an `EncryptedPackage` stream is an
 * Office file saved with a password; one holding `Workbook` or `Book` is a .xls.
 * @example sniffFileKind(Buffer.from("PK\x03\x04")) // "zip"
 */
export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) return "zip";
  if (startsWith(bytes, CFB_MAGIC)) {
    if (contains(bytes, utf16le("EncryptedPackage"))) return "encrypted-ooxml";
    if (contains(bytes, utf16le("Workbook")) || contains(bytes, utf16le("Book"))) return "xls";
    return "cfb-other";
  }
  const head = bytes.subarray(0, 4096);
  // Text: no NUL bytes in the head (UTF-8 / GBK text, CSV, HTML saved as .xls).
  return head.includes(0) ? "other" : "text";
}

/**
 * The load error for a file whose content is not an .xlsx, or null when it looks like a zip
 * (then only parsing can tell). The extension of `fileName` refines the message where the
 * content is ambiguous (a text file named .csv, a compound file named .xls); `shown` names
 * the file in the message.
 * @example classifyNonXlsx("a.csv", Buffer.from("序号,编号")) // XlsxLoadError("csv-format")
 */
export function classifyNonXlsx(fileName: string, bytes: Uint8Array, shown: string = fileName): XlsxLoadError | null {
  const kind = sniffFileKind(bytes);
  const ext = extensionOf(fileName);
  const file = shown;
  switch (kind) {
    case "zip":
      return null;
    case "empty":
      return new XlsxLoadError("empty-file", file);
    case "encrypted-ooxml":
      return new XlsxLoadError("encrypted", file);
    case "xls":
      return new XlsxLoadError("xls-format", file);
    case "cfb-other":
      // A compound file we cannot identify: trust the name when it says .xls, else assume a password.
      return new XlsxLoadError(ext === "xls" ? "xls-format" : "encrypted", file);
    case "text":
      return new XlsxLoadError(
        ext === "csv" || ext === "txt" ? "csv-format" : ext === "xls" ? "xls-format" : "not-xlsx",
        file,
      );
    case "other":
      return new XlsxLoadError(ext === "xls" ? "xls-format" : "not-xlsx", file);
  }
}

/**
 * The load error for a failed `fs` call on the workbook path.
 * @example fromFsError("a.xlsx", Object.assign(new Error(), { code: "ENOENT" })) // file-not-found
 */
export function fromFsError(file: string, error: unknown): XlsxLoadError {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return new XlsxLoadError("file-not-found", file);
    case "EISDIR":
      return new XlsxLoadError("is-directory", file);
    default:
      return new XlsxLoadError("not-readable", file, error instanceof Error ? error.message : String(error));
  }
}
