/**
 * Opening a workbook package: what kind of file it is, where its workbook part and sheets are,
 * and the refusals (templates, strict Open XML, binary workbooks, packages without a sheet).
 */
import { classifyNonXlsx, XlsxLoadError } from "../load-errors";
import { PackageError } from "../package/errors";
import {
  CONTENT_TYPES,
  CONTENT_TYPES_PART,
  contentTypeOf,
  parseRelationships,
  REL_TYPES,
  relsPartOf,
  resolveTarget,
} from "../package/opc";
import { OfficePackage } from "../package/package";
import type { Codec } from "../package/codec";
import { usesDate1904, workbookNamespace, workbookSheets, type SheetEntry } from "./workbook-part";

/** A sheet of the workbook and the part holding it. */
export interface SheetInfo extends SheetEntry {
  /** The part name, e.g. "xl/worksheets/sheet1.xml" ("" when its relationship is missing). */
  readonly part: string;
  /** True for a worksheet (not a chart sheet, dialog sheet or macro sheet). */
  readonly worksheet: boolean;
}

/** An opened workbook package: its parts, where the workbook part is and what kind it is. */
export interface OpenedPackage {
  /** The package (parts in memory). */
  readonly pkg: OfficePackage;
  /** The workbook part, e.g. "xl/workbook.xml". */
  readonly workbookPart: string;
  /** The workbook part's content type (an .xlsm keeps the macro-enabled one). */
  readonly contentType: string;
  /** Dates count from 1904 (workbookPr date1904), as some Mac workbooks do. */
  readonly date1904: boolean;
}

const STRICT_NAMESPACE = "http://purl.oclc.org/ooxml/spreadsheetml/main";

/**
 * The sheets of the workbook part, with their parts resolved through its relationships.
 * @example readSheetInfos(pkg, "xl/workbook.xml")[0].part // "xl/worksheets/sheet1.xml"
 */
export function readSheetInfos(pkg: OfficePackage, workbookPart: string): SheetInfo[] {
  const relsPart = relsPartOf(workbookPart);
  const rels = pkg.has(relsPart) ? parseRelationships(pkg.text(relsPart)) : [];
  return workbookSheets(pkg.text(workbookPart)).map((s) => {
    const rel = rels.find((r) => r.id === s.relId);
    const part = rel && !rel.external ? resolveTarget(workbookPart, rel.target) : "";
    return { ...s, part: pkg.actualName(part) ?? part, worksheet: rel?.type === REL_TYPES.worksheet && pkg.has(part) };
  });
}

/** The workbook part a package's root relationships name. */
function findWorkbookPart(pkg: OfficePackage): string {
  if (!pkg.has("_rels/.rels") || !pkg.has(CONTENT_TYPES_PART)) throw new PackageError("not-xlsx");
  const rel = parseRelationships(pkg.text("_rels/.rels")).find(
    (r) => r.type === REL_TYPES.officeDocument || r.type.endsWith("/officeDocument"),
  );
  if (!rel) throw new PackageError("not-xlsx");
  const part = resolveTarget("", rel.target);
  if (!pkg.has(part)) throw new PackageError("not-xlsx");
  return pkg.actualName(part) ?? part;
}

function refuseKind(contentType: string, workbookXml: () => string): void {
  switch (contentType) {
    case CONTENT_TYPES.workbook:
    case CONTENT_TYPES.macroWorkbook:
      break;
    case CONTENT_TYPES.template:
    case CONTENT_TYPES.macroTemplate:
    case CONTENT_TYPES.addin:
      throw new PackageError("template");
    case CONTENT_TYPES.binaryWorkbook:
      throw new PackageError("xlsb-format");
    default:
      throw new PackageError("not-xlsx", contentType);
  }
  if (workbookNamespace(workbookXml()) === STRICT_NAMESPACE) throw new PackageError("strict-ooxml");
}

/**
 * Opens the bytes of a .xlsx or .xlsm; every refusal is an XlsxLoadError naming the file as `name`.
 * @example openPackage(bytes, "登记表.xlsx").workbookPart // "xl/workbook.xml"
 */
export function openPackage(bytes: Uint8Array, name: string, fileName: string = name, codec?: Codec): OpenedPackage {
  const notXlsx = classifyNonXlsx(fileName, bytes, name);
  if (notXlsx) throw notXlsx;
  try {
    const pkg = OfficePackage.open(bytes, codec);
    const workbookPart = findWorkbookPart(pkg);
    const contentType = contentTypeOf(pkg.text(CONTENT_TYPES_PART), workbookPart) ?? "";
    refuseKind(contentType, () => pkg.text(workbookPart));
    const sheets = readSheetInfos(pkg, workbookPart);
    if (!sheets.some((s) => s.worksheet)) throw new PackageError("not-xlsx");
    return { pkg, workbookPart, contentType, date1904: usesDate1904(pkg.text(workbookPart)) };
  } catch (error) {
    throw asLoadError(error, name);
  }
}

/**
 * A package refusal as the load error of a file; other errors pass through.
 * @example asLoadError(new PackageError("corrupt"), "a.xlsx") // XlsxLoadError("corrupt", "a.xlsx")
 */
export function asLoadError(error: unknown, name: string): unknown {
  if (error instanceof PackageError) return new XlsxLoadError(error.code, name, error.detail);
  return error;
}
