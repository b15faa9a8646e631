/**
 * The demo's sample registry as plain data: about sixty 督办事项 of a district education
 * bureau over 2025 and 2026, generated from a fixed seed so every run gives the same rows.
 * Seen from DEMO_TODAY it holds closed, terminated, overdue, due-soon and open items, items
 * due across holidays, unnumbered items, and a handful of planted defects that `duban check`
 * must find (each listed in `defects`).
 */
import { EMPTY, type CellValue, type IsoDate } from "../../domain/cell";
import { createCalendar } from "../../domain/calendar";
import { CLASSIFIED_PLACEHOLDER } from "../../domain/checks";
import { DEFAULT_ROUTING } from "../../domain/columns";
import { compareIso, toDayNumber, fromDayNumber, yearOf } from "../../domain/dates";
import { formatNumber } from "../../domain/numbers";
import { REGISTRY_SHEET_NAME } from "../../domain/registry";
import type { RuleCode } from "../../domain/rules";
import { SETTINGS_HEADER, SETTINGS_LABELS, SETTINGS_LIST_HEADERS, SETTINGS_SHEET_NAME } from "../../domain/settings";
import { YES_NO } from "../../domain/yes-no";
import { addWorkingDays } from "../../domain/workdays";
import { seededRandom, type Random } from "./random";
import {
  contentFor,
  DEPUTIES,
  HEADS,
  HOST_UNITS,
  LEADERS,
  OTHER_SECTIONS,
  PINS,
  PRINCIPALS,
  SECTIONS,
  SOURCE_WEIGHTS,
  SOURCES,
  sourceDocFor,
  type Source,
} from "./sample-fixtures";
import { DEMO_TODAY } from "./demo-today";

/** The demo's default today: the sample's statuses are meant to be seen from this day. */
export { DEMO_TODAY };
export const DEMO_SEED = 20261125;
export const DEMO_ORG = "重庆市江津区教育委员会";
export const DEMO_TITLE = "江津区教育委员会督办事项登记表";

/** Header texts as on the official form (line breaks included), then the product's columns. */
export const DEMO_HEADERS: readonly string[] = [
  "序号",
  "督办事项编号",
  "督办事项内容",
  "来文\n编号",
  "紧急\n程度",
  "密级",
  "任务下\n达时间",
  "要求完\n成时间",
  "督办科室或单位",
  "协办科室或单位",
  "承办单位\n负责人",
  "签收\n日期",
  "督办结果",
  "备\n注",
  "承办单位",
  "事项来源",
  "重大事项",
  "签发领导",
  "办结日期",
  "延期至",
  "延期批准人",
  "报告日期",
  "状态",
];

/** 1-based sheet row of the title and of the header; items start below the header. */
export const DEMO_TITLE_ROW = 1;
export const DEMO_HEADER_ROW = 2;

/** How an item ended (closed, extended, terminated, reported), all blank while it is open. */
interface Outcome {
  result: string;
  closedOn: IsoDate | null;
  extendedTo: IsoDate | null;
  extensionApprover: string;
  reportedOn: IsoDate | null;
}

/** The outcome of an open item. */
const NO_OUTCOME: Outcome = { result: "", closedOn: null, extendedTo: null, extensionApprover: "", reportedOn: null };

/** One item before it becomes a row. Dates are ISO; `dueText` replaces dueOn with typed text. */
interface Draft extends Outcome {
  issuedOn: IsoDate;
  issuedText?: string;
  dueOn: IsoDate | null;
  dueText?: string;
  source: Source;
  section: string;
  content: string;
  sourceDocNo: string;
  urgency: string;
  secrecy: string;
  assisting: string;
  hostUnit: string;
  hostHead: string;
  signedOn: IsoDate | null;
  remarks: string;
  major: boolean;
  signer: string;
  number: string;
  /** Keep this item unnumbered (it arrived after the last numbering). */
  unnumbered: boolean;
  /** Pinned to show a status or a holiday: defects are never planted on it. */
  pinned: boolean;
}

/** A defect planted in the sample: the row and the check code it must raise. */
export interface PlantedDefect {
  readonly row: number;
  readonly code: RuleCode;
  readonly what: string;
}

export interface SampleData {
  readonly title: string;
  readonly sheetName: string;
  readonly headers: readonly string[];
  /** Item rows, the first on sheet row DEMO_HEADER_ROW + 1; one cell per header. */
  readonly rows: readonly (readonly CellValue[])[];
  /** The 设置 sheet, row by row. */
  readonly settingsSheetName: string;
  readonly settingsRows: readonly (readonly CellValue[])[];
  readonly defects: readonly PlantedDefect[];
}

const calendar = createCalendar();

function weighted<T>(rng: Random, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rng.next() * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i];
    if (x < 0) return items[i];
  }
  return items[items.length - 1];
}

/** The first working day on or after a date. */
function onWorkingDay(date: IsoDate): IsoDate {
  return calendar.isWorkingDay(date) ? date : addWorkingDays(calendar, date, 1);
}

function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIso(a, b) <= 0 ? a : b;
}

/** A random item issued on a day; its outcome is decided from where its deadline lies against today. */
function draftItem(rng: Random, issuedOn: IsoDate, today: IsoDate, seq: number): Draft {
  const source = weighted(rng, SOURCES, SOURCE_WEIGHTS);
  const section = DEFAULT_ROUTING[source] ?? rng.pick(OTHER_SECTIONS);
  const year = yearOf(issuedOn);
  const dueOn = addWorkingDays(calendar, issuedOn, rng.pick([5, 10, 10, 15, 20, 20, 30, 45]));
  const signedOn = rng.chance(0.9) ? minDate(addWorkingDays(calendar, issuedOn, rng.int(0, 2)), today) : null;
  const others = SECTIONS.filter((s) => s !== section);
  const assisting = rng.chance(0.3) ? rng.shuffle(others).slice(0, rng.int(1, 2)).join("、") : "";
  const draft: Draft = {
    issuedOn,
    dueOn,
    source,
    section,
    content: contentFor(rng, source, section, seq),
    sourceDocNo: sourceDocFor(rng, source, year),
    urgency: weighted(rng, ["一般", "加急", "特急", ""], [12, 5, 2, 1]),
    secrecy: weighted(rng, ["公开", "内部", ""], [14, 5, 1]),
    assisting,
    hostUnit: rng.pick(HOST_UNITS),
    hostHead: rng.pick(HEADS),
    signedOn,
    ...NO_OUTCOME,
    remarks: "",
    major: false,
    signer: rng.pick(DEPUTIES).name,
    number: "",
    unnumbered: false,
    pinned: false,
  };
  decideOutcome(rng, draft, today);
  if (rng.chance(0.18)) makeMajor(rng, draft, today);
  return draft;
}

/** Closed on time, late, after an extension, terminated, or still open (overdue or not). */
function decideOutcome(rng: Random, d: Draft, today: IsoDate): void {
  const due = d.dueOn;
  if (due === null) return;
  const pastDue = compareIso(due, today) < 0;
  if (!pastDue) {
    if (rng.chance(0.2)) closeOn(d, addWorkingDays(calendar, d.issuedOn, 1), today, "按期办结");
    else if (rng.chance(0.3)) d.remarks = rng.pick(["正在推进", "已完成阶段性工作", "已召开专题会部署"]);
    return;
  }
  const r = rng.next();
  if (r < 0.62) {
    closeOn(d, minDate(addWorkingDays(calendar, d.issuedOn, rng.int(2, 20)), due), today, "按期办结");
  } else if (r < 0.78) {
    closeOn(d, addWorkingDays(calendar, due, rng.int(1, 8)), today, "逾期办结");
    if (d.result !== "") d.remarks = "已约谈承办单位负责人";
  } else if (r < 0.9) {
    d.extendedTo = addWorkingDays(calendar, due, 10);
    d.extensionApprover = rng.pick(PRINCIPALS).name;
    closeOn(d, addWorkingDays(calendar, due, rng.int(2, 9)), today, "延期办结");
    d.remarks = "因上级政策调整申请延期";
  } else {
    d.result = "终止";
    d.extensionApprover = rng.pick(PRINCIPALS).name;
    d.remarks = "因上级政策变化，经主要领导批准终止办理";
  }
}

function closeOn(d: Draft, closedOn: IsoDate, today: IsoDate, result: string): void {
  if (compareIso(closedOn, today) > 0) return; // would close in the future: still open
  d.closedOn = closedOn;
  d.result = result;
}

/** Back to open: no outcome, not major. */
function reopen(d: Draft): void {
  Object.assign(d, NO_OUTCOME, { major: false, signer: DEPUTIES[0].name, remarks: "正在推进" });
}

/** A major item: signed by a principal leader, reported within 5 working days of closing. */
function makeMajor(rng: Random, d: Draft, today: IsoDate): void {
  if (d.closedOn !== null) {
    const reportedOn = addWorkingDays(calendar, d.closedOn, rng.int(1, 4));
    if (compareIso(reportedOn, today) > 0) return;
    d.reportedOn = reportedOn;
  }
  d.major = true;
  d.signer = rng.pick(PRINCIPALS).name;
}

/** Issue dates spread over a year up to a last day, on working days, ascending. */
function issueDates(rng: Random, year: number, count: number, last: IsoDate): IsoDate[] {
  const first = toDayNumber(`${year}-01-05`);
  const span = toDayNumber(last) - first;
  const days = Array.from({ length: count }, () => first + rng.int(0, span));
  days.sort((a, b) => a - b);
  return days.map((d) => minDate(onWorkingDay(fromDayNumber(d)), last));
}

/** The pinned items as drafts, in the order of PINS. */
function pinnedItems(rng: Random, today: IsoDate): Draft[] {
  return PINS.map(([issuedOn, dueOn, section, source, content, closedOn]) => {
    const d = draftItem(rng, issuedOn, today, 0);
    Object.assign(d, NO_OUTCOME, { dueOn, section, source, content, major: false, signer: rng.pick(DEPUTIES).name });
    d.remarks = "";
    d.pinned = true;
    d.sourceDocNo = sourceDocFor(rng, source, yearOf(issuedOn));
    if (closedOn !== undefined) closeOn(d, closedOn, today, "按期办结");
    return d;
  });
}

/** Numbers in row order per year; unnumbered drafts stay blank. */
function numberDrafts(drafts: readonly Draft[]): void {
  const seqByYear = new Map<number, number>();
  for (const d of drafts) {
    if (d.unnumbered) continue;
    const year = yearOf(d.issuedOn);
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    d.number = formatNumber({ prefix: "", year, seq });
  }
}

const text = (v: string): CellValue => (v === "" ? EMPTY : { t: "string", v });
const date = (v: IsoDate | null): CellValue => (v === null ? EMPTY : { t: "date", v });

function toRow(d: Draft, index: number): CellValue[] {
  return [
    { t: "number", v: index + 1 },
    text(d.number),
    text(d.content),
    text(d.sourceDocNo),
    text(d.urgency),
    text(d.secrecy),
    d.issuedText !== undefined ? text(d.issuedText) : date(d.issuedOn),
    d.dueText !== undefined ? text(d.dueText) : date(d.dueOn),
    text(d.section),
    text(d.assisting),
    text(d.hostHead),
    date(d.signedOn),
    text(d.result),
    text(d.remarks),
    text(d.hostUnit),
    text(d.source),
    text(d.major ? "是" : "否"),
    text(d.signer),
    date(d.closedOn),
    date(d.extendedTo),
    text(d.extensionApprover),
    date(d.reportedOn),
    EMPTY, // 状态: `duban refresh` writes the live formula here
  ];
}

function settingsRows(): CellValue[][] {
  const row = (...cells: string[]): CellValue[] => cells.map(text);
  const number = (label: string, v: number): CellValue[] => [text(label), { t: "number", v }];
  const routing = SOURCES.map((s) => row(s, DEFAULT_ROUTING[s] ?? ""));
  return [
    row(SETTINGS_HEADER.label, SETTINGS_HEADER.value),
    row(SETTINGS_LABELS.orgName, DEMO_ORG),
    [text(SETTINGS_LABELS.numberPrefix), EMPTY],
    number(SETTINGS_LABELS.warningDays, 3),
    number(SETTINGS_LABELS.remindReplyDays, 3),
    row(SETTINGS_LABELS.contactPhone, "023-47520000"),
    row(SETTINGS_LABELS.contactEmail, "duban@jjedu.example.cn"),
    [],
    row(...SETTINGS_LIST_HEADERS.sections),
    ...SECTIONS.map((s) => row(s)),
    [],
    row(...SETTINGS_LIST_HEADERS.leaders),
    ...LEADERS.map((l) => row(l.name, l.title, l.principal ? YES_NO.yes : YES_NO.no)),
    [],
    row(...SETTINGS_LIST_HEADERS.routing),
    ...routing,
  ];
}

/**
 * Builds the sample. The same seed always gives the same rows; `today` only decides which
 * items are closed by now (default DEMO_TODAY, for which the sample is designed).
 * @example buildSampleData().rows.length // 62
 */
export function buildSampleData(seed: number = DEMO_SEED, today: IsoDate = DEMO_TODAY): SampleData {
  const rng = seededRandom(seed);
  const drafts: Draft[] = [];
  issueDates(rng, 2025, 28, "2025-12-26").forEach((d, i) => drafts.push(draftItem(rng, d, today, i + 3)));
  issueDates(rng, 2026, 23, "2026-11-06").forEach((d, i) => drafts.push(draftItem(rng, d, today, i + 2)));
  drafts.push(...pinnedItems(rng, today));
  // Stable sort: rows run by issue date, as a ledger is kept.
  drafts.sort((a, b) => compareIso(a.issuedOn, b.issuedOn));

  // 涉密不上网: a classified item recorded by reference only.
  const classified = drafts[20];
  classified.secrecy = "秘密";
  classified.content = CLASSIFIED_PLACEHOLDER;
  // Dates typed as text in forms the engine reads.
  drafts[4].issuedText = `${yearOf(drafts[4].issuedOn)}.${Number(drafts[4].issuedOn.slice(5, 7))}.${Number(drafts[4].issuedOn.slice(8))}`;
  drafts[33].issuedText = drafts[33].issuedOn.replace(/-0?/g, "/");

  // Recent items arrived after the last numbering; one 2025 item was registered late.
  const recent = drafts.filter((d) => compareIso(d.issuedOn, "2026-11-01") >= 0);
  for (const d of recent.slice(-6)) d.unnumbered = true;
  drafts[24].unnumbered = true;
  numberDrafts(drafts);

  const defects: PlantedDefect[] = [];
  const rowOf = (d: Draft) => DEMO_HEADER_ROW + 1 + drafts.indexOf(d);
  const plant = (d: Draft, code: RuleCode, what: string) => defects.push({ row: rowOf(d), code, what });

  const seventh2025 = drafts.find((d) => d.number === "〔2025〕7号");
  if (seventh2025) {
    seventh2025.number = "[2025]7号";
    plant(seventh2025, "number-format", "编号用了方括号 [2025]7号");
  }
  const twelfth2026 = drafts.findIndex((d) => d.number === "〔2026〕12号");
  if (twelfth2026 > 0) {
    drafts[twelfth2026].number = "〔2026〕11号";
    plant(drafts[twelfth2026], "number-duplicate", "两行都编为〔2026〕11号");
  }
  // The two latest unpinned items are still open; their deadlines were entered wrongly.
  const latest = drafts.filter((d) => !d.pinned).slice(-2);
  for (const d of latest) reopen(d);
  const noDeadline = latest[1];
  noDeadline.dueOn = null;
  plant(noDeadline, "required-missing", "要求完成时间为空");
  const backwards = drafts.find((d, i) => i > 30 && !d.pinned && d.result === "按期办结" && !d.major);
  if (backwards) {
    backwards.dueOn = addWorkingDays(calendar, backwards.issuedOn, -5);
    plant(backwards, "deadline-before-issue", "要求完成时间早于任务下达时间");
  }
  const impossible = latest[0];
  impossible.dueText = "2026年13月2日";
  plant(impossible, "date-impossible", "要求完成时间写成 2026年13月2日");

  return {
    title: DEMO_TITLE,
    sheetName: REGISTRY_SHEET_NAME,
    headers: DEMO_HEADERS,
    rows: drafts.map(toRow),
    settingsSheetName: SETTINGS_SHEET_NAME,
    settingsRows: settingsRows(),
    defects,
  };
}
