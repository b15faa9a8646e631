/**
 * Use case: editing the 设置 sheet from the task pane — the single values (单位名称, 编号前缀,
 * 临期预警工作日, 催办回复工作日, 联系电话, 电子邮箱) and the lists of sections and leaders. The
 * sheet is found and read the way readSettings reads it (labels, never positions); only cells
 * whose value changes are written, through the 操作日志 when the port keeps one.
 *
 * A list is written into its own section, top to bottom, clearing rows it no longer needs. A
 * section followed by another has the rows up to that one; when the new list does not fit, the
 * edit is refused with what to do (insert rows) — rows are never written over the next section.
 */
import { cellText, EMPTY, type CellValue, type SheetGrid } from "../domain/cell";
import { normalizeHeader } from "../domain/columns";
import type { Leader, Settings } from "../domain/model";
import { locateSettings, type SettingsLayout } from "../domain/settings-plan";
import {
  REMIND_REPLY_DAYS_RANGE,
  SETTINGS_LABELS,
  SETTINGS_SECTIONS,
  SETTINGS_SHEET_NAME,
  WARNING_DAYS_RANGE,
} from "../domain/settings";
import { YES_NO } from "../domain/yes-no";
import type { CellWrite, WorkbookPort } from "./port";
import { writeOperation, type LoggedOutcome } from "./ports/operation-log";
import { CodedError } from "./errors";

type ValueKey = keyof typeof SETTINGS_LABELS;
type ListKey = "sections" | "leaders";

/** What the person changed (any setting but the routing); fields left out keep what the sheet holds. */
export type SettingsEdit = Partial<Omit<Settings, "routing">>;

export const SETTINGS_EDIT_ERROR_CODES = ["no-settings-sheet", "no-label", "invalid-value", "list-full"] as const;

export type SettingsEditErrorCode = (typeof SETTINGS_EDIT_ERROR_CODES)[number];

/** An edit refused before anything was written, with one Chinese line saying what to do. */
export class SettingsEditError extends CodedError<SettingsEditErrorCode> {
  override readonly name = "SettingsEditError";
}

export interface SettingsSaveResult extends LoggedOutcome {
  /** Cells written (0 when nothing changed). */
  readonly written: number;
  /** What changed, one Chinese line per setting or list. */
  readonly changes: readonly string[];
}

function refuse(code: SettingsEditErrorCode, message: string): never {
  throw new SettingsEditError(code, message);
}

const text = (v: string): CellValue => (v === "" ? EMPTY : { t: "string", v });

/** The edit with values trimmed and checked; throws invalid-value with the reason. */
export function normalizeSettingsEdit(edit: SettingsEdit): SettingsEdit {
  const dayCount = (n: number | undefined, range: { min: number; max: number }, label: string) => {
    if (n === undefined) return undefined;
    if (!Number.isInteger(n) || n < range.min || n > range.max) {
      refuse("invalid-value", `${label}须为 ${range.min} 到 ${range.max} 之间的整数`);
    }
    return n;
  };
  const prefix = edit.numberPrefix === undefined ? undefined : normalizeHeader(edit.numberPrefix);
  if (prefix !== undefined && /[〔〕[\]【】()（）\d]/.test(prefix)) {
    refuse("invalid-value", `编号前缀“${prefix}”只写机关代字（如“江津教督”），不含括号、年份或数字`);
  }
  const email = edit.contactEmail?.trim();
  if (email !== undefined && email !== "" && !/^[^\s@]+@[^\s@]+$/.test(email)) {
    refuse("invalid-value", `电子邮箱“${email}”格式不对`);
  }
  const sections = edit.sections?.map(normalizeHeader).filter((s, i, all) => s !== "" && all.indexOf(s) === i);
  const leaders = edit.leaders
    ?.map((l) => ({ name: normalizeHeader(l.name), title: l.title.trim(), principal: l.principal }))
    .filter((l) => l.name !== "");
  const names = leaders?.map((l) => l.name) ?? [];
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) refuse("invalid-value", `领导“${twice}”列了两次`);
  return {
    ...(edit.orgName !== undefined ? { orgName: edit.orgName.trim() } : {}),
    ...(prefix !== undefined ? { numberPrefix: prefix } : {}),
    ...(edit.warningDays !== undefined
      ? { warningDays: dayCount(edit.warningDays, WARNING_DAYS_RANGE, "临期预警工作日") }
      : {}),
    ...(edit.remindReplyDays !== undefined
      ? { remindReplyDays: dayCount(edit.remindReplyDays, REMIND_REPLY_DAYS_RANGE, "催办回复工作日") }
      : {}),
    ...(edit.contactPhone !== undefined ? { contactPhone: edit.contactPhone.trim() } : {}),
    ...(email !== undefined ? { contactEmail: email } : {}),
    ...(sections !== undefined ? { sections } : {}),
    ...(leaders !== undefined ? { leaders } : {}),
  };
}

/** Collects writes of cells whose value changes. */
class Changes {
  readonly writes: CellWrite[] = [];
  constructor(private readonly grid: SheetGrid) {}

  at(row: number, col: number): CellValue {
    return this.grid.rows[row - 1]?.[col - 1] ?? EMPTY;
  }

  set(row: number, col: number, value: CellValue): boolean {
    const old = this.at(row, col);
    const same = value.t === "number" ? old.t === "number" && old.v === value.v : cellText(old) === cellText(value);
    if (same) return false;
    this.writes.push({ sheet: this.grid.name, row, col, value, old });
    return true;
  }
}

/** The last row a list may use: the row before the next section or value label (none: unbounded). */
function listLimit(layout: SettingsLayout, title: number): number {
  const starts = [...Object.values(layout.values), ...Object.values(layout.lists).map((l) => l?.title ?? 0)].filter(
    (r): r is number => r !== undefined && r > title,
  );
  return starts.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...starts) - 1;
}

/** The cells of one list entry, columns A, B, C. */
function listCells(key: ListKey, entry: string | Leader | undefined): CellValue[] {
  if (entry === undefined) return key === "sections" ? [EMPTY] : [EMPTY, EMPTY, EMPTY];
  if (typeof entry === "string") return [text(entry)];
  return [text(entry.name), text(entry.title), text(entry.principal ? YES_NO.yes : YES_NO.no)];
}

function writeList(changes: Changes, layout: SettingsLayout, key: ListKey, entries: readonly (string | Leader)[]) {
  const list = layout.lists[key];
  const label = SETTINGS_SECTIONS[key];
  if (list === undefined) {
    refuse("no-label", `设置表中没有“${label}”一节：请先点击“刷新红黄绿灯”补齐设置表`);
  }
  const limit = listLimit(layout, list.title);
  const capacity = limit - list.title;
  if (entries.length > capacity) {
    refuse(
      "list-full",
      `设置表“${label}”一节只有 ${capacity} 行，放不下 ${entries.length} 项：请在设置表第 ${limit} 行下方插入空行后重试`,
    );
  }
  const width = key === "sections" ? 1 : 3;
  const lastUsed = Math.min(list.end, limit);
  let changed = false;
  for (let row = list.title + 1; row <= Math.max(lastUsed, list.title + entries.length); row++) {
    const cells = listCells(key, entries[row - list.title - 1]);
    for (let c = 0; c < width; c++) changed = changes.set(row, c + 1, cells[c]) || changed;
  }
  return changed;
}

const VALUE_KEYS: readonly ValueKey[] = [
  "orgName",
  "numberPrefix",
  "warningDays",
  "remindReplyDays",
  "contactPhone",
  "contactEmail",
];

/**
 * Writes the changed settings into the 设置 sheet (one read, one write).
 * @example await saveSettings(port, { numberPrefix: "江津教督", sections: ["办公室", "秘书科"] })
 *   // { written: 3, changes: ["编号前缀：江津教督", "科室/单位：办公室、秘书科"], logged: true }
 */
export async function saveSettings(port: WorkbookPort, edit: SettingsEdit): Promise<SettingsSaveResult> {
  const clean = normalizeSettingsEdit(edit);
  const names = await port.sheetNames();
  const sheet = names.find((n) => n.trim() === SETTINGS_SHEET_NAME);
  if (sheet === undefined) {
    refuse("no-settings-sheet", "工作簿中没有“设置”表：请先点击“刷新红黄绿灯”，加载项会生成设置表");
  }
  const [grid] = await port.readSheets([sheet]);
  const layout = locateSettings(grid);
  const changes = new Changes(grid ?? { name: sheet, rows: [] });
  const lines: string[] = [];
  for (const key of VALUE_KEYS) {
    const value = clean[key];
    if (value === undefined) continue;
    const row = layout.values[key];
    if (row === undefined) {
      refuse("no-label", `设置表中没有“${SETTINGS_LABELS[key]}”一行：请先点击“刷新红黄绿灯”补齐设置表`);
    }
    const cell: CellValue = typeof value === "number" ? { t: "number", v: value } : text(value);
    if (changes.set(row, 2, cell)) lines.push(`${SETTINGS_LABELS[key]}：${value === "" ? "（空）" : value}`);
  }
  if (clean.sections && writeList(changes, layout, "sections", clean.sections)) {
    lines.push(`${SETTINGS_SECTIONS.sections}：${clean.sections.join("、") || "（空）"}`);
  }
  if (clean.leaders && writeList(changes, layout, "leaders", clean.leaders)) {
    const shown = clean.leaders.map((l) => `${l.name}${l.principal ? "（主要领导）" : ""}`);
    lines.push(`${SETTINGS_SECTIONS.leaders}：${shown.join("、") || "（空）"}`);
  }
  const logged = await writeOperation(port, changes.writes, { kind: "settings" });
  return { written: changes.writes.length, changes: lines, logged };
}
