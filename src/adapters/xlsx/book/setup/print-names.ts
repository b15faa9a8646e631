/**
 * Print settings (page setup, fit to width, print area and titles as the sheet's defined
 * names) and the plan's workbook names. A name of the plan already pointing where it should is
 * left alone; one pointing elsewhere is moved (only that element changes); a person's name of
 * the same spelling that is a formula, not a range, would be lost — the command says so.
 */
import { plainReference, sheetPrefix, sheetRangeRef } from "../../../../domain/a1-ref";
import type { SheetPlan, WorkbookPlan } from "../../../../domain/setup-plan-types";
import type { SetupChangeLog } from "../../../../app/setup-port";
import { childElements, parseAttributes, rootElement, withAttributes } from "../../package/xml";
import { localName } from "../../package/ordered";
import type { XlsxBook } from "../book";
import { definedNames, removeDefinedName, setDefinedName } from "../workbook-part";
import type { Target } from "../write-cells";

const PAPER_SIZE: Readonly<Record<"A4", number>> = { A4: 9 };

/** True when a defined name's text is one plain range on one sheet (no function, no union). */
function isPlainRange(value: string): boolean {
  return /^(?:'(?:[^']|'')+'|[^'!(),\s]+)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/.test(value.trim());
}

function setSheetPr(t: Target, fitToPage: boolean): boolean {
  const p = t.doc.p;
  const text = t.doc.elementTexts("sheetPr")[0];
  if (!text) {
    if (!fitToPage) return false;
    t.doc.setElements("sheetPr", [`<${p}sheetPr><${p}pageSetUpPr fitToPage="1"/></${p}sheetPr>`]);
    return true;
  }
  const root = rootElement(text);
  const kids = childElements(text, root);
  const pr = kids.find((k) => localName(k.name) === "pageSetUpPr");
  const on = pr
    ? ["1", "true"].includes(parseAttributes(text.slice(pr.start, pr.openEnd)).get("fitToPage") ?? "")
    : false;
  if (on === fitToPage) return false;
  let next: string;
  if (pr) {
    next =
      text.slice(0, pr.start) +
      withAttributes(text.slice(pr.start, pr.openEnd), { fitToPage: fitToPage ? "1" : null }) +
      text.slice(pr.openEnd);
  } else {
    // Children in order: tabColor, outlinePr, pageSetUpPr.
    const before = kids.filter((k) => ["tabColor", "outlinePr"].includes(localName(k.name)));
    const at = before.length > 0 ? before[before.length - 1].end : root.openEnd;
    const open = root.openEnd === root.end ? text.replace(/\s*\/>$/, ">") : text.slice(0, at);
    const tail = root.openEnd === root.end ? `</${root.name}>` : text.slice(at);
    next = `${open}<${p}pageSetUpPr fitToPage="1"/>${tail}`;
  }
  t.doc.setElements("sheetPr", [next]);
  return true;
}

export function applyPrint(book: XlsxBook, t: Target, plan: SheetPlan, log: SetupChangeLog): void {
  const print = plan.print;
  if (!print) return;
  const p = t.doc.p;
  let changed = false;
  const setup = t.doc.elementTexts("pageSetup")[0] ?? `<${p}pageSetup/>`;
  const a = parseAttributes(setup);
  const wanted: Record<string, string> = {
    paperSize: String(PAPER_SIZE[print.paper]),
    orientation: print.orientation,
    ...(print.fitToWidth ? { fitToWidth: "1", fitToHeight: "0" } : {}),
  };
  const fits = (k: string, v: string) => (a.get(k) ?? (k === "fitToWidth" || k === "fitToHeight" ? "1" : "")) === v;
  if (Object.entries(wanted).some(([k, v]) => !fits(k, v))) {
    t.doc.setElements("pageSetup", [withAttributes(setup, wanted)]);
    changed = true;
  }
  if (print.fitToWidth && setSheetPr(t, true)) changed = true;
  const index = book.sheets().findIndex((s) => s.name === t.info.name);
  const names = definedNames(book.workbookXml()).filter((n) => n.localSheetId === index);
  const area = sheetRangeRef(t.info.name, print.area);
  let wb = book.workbookXml();
  const current = (name: string) => names.find((n) => n.name.toLowerCase() === name.toLowerCase())?.value;
  if (plainReference(current("_xlnm.Print_Area") ?? "") !== plainReference(area)) {
    wb = setDefinedName(wb, { name: "_xlnm.Print_Area", localSheetId: index, value: area });
    changed = true;
  }
  if (print.titleRows) {
    const titles = `${sheetPrefix(t.info.name)}$${print.titleRows.first}:$${print.titleRows.last}`;
    if (plainReference(current("_xlnm.Print_Titles") ?? "") !== plainReference(titles)) {
      wb = setDefinedName(wb, { name: "_xlnm.Print_Titles", localSheetId: index, value: titles });
      changed = true;
    }
  }
  book.setWorkbookXml(wb);
  if (changed) log.add(t.info.name, "print");
}

export function applyNames(book: XlsxBook, plan: WorkbookPlan, log: SetupChangeLog): void {
  let wb = book.workbookXml();
  let changed = 0;
  for (const n of plan.names) {
    const ref = sheetRangeRef(n.sheet, n.range);
    const current = definedNames(wb).find(
      (d) => d.localSheetId === undefined && d.name.toLowerCase() === n.name.toLowerCase(),
    );
    if (current && plainReference(current.value) === plainReference(ref)) continue;
    if (current && !isPlainRange(current.value)) {
      book.noteLoss(`定义名称“${current.name}”原为“${current.value}”，将被改为 ${ref}`);
    }
    wb = setDefinedName(wb, { name: current?.name ?? n.name, value: ref });
    changed += 1;
  }
  // Names an earlier version of the setup made that nothing reads any more (plans may list them).
  const planned = new Set(plan.names.map((n) => n.name.toLowerCase()));
  for (const old of plan.obsoleteNames ?? []) {
    if (planned.has(old.toLowerCase())) continue;
    const found = definedNames(wb).find(
      (d) => d.localSheetId === undefined && d.name.toLowerCase() === old.toLowerCase(),
    );
    if (!found) continue;
    wb = removeDefinedName(wb, found.name);
    changed += 1;
  }
  book.setWorkbookXml(wb);
  log.add("", "names", changed);
}
