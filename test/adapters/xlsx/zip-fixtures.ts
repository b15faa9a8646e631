/**
 * Zip archives built byte by byte for tests, so that a test can lie where a hostile file lies:
 * any part name, a declared size other than the real one, a wrong CRC, an encryption flag.
 */
import { deflateSync, unzipSync } from "fflate";
import * as ExcelJS from "exceljs";
import { crc32 } from "../../../src/adapters/xlsx/package/crc32";

export interface RawEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** Size written in the headers (default: the real one). */
  readonly declaredSize?: number;
  /** Store instead of deflating. */
  readonly stored?: boolean;
  readonly crc?: number;
  readonly flags?: number;
}

const encoder = new TextEncoder();

export function text(s: string): Uint8Array {
  return encoder.encode(s);
}

/** A zip of these entries, in order. */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = encoder.encode(e.name);
    const payload = e.stored ? e.data : deflateSync(e.data);
    const crc = e.crc ?? crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const method = e.stored ? 0 : 8;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, (e.flags ?? 0) | 0x0800, true);
    local.setUint16(8, method, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, payload.length, true);
    local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    const head = new Uint8Array(local.buffer);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(8, (e.flags ?? 0) | 0x0800, true);
    cd.setUint16(10, method, true);
    cd.setUint32(16, crc, true);
    cd.setUint32(20, payload.length, true);
    cd.setUint32(24, size, true);
    cd.setUint16(28, name.length, true);
    cd.setUint32(42, offset, true);
    central.push(new Uint8Array(cd.buffer), name);
    chunks.push(head, name, payload);
    offset += head.length + name.length + payload.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The parts of a zip, in order. */
export function unzipParts(bytes: Uint8Array): RawEntry[] {
  return Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data }));
}

/** A small valid registry workbook (title, header, two items) as parts, built with ExcelJS. */
export async function registryParts(): Promise<RawEntry[]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("督办事项登记表");
  ws.getCell("A1").value = "督办事项登记表";
  ["序号", "督办事项编号", "督办事项内容", "任务下达时间", "要求完成时间", "督办科室或单位"].forEach(
    (h, i) => (ws.getCell(2, i + 1).value = h),
  );
  ws.getRow(3).values = [
    1,
    "〔2026〕1号",
    "落实校园安全排查",
    new Date(Date.UTC(2026, 2, 2)),
    new Date(Date.UTC(2026, 3, 30)),
    "督导室",
  ];
  ws.getRow(4).values = [
    2,
    "",
    "整改食堂卫生",
    new Date(Date.UTC(2026, 4, 6)),
    new Date(Date.UTC(2026, 5, 30)),
    "办公室",
  ];
  return unzipParts(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** The parts with one part's text replaced. */
export function withPart(parts: readonly RawEntry[], name: string, edit: (xml: string) => string): RawEntry[] {
  return parts.map((p) => (p.name === name ? { ...p, data: text(edit(new TextDecoder().decode(p.data))) } : p));
}
