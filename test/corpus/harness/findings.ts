/** What a package comparison finds: one line per thing lost or damaged, grouped by kind. */

export type FindingKind =
  | "part-lost"
  | "part-changed"
  | "part-orphan"
  | "content-type"
  | "rel-lost"
  | "rel-dangling"
  | "sheet-entry"
  | "name"
  | "workbook-element"
  | "recalc-flag"
  | "calc-chain"
  | "number-format"
  | "style-renumbered"
  | "shared-strings"
  | "sheet-element"
  | "extension"
  | "cell"
  | "row"
  | "validation"
  | "libreoffice";

export interface Finding {
  readonly kind: FindingKind;
  /** The part (or sheet) concerned. */
  readonly where: string;
  readonly detail: string;
}

/** Collects findings; `check` adds one when a condition fails. */
export class Findings {
  readonly list: Finding[] = [];

  add(kind: FindingKind, where: string, detail: string): void {
    this.list.push({ kind, where, detail });
  }

  /** Adds a finding unless `ok`. */
  check(ok: boolean, kind: FindingKind, where: string, detail: string): void {
    if (!ok) this.add(kind, where, detail);
  }
}

/** Shortens long XML for a message. */
export function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** One line per finding, at most `perKind` of each kind (then how many more), for an assertion message. */
export function formatFindings(findings: readonly Finding[], perKind = 12): string {
  const lines: string[] = [];
  const kinds = [...new Set(findings.map((f) => f.kind))];
  for (const kind of kinds) {
    const of = findings.filter((f) => f.kind === kind);
    lines.push(...of.slice(0, perKind).map((f) => `[${f.kind}] ${f.where}: ${f.detail}`));
    if (of.length > perKind) lines.push(`[${kind}] …另有 ${of.length - perKind} 条`);
  }
  return lines.join("\n");
}
