/**
 * Package-level comparison of an input and a command's output: every part kept, parts the
 * command had no reason to change byte-identical, content types and relationships kept,
 * nothing dangling, no new part left unreferenced.
 */
import * as path from "path";
import {
  CONTENT_TYPES,
  contentTypeOf,
  readContentTypes,
  readRels,
  relKind,
  sheetPart,
  sourceOfRels,
  workbookPart,
} from "../ooxml/opc";
import { sameBytes, type Parts } from "../ooxml/zip";
import { Findings } from "./findings";
import type { CommandPolicy } from "./policy";

export interface Comparison {
  readonly input: Parts;
  readonly output: Parts;
  readonly policy: CommandPolicy;
  /** The registry sheet's name. */
  readonly registry: string;
}

/** Parts of the output that the input did not have, and parts of the input the output lacks. */
export function partDelta(c: Comparison): { added: string[]; removed: string[] } {
  return {
    added: [...c.output.keys()].filter((p) => !c.input.has(p)),
    removed: [...c.input.keys()].filter((p) => !c.output.has(p)),
  };
}

/** The calcChain part of a package, when it has one. */
export function calcChainPart(parts: Parts): string | null {
  const rel = readRels(parts, workbookPart(parts)).find((r) => relKind(r.type) === "calcChain");
  return rel?.part ?? null;
}

/** True when the command had a reason to change this part. */
export function mayChange(c: Comparison, part: string): boolean {
  const { policy } = c;
  const wb = workbookPart(c.input);
  const delta = partDelta(c);
  const partsChanged = delta.added.length > 0 || delta.removed.length > 0;
  const registryPart = sheetPart(c.input, c.registry);
  if (part === "xl/styles.xml" || part === "xl/sharedStrings.xml") return true;
  if (part === registryPart) return policy.editsRegistry;
  if (part === calcChainPart(c.input)) return policy.writesFormulas;
  // A command that sets registry cells asks Excel to recalculate on opening (checkCalculation
  // holds a value-only command to exactly that change of the workbook part).
  if (part === wb) return policy.addsSheets || policy.writesFormulas || policy.editsRegistry;
  if (part === "docProps/app.xml") return policy.addsSheets;
  if (part === CONTENT_TYPES) return partsChanged;
  const source = sourceOfRels(part);
  if (source !== null) return partsChanged && (source === wb || (source === registryPart && policy.editsRegistry));
  return false;
}

/** Every input part present; unchanged unless the command may change it. */
function checkParts(c: Comparison, f: Findings): void {
  const chain = calcChainPart(c.input);
  for (const [part, bytes] of c.input) {
    const out = c.output.get(part);
    if (!out) {
      if (part === chain && c.policy.writesFormulas) continue; // checked with the recalc flag
      f.add("part-lost", part, "输入中的部件在输出中不存在");
    } else if (!sameBytes(bytes, out) && !mayChange(c, part)) {
      f.add("part-changed", part, `命令 ${c.policy.name} 没有理由改动此部件，但内容变了`);
    }
  }
}

/** Every input Default and Override kept with its content type; every output part typed. */
function checkContentTypes(c: Comparison, f: Findings): void {
  const before = readContentTypes(c.input);
  const after = readContentTypes(c.output);
  for (const [ext, type] of before.defaults) {
    f.check(
      after.defaults.get(ext) === type,
      "content-type",
      CONTENT_TYPES,
      `扩展名 ${ext} 的类型 ${type} → ${after.defaults.get(ext) ?? "（无）"}`,
    );
  }
  for (const [part, type] of before.overrides) {
    if (!c.output.has(part)) continue; // reported as a lost part
    f.check(
      contentTypeOf(after, part) === type,
      "content-type",
      part,
      `内容类型 ${type} → ${contentTypeOf(after, part) ?? "（无）"}`,
    );
  }
  for (const part of c.output.keys()) {
    if (part === CONTENT_TYPES || part.endsWith(".rels")) continue;
    f.check(contentTypeOf(after, part) !== undefined, "content-type", part, "输出部件没有内容类型");
  }
}

/** Every relationship of the input kept (same id, type, target); no internal target missing. */
function checkRelationships(c: Comparison, f: Findings): void {
  const chain = calcChainPart(c.input);
  for (const relsPart of c.input.keys()) {
    const source = sourceOfRels(relsPart);
    if (source === null || (source !== "" && !c.output.has(source))) continue;
    const after = readRels(c.output, source);
    for (const rel of readRels(c.input, source)) {
      if (chain !== null && rel.part === chain && c.policy.writesFormulas && !c.output.has(chain)) continue;
      const kept = after.find((r) => r.id === rel.id);
      f.check(
        kept !== undefined && kept.type === rel.type && kept.target === rel.target && kept.external === rel.external,
        "rel-lost",
        relsPart,
        `关系 ${rel.id}（${relKind(rel.type)} → ${rel.target}）${kept ? `变为 ${relKind(kept.type)} → ${kept.target}` : "丢失"}`,
      );
    }
  }
  const referenced = new Set<string>();
  for (const relsPart of c.output.keys()) {
    const source = sourceOfRels(relsPart);
    if (source === null) continue;
    for (const rel of readRels(c.output, source)) {
      if (rel.part === null) continue;
      referenced.add(rel.part);
      f.check(
        c.output.has(rel.part),
        "rel-dangling",
        relsPart,
        `关系 ${rel.id}（${relKind(rel.type)}）指向不存在的部件 ${rel.part}`,
      );
    }
  }
  for (const part of partDelta(c).added) {
    if (part === CONTENT_TYPES || part.endsWith(".rels") || path.posix.basename(part).startsWith("[")) continue;
    f.check(referenced.has(part), "part-orphan", part, "新部件没有任何关系指向它");
  }
}

/** The package-level findings. */
export function comparePackageParts(c: Comparison, f: Findings): void {
  checkParts(c, f);
  checkContentTypes(c, f);
  checkRelationships(c, f);
}
