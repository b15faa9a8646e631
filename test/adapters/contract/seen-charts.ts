/**
 * The native charts of a sheet as the contract compares them on both adapters: the kind of
 * chart, its title and, per series, its name, the cells of its values and categories (as
 * "sheet!A1:A5", without "$" or quotes) and its fill. The xlsx side follows the saved package's
 * relationships (sheet → drawing → chart parts); the Office side reads the fake Excel's charts.
 */
import { strFromU8 } from "fflate";
import type { FakeExcel } from "../office/fake-excel";

export interface SeenChart {
  readonly type: "clusteredColumn" | "clusteredBar";
  readonly title: string;
  readonly series: readonly {
    readonly name: string;
    readonly values: string;
    readonly categories: string;
    readonly fill: string | null;
  }[];
}

/** "'表'!$A$2:$A$9" → "表!A2:A9" */
export function plainRef(ref: string): string {
  return ref
    .replace(/^=/, "")
    .replace(/\$/g, "")
    .replace(/^'((?:[^']|'')*)'!/, (_m, name: string) => `${name.replace(/''/g, "'")}!`);
}

function attr(element: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
}

function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

function relsOf(parts: Record<string, Uint8Array>, part: string): { id: string; type: string; target: string }[] {
  const folder = part.slice(0, part.lastIndexOf("/") + 1);
  const rels = parts[`${folder}_rels/${part.slice(folder.length)}.rels`];
  if (!rels) return [];
  return [...strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    type: attr(m[0], "Type") ?? "",
    target: resolve(part, attr(m[0], "Target") ?? ""),
    id: attr(m[0], "Id") ?? "",
  }));
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

function fillOf(ser: string): string | null {
  const colour = /<a:srgbClr val="([0-9A-Fa-f]{6})"/.exec(ser)?.[1];
  return colour === undefined ? null : `#${colour.toUpperCase()}`;
}

function chartOf(xml: string): SeenChart {
  const title = /<c:title>([\s\S]*?)<\/c:title>/.exec(xml)?.[1] ?? "";
  const texts = (s: string) => [...s.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescape(m[1])).join("");
  const ref = (s: string | undefined) => plainRef(unescape(/<c:f>([^<]*)<\/c:f>/.exec(s ?? "")?.[1] ?? ""));
  const clustered = /<c:grouping val="clustered"\/>/.test(xml);
  const dir = /<c:barDir val="(bar|col)"\/>/.exec(xml)?.[1];
  if (!clustered || dir === undefined) throw new Error("not a clustered bar chart");
  return {
    type: dir === "col" ? "clusteredColumn" : "clusteredBar",
    title: texts(title),
    series: [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => {
      const ser = m[1];
      const tx = /<c:tx>([\s\S]*?)<\/c:tx>/.exec(ser)?.[1] ?? "";
      return {
        name: unescape(/<c:v>([^<]*)<\/c:v>/.exec(tx)?.[1] ?? ""),
        values: ref(/<c:val>([\s\S]*?)<\/c:val>/.exec(ser)?.[1]),
        categories: ref(/<c:cat>([\s\S]*?)<\/c:cat>/.exec(ser)?.[1]),
        fill: fillOf(ser),
      };
    }),
  };
}

/**
 * The charts of a sheet in a saved package.
 * @example xlsxCharts(unzipSync(bytes), "督办分析报告2026年春季学期")[0].type // "clusteredColumn"
 */
export function xlsxCharts(parts: Record<string, Uint8Array>, sheet: string): SeenChart[] {
  const workbook = strFromU8(parts["xl/workbook.xml"]);
  const element = [...workbook.matchAll(/<sheet\b[^>]*>/g)].find((m) => unescape(attr(m[0], "name") ?? "") === sheet);
  const id = element ? attr(element[0], "r:id") : undefined;
  const sheetPart = relsOf(parts, "xl/workbook.xml").find((r) => r.id === id)?.target;
  if (sheetPart === undefined) return [];
  return relsOf(parts, sheetPart)
    .filter((r) => r.type.endsWith("/drawing"))
    .flatMap((d) => relsOf(parts, d.target).filter((r) => r.type.endsWith("/chart")))
    .map((c) => chartOf(strFromU8(parts[c.target])));
}

/**
 * The charts of a sheet in the fake Excel.
 * @example officeCharts(fake, "督办分析报告2026年春季学期")[0].series[0].name // "按期办结"
 */
export function officeCharts(fake: FakeExcel, sheet: string): SeenChart[] {
  return fake.sheet(sheet).charts.map((c) => ({
    type: c.type === "ColumnClustered" ? "clusteredColumn" : "clusteredBar",
    title: c.title,
    series: c.series.map((s) => ({
      name: s.name,
      values: plainRef(s.values ?? ""),
      categories: plainRef(s.xValues ?? ""),
      fill: s.fill?.toUpperCase() ?? null,
    })),
  }));
}
