import { createCalendar } from "../../src/domain/calendar";
import type { RegistryItem } from "../../src/domain/model";
import { classifyItem, effectiveDeadline, isClosed, isTerminated } from "../../src/domain/status";

const cal = createCalendar();

function item(fields: Partial<RegistryItem>): RegistryItem {
  return {
    sheet: "督办事项登记表",
    row: 3,
    seq: "1",
    number: "〔2021〕1号",
    content: "落实课后服务工作",
    sourceDocNo: "",
    urgency: "",
    secrecy: "",
    issuedOn: "2021-09-01",
    dueOn: null,
    section: "督导室",
    assisting: "",
    hostHead: "",
    signedOn: null,
    result: "",
    remarks: "",
    hostUnit: "",
    source: "",
    major: "",
    signer: "",
    closedOn: null,
    extendedTo: null,
    extensionApprover: "",
    reportedOn: null,
    ...fields,
  };
}

describe("effective deadline", () => {
  it.each([
    ["is 要求完成时间 without an extension", "2021-04-30", null, "2021-04-30"],
    ["is 延期至 when the item was extended", "2021-04-30", "2021-05-31", "2021-05-31"],
    ["is 延期至 even when 要求完成时间 is blank", null, "2021-05-31", "2021-05-31"],
    ["is none when both are blank", null, null, null],
  ])("%s", (_rule, dueOn, extendedTo, expected) => {
    expect(effectiveDeadline({ dueOn, extendedTo })).toBe(expected);
  });
});

describe("terminated and closed", () => {
  it.each([
    ["终止 terminates", "终止", null, true, false],
    ["终止 with spaces around terminates", " 终止 ", null, true, false],
    ["终止 wins over a 办结日期", "终止", "2021-05-01", true, false],
    ["终止办理 is not exactly 终止", "终止办理", null, false, false],
    ["按期办结 closes", "按期办结", null, false, true],
    ["逾期办结 closes", "逾期办结", null, false, true],
    ["延期办结 closes", "延期办结", null, false, true],
    ["办结日期 alone closes", "", "2021-05-01", false, true],
    ["办结日期 with free text closes", "正在推进", "2021-05-01", false, true],
    ["free text does not close", "正在推进", null, false, false],
    ["未办结 does not close", "未办结", null, false, false],
    ["尚未办结，正在协调 does not close", "尚未办结，正在协调", null, false, false],
    ["已办结 closes", "已办结", null, false, true],
    ["已完成 closes", "已完成", null, false, true],
    ["完成 closes", "完成", null, false, true],
    ["已落实 closes", "已落实", null, false, true],
    ["已销号 closes", "已销号", null, false, true],
    ["部分办结 does not close", "部分办结", null, false, false],
    ["正在落实 does not close", "正在落实", null, false, false],
    ["已终止 terminates", "已终止", null, true, false],
    ["an unclear text (已报送) counts as open", "已报送", null, false, false],
    ["a blank result does not close", "", null, false, false],
  ])("%s", (_rule, result, closedOn, terminated, closed) => {
    expect(isTerminated({ result })).toBe(terminated);
    expect(isClosed({ result, closedOn })).toBe(closed);
  });
});

describe("status of an item (warning threshold 3 working days)", () => {
  it.each<[string, Partial<RegistryItem>, string, string, string | null, number | null]>([
    ["临期 when exactly 3 working days are left", { dueOn: "2021-11-04" }, "2021-11-01", "临期", "2021-11-04", 3],
    ["办理中 when 4 working days are left", { dueOn: "2021-11-05" }, "2021-11-01", "办理中", "2021-11-05", 4],
    ["临期 when due today", { dueOn: "2021-11-01" }, "2021-11-01", "临期", "2021-11-01", 0],
    [
      "临期 when 1 working day is left across National Day",
      { dueOn: "2021-10-08" },
      "2021-09-30",
      "临期",
      "2021-10-08",
      1,
    ],
    [
      "临期 when 3 working days are left across National Day (make-up Sat counts)",
      { dueOn: "2021-10-11" },
      "2021-09-30",
      "临期",
      "2021-10-11",
      3,
    ],
    [
      "办理中 when 5 working days are left across National Day",
      { dueOn: "2021-10-13" },
      "2021-09-30",
      "办理中",
      "2021-10-13",
      5,
    ],
    [
      "临期 when due across the year end with Jan 1–3 off",
      { dueOn: "2022-01-04" },
      "2021-12-31",
      "临期",
      "2022-01-04",
      1,
    ],
    ["临期 on a holiday when due at the end of it", { dueOn: "2021-10-07" }, "2021-10-02", "临期", "2021-10-07", 0],
    ["逾期 the day after the deadline", { dueOn: "2021-11-01" }, "2021-11-02", "逾期", "2021-11-01", -1],
    [
      "逾期 on a holiday after the deadline though no working day passed",
      { dueOn: "2021-10-01" },
      "2021-10-02",
      "逾期",
      "2021-10-01",
      0,
    ],
    ["逾期 by 1 working day across National Day", { dueOn: "2021-09-30" }, "2021-10-08", "逾期", "2021-09-30", -1],
    [
      "an extension moves an overdue item back to 办理中",
      { dueOn: "2021-09-30", extendedTo: "2021-10-29" },
      "2021-10-08",
      "办理中",
      "2021-10-29",
      16,
    ],
    [
      "an extension close by gives 临期",
      { dueOn: "2021-09-30", extendedTo: "2021-10-12" },
      "2021-10-08",
      "临期",
      "2021-10-12",
      3,
    ],
    [
      "an extension that has also passed is 逾期",
      { dueOn: "2021-09-30", extendedTo: "2021-10-08" },
      "2021-10-11",
      "逾期",
      "2021-10-08",
      -2,
    ],
    [
      "已办结 by 办结日期, overdue or not",
      { dueOn: "2021-09-30", closedOn: "2021-10-09" },
      "2021-10-11",
      "已办结",
      "2021-09-30",
      -3,
    ],
    [
      "已办结 by 督办结果 按期办结",
      { dueOn: "2021-11-30", result: "按期办结" },
      "2021-11-01",
      "已办结",
      "2021-11-30",
      21,
    ],
    [
      "已办结 by 督办结果 逾期办结",
      { dueOn: "2021-09-30", result: "逾期办结" },
      "2021-10-08",
      "已办结",
      "2021-09-30",
      -1,
    ],
    ["已终止 by 督办结果 终止", { dueOn: "2021-09-30", result: "终止" }, "2021-10-08", "已终止", "2021-09-30", -1],
    [
      "已终止 wins over a 办结日期",
      { dueOn: "2021-09-30", result: "终止", closedOn: "2021-09-29" },
      "2021-10-08",
      "已终止",
      "2021-09-30",
      -1,
    ],
    ["办理中 with no deadline", {}, "2021-11-01", "办理中", null, null],
    ["已办结 with no deadline", { result: "按期办结" }, "2021-11-01", "已办结", null, null],
    ["已终止 with no deadline", { result: "终止" }, "2021-11-01", "已终止", null, null],
    [
      "free text in 督办结果 leaves the status to the deadline",
      { dueOn: "2021-11-02", result: "正在推进" },
      "2021-11-01",
      "临期",
      "2021-11-02",
      1,
    ],
  ])("%s", (_rule, fields, today, status, deadline, left) => {
    expect(classifyItem(item(fields), today, cal, 3)).toEqual({ status, deadline, workingDaysLeft: left });
  });
});

describe("status with other thresholds and calendars", () => {
  it.each([
    ["threshold 0: due today is 临期", 0, "2021-11-01", "临期"],
    ["threshold 0: due tomorrow is 办理中", 0, "2021-11-02", "办理中"],
    ["threshold 5: 5 working days left is 临期", 5, "2021-11-08", "临期"],
    ["threshold 5: 6 working days left is 办理中", 5, "2021-11-09", "办理中"],
  ])("%s", (_rule, warningDays, dueOn, status) => {
    expect(classifyItem(item({ dueOn }), "2021-11-01", cal, warningDays).status).toBe(status);
  });

  it("a day off declared in the workbook calendar turns 办理中 into 临期", () => {
    const withDayOff = createCalendar([{ date: "2021-11-03", working: false, note: "停电" }]);
    const due = item({ dueOn: "2021-11-05" });
    expect(classifyItem(due, "2021-11-01", cal, 3).status).toBe("办理中");
    expect(classifyItem(due, "2021-11-01", withDayOff, 3)).toEqual({
      status: "临期",
      deadline: "2021-11-05",
      workingDaysLeft: 3,
    });
  });
});
