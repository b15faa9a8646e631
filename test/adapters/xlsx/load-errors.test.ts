import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  XLSX_LOAD_ERROR_CODES,
  XlsxLoadError,
  classifyNonXlsx,
  fromFsError,
  sniffFileKind,
  type XlsxLoadErrorCode,
} from "../../../src/adapters/xlsx/load-errors";
import { XlsxWorkbook } from "../../../src/adapters/xlsx/xlsx-workbook";

let dir: string;
let validXlsx: Buffer;

/** Bytes of an OLE compound file whose directory holds the named streams (enough for sniffing). */
export function compoundFile(...streams: string[]): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const names = streams.map((s) => Buffer.concat([Buffer.from(s, "utf16le"), Buffer.alloc(64 - s.length * 2)]));
  return Buffer.concat([header, Buffer.alloc(504), ...names, Buffer.alloc(512)]);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-load-"));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("督办事项登记表").getCell("A1").value = "序号";
  validXlsx = Buffer.from(await wb.xlsx.writeBuffer());
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function put(name: string, content: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function loadError(file: string): Promise<XlsxLoadError> {
  try {
    await XlsxWorkbook.load(file);
  } catch (error) {
    if (error instanceof XlsxLoadError) return error;
    throw error;
  }
  throw new Error(`loaded ${file} without error`);
}

describe("files that are not a readable .xlsx fail with a coded Chinese error", () => {
  const cases: [string, () => string, XlsxLoadErrorCode][] = [
    ["a missing file", () => path.join(dir, "不存在.xlsx"), "file-not-found"],
    ["a path through a missing folder", () => path.join(dir, "无此目录", "登记表.xlsx"), "file-not-found"],
    ["a folder", () => fs.mkdtempSync(path.join(dir, "folder-")), "is-directory"],
    ["an empty file", () => put("空.xlsx", ""), "empty-file"],
    ["a CSV file", () => put("登记表.csv", "序号,督办事项编号\n1,〔2021〕1号\n"), "csv-format"],
    ["a CSV saved under .xlsx", () => put("csv伪装.xlsx", "序号,督办事项编号\n"), "not-xlsx"],
    [
      "a .xls (Excel 97-2003) file",
      () => put("旧表.xls", compoundFile("Workbook", "SummaryInformation")),
      "xls-format",
    ],
    ["a .xls renamed to .xlsx", () => put("旧表改名.xlsx", compoundFile("Workbook")), "xls-format"],
    [
      "a password-protected .xlsx",
      () => put("加密.xlsx", compoundFile("EncryptionInfo", "EncryptedPackage")),
      "encrypted",
    ],
    ["an unknown compound file named .xlsx", () => put("未知.xlsx", compoundFile("WordDocument")), "encrypted"],
    ["random binary bytes", () => put("乱码.xlsx", Buffer.from([0, 1, 2, 3, 255, 254, 0, 7])), "not-xlsx"],
    ["a truncated .xlsx", () => put("截断.xlsx", validXlsx.subarray(0, Math.floor(validXlsx.length / 2))), "corrupt"],
  ];

  it.each(cases)("%s", async (_, make, code) => {
    const file = make();
    const error = await loadError(file);
    expect(error.code).toBe(code);
    expect(XLSX_LOAD_ERROR_CODES).toContain(error.code);
    expect(error.message).toContain(file);
    expect(error.message).not.toMatch(/\n/);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("a zip that is not a workbook is refused", async () => {
    const zip = new JSZip();
    zip.file("readme.txt", "不是工作簿");
    const file = put("压缩包.xlsx", await zip.generateAsync({ type: "nodebuffer" }));
    expect(["corrupt", "not-xlsx"]).toContain((await loadError(file)).code);
  });

  it("the message names the file as the caller shows it", async () => {
    await expect(XlsxWorkbook.load(path.join(dir, "nope.xlsx"), "nope.xlsx")).rejects.toThrow("找不到文件：nope.xlsx");
  });

  it("a valid .xlsx opens", async () => {
    const book = await XlsxWorkbook.load(put("好的.xlsx", validXlsx));
    expect(await book.sheetNames()).toEqual(["督办事项登记表"]);
  });
});

describe("sniffing and mapping", () => {
  it.each<[string, Buffer, ReturnType<typeof sniffFileKind>]>([
    ["zip", Buffer.from("PK\x03\x04rest"), "zip"],
    ["empty zip", Buffer.from("PK\x05\x06"), "zip"],
    ["encrypted OOXML", compoundFile("EncryptedPackage"), "encrypted-ooxml"],
    ["xls workbook stream", compoundFile("Workbook"), "xls"],
    ["xls 5.0 book stream", compoundFile("Book"), "xls"],
    ["other compound file", compoundFile("WordDocument"), "cfb-other"],
    ["UTF-8 text", Buffer.from("序号,编号"), "text"],
    ["binary", Buffer.from([1, 0, 2]), "other"],
    ["nothing", Buffer.alloc(0), "empty"],
  ])("%s", (_, bytes, kind) => {
    expect(sniffFileKind(bytes)).toBe(kind);
  });

  it("a zip is left to the parser", () => {
    expect(classifyNonXlsx("a.xlsx", Buffer.from("PK\x03\x04"))).toBeNull();
  });

  it.each<[string, XlsxLoadErrorCode]>([
    ["ENOENT", "file-not-found"],
    ["ENOTDIR", "file-not-found"],
    ["EISDIR", "is-directory"],
    ["EACCES", "not-readable"],
    ["EBUSY", "not-readable"],
  ])("fs error %s is %s", (code, expected) => {
    expect(fromFsError("a.xlsx", Object.assign(new Error(code), { code })).code).toBe(expected);
  });
});
