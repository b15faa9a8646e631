import { NO_SECTION, STATUS_ORDER, summarizeStatuses, type StatusEntry } from "../../src/domain/overview";
import { suggestClosingResult } from "../../src/domain/closing";
import type { Status } from "../../src/domain/model";

const entry = (
  row: number,
  section: string,
  status: Status,
  deadline: string | null,
  left: number | null,
): StatusEntry => ({
  row,
  section,
  status,
  deadline,
  workingDaysLeft: left,
});

describe("summarizeStatuses", () => {
  const entries = [
    entry(3, "办公室", "逾期", "2026-11-30", -2),
    entry(4, "督导室", "逾期", "2026-11-02", -22),
    entry(5, "办公室", "临期", "2026-12-04", 2),
    entry(6, " ", "临期", "2026-12-03", 1),
    entry(7, "督导室", "已办结", "2026-10-01", -40),
    entry(8, "秘书科", "办理中", null, null),
    entry(9, "秘书科", "已终止", "2026-10-01", -40),
  ];
  const overview = summarizeStatuses(entries);

  it("counts every status, zero included", () => {
    expect(overview.total).toBe(7);
    expect(overview.counts).toEqual({ 逾期: 2, 临期: 2, 办理中: 1, 已办结: 1, 已终止: 1 });
    expect(Object.keys(overview.counts).sort()).toEqual([...STATUS_ORDER].sort());
  });

  it("lists overdue items most overdue first and due-soon items fewest days first", () => {
    expect(overview.overdue.map((e) => e.row)).toEqual([4, 3]);
    expect(overview.dueSoon.map((e) => e.row)).toEqual([6, 5]);
  });

  it("counts by section, most open items first, a blank section last under its own name", () => {
    expect(overview.sections.map((s) => [s.section, s.total])).toEqual([
      ["办公室", 2],
      ["督导室", 2],
      ["秘书科", 2],
      [NO_SECTION, 1],
    ]);
    expect(overview.sections[0].counts).toMatchObject({ 逾期: 1, 临期: 1 });
  });

  it("gives empty lists for an empty registry", () => {
    expect(summarizeStatuses([])).toEqual({
      total: 0,
      counts: { 逾期: 0, 临期: 0, 办理中: 0, 已办结: 0, 已终止: 0 },
      sections: [],
      overdue: [],
      dueSoon: [],
    });
  });
});

describe("suggestClosingResult", () => {
  it.each([
    ["on the deadline", { dueOn: "2026-04-30", extendedTo: null }, "2026-04-30", "按期办结"],
    ["before the deadline", { dueOn: "2026-04-30", extendedTo: null }, "2026-04-01", "按期办结"],
    ["after it, within an extension", { dueOn: "2026-04-30", extendedTo: "2026-05-31" }, "2026-05-31", "延期办结"],
    ["after the extension too", { dueOn: "2026-04-30", extendedTo: "2026-05-31" }, "2026-06-01", "逾期办结"],
    ["after the deadline, no extension", { dueOn: "2026-04-30", extendedTo: null }, "2026-05-06", "逾期办结"],
    ["an item without a deadline", { dueOn: null, extendedTo: null }, "2026-05-06", "按期办结"],
  ])("closed %s is %s", (_name, item, closedOn, expected) => {
    expect(suggestClosingResult(item, closedOn)).toBe(expected);
  });
});
