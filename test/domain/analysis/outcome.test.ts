import { closingWordTiming, itemOutcome } from "../../../src/domain/analysis/outcome";
import { createCalendar } from "../../../src/domain/calendar";
import { item } from "../documents/fixtures";

const cal = createCalendar();
const open = { result: "", closedOn: null, extendedTo: null };

describe("when a closed item was closed", () => {
  it.each([
    // [rule, changes, today, outcome, basis]
    [
      "办结日期 on the deadline is on time",
      { dueOn: "2021-04-30", closedOn: "2021-04-30" },
      "2021-06-01",
      "closedOnTime",
      "date",
    ],
    [
      "办结日期 a day after is late",
      { dueOn: "2021-04-30", closedOn: "2021-05-01" },
      "2021-06-01",
      "closedLate",
      "date",
    ],
    [
      "延期至 moves the deadline",
      { dueOn: "2021-04-30", extendedTo: "2021-05-31", closedOn: "2021-05-20" },
      "2021-06-01",
      "closedOnTime",
      "date",
    ],
    [
      "the date wins over 按期办结",
      { dueOn: "2021-04-30", closedOn: "2021-05-06", result: "按期办结" },
      "2021-06-01",
      "closedLate",
      "date",
    ],
    [
      "the date wins over 逾期办结",
      { dueOn: "2021-04-30", closedOn: "2021-04-20", result: "逾期办结" },
      "2021-06-01",
      "closedOnTime",
      "date",
    ],
    [
      "逾期办结 without a date is late",
      { dueOn: "2021-04-30", result: "逾期办结" },
      "2021-06-01",
      "closedLate",
      "word",
    ],
    [
      "延期办结 without a date is on time (within the extension)",
      { dueOn: "2021-04-30", result: "延期办结" },
      "2021-06-01",
      "closedOnTime",
      "word",
    ],
    [
      "已办结 before the deadline is on time for sure",
      { dueOn: "2021-04-30", result: "已办结" },
      "2021-04-30",
      "closedOnTime",
      "before-deadline",
    ],
    [
      "已办结 after the deadline is counted on time, marked assumed",
      { dueOn: "2021-04-30", result: "已办结" },
      "2021-05-06",
      "closedOnTime",
      "assumed",
    ],
    [
      "a long-term item closed is on time",
      { dueOn: null, closedOn: "2021-09-01" },
      "2021-10-08",
      "closedOnTime",
      "date",
    ],
  ] as const)("%s", (_rule, changes, today, outcome, basis) => {
    const o = itemOutcome(item({ ...open, ...changes }), today, cal, 3);
    expect(o.outcome).toBe(outcome);
    expect(o.basis).toBe(basis);
  });
});

describe("open and terminated items", () => {
  it.each([
    ["终止 even with a 办结日期", { result: "终止", closedOn: "2021-05-01" }, "2021-06-01", "terminated", null],
    // 1–5 May 2021 are 劳动节: 6 May is the first working day after the deadline.
    ["未办结 is open: overdue after the deadline", { result: "未办结" }, "2021-05-06", "overdue", 1],
    ["due today is in progress (临期)", {}, "2021-04-30", "inProgress", null],
    // 30 Sep 2021 → 8 Oct: National Day, one working day (8 Oct) late.
    ["across National Day", { dueOn: "2021-09-30" }, "2021-10-08", "overdue", 1],
    // Due Saturday 25 Sep 2021 (not a make-up day) → Sunday 26 Sep is a make-up day: one working day late.
    ["a make-up Sunday counts", { dueOn: "2021-09-25" }, "2021-09-26", "overdue", 1],
    ["a long-term open item is in progress", { dueOn: null }, "2030-01-01", "inProgress", null],
  ] as const)("%s", (_rule, changes, today, outcome, late) => {
    const o = itemOutcome(item({ ...open, dueOn: "2021-04-30", ...changes }), today, cal, 3);
    expect(o.outcome).toBe(outcome);
    expect(o.workingDaysLate).toBe(late);
  });
});

describe("words of 督办结果 about timing", () => {
  it.each([
    ["逾期办结", "late"],
    ["逾期完成", "late"],
    ["按期办结", "onTime"],
    ["延期办结", "onTime"],
    ["已办结", null],
    ["办理完毕", null],
  ] as const)("%s → %s", (word, timing) => {
    expect(closingWordTiming(word)).toBe(timing);
  });
});
