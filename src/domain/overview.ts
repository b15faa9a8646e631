/**
 * The ledger at a glance (the task pane's 概览): how many items are in each status, per section,
 * and the lists a clerk acts on — overdue items, most overdue first, and items falling due, the
 * fewest working days left first.
 */
import { compareIso } from "./dates";
import type { RegistryItem, Status } from "./model";
import type { ItemStatus } from "./status";

/** Every status, in the order the pane shows them (the traffic lights, then the calm ones). */
export const STATUS_ORDER: readonly Status[] = ["逾期", "临期", "办理中", "已办结", "已终止"];

/** The section of an item whose 督办科室或单位 is blank. */
export const NO_SECTION = "（未填科室）";

/** What the overview needs of one item: its row and section, and its status on the day. */
export type StatusEntry = Pick<RegistryItem, "row" | "section"> & ItemStatus;

export type StatusCounts = Readonly<Record<Status, number>>;

export interface SectionCounts {
  readonly section: string;
  readonly counts: StatusCounts;
  readonly total: number;
}

export interface Overview<T extends StatusEntry> {
  readonly total: number;
  readonly counts: StatusCounts;
  /** Sections with most open items (逾期, 临期, 办理中) first, then by name; NO_SECTION last. */
  readonly sections: readonly SectionCounts[];
  /** 逾期 items, the earliest deadline first. */
  readonly overdue: readonly T[];
  /** 临期 items, the fewest working days left first. */
  readonly dueSoon: readonly T[];
}

function zeroCounts(): Record<Status, number> {
  return { 逾期: 0, 临期: 0, 办理中: 0, 已办结: 0, 已终止: 0 };
}

function openCount(c: StatusCounts): number {
  return c.逾期 + c.临期 + c.办理中;
}

/**
 * Counts by status and by section, and the overdue and due-soon lists.
 * @example summarizeStatuses([{ row: 3, section: "办公室", status: "逾期", deadline: "2026-11-30", workingDaysLeft: -2 }])
 *   // { total: 1, counts: { 逾期: 1, … }, sections: [{ section: "办公室", total: 1, … }], overdue: [row 3], dueSoon: [] }
 */
export function summarizeStatuses<T extends StatusEntry>(entries: readonly T[]): Overview<T> {
  const counts = zeroCounts();
  const bySection = new Map<string, Record<Status, number>>();
  for (const e of entries) {
    counts[e.status] += 1;
    const name = e.section.trim() === "" ? NO_SECTION : e.section.trim();
    const c = bySection.get(name) ?? zeroCounts();
    c[e.status] += 1;
    bySection.set(name, c);
  }
  const sections = [...bySection]
    .map(([section, c]) => ({ section, counts: c, total: STATUS_ORDER.reduce((n, s) => n + c[s], 0) }))
    .sort(
      (a, b) =>
        Number(a.section === NO_SECTION) - Number(b.section === NO_SECTION) ||
        openCount(b.counts) - openCount(a.counts) ||
        a.section.localeCompare(b.section, "zh-CN"),
    );
  const overdue = entries
    .filter((e) => e.status === "逾期")
    .sort((a, b) => compareIso(a.deadline ?? "", b.deadline ?? "") || a.row - b.row);
  const dueSoon = entries
    .filter((e) => e.status === "临期")
    .sort((a, b) => (a.workingDaysLeft ?? 0) - (b.workingDaysLeft ?? 0) || a.row - b.row);
  return { total: entries.length, counts, sections, overdue, dueSoon };
}
