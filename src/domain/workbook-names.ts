/**
 * The defined names the workbook setup creates. Formulas, validation lists and conditional
 * formats refer to these names rather than to addresses, so a person reading a formula in
 * Excel sees what it means, and a refresh can move a list without touching the formulas.
 */
export const WORKBOOK_NAMES = {
  /** 设置: the 临期预警工作日 value cell as the user typed it. */
  warningDaysInput: "临期预警工作日",
  /** 工作日历: the threshold in force (the typed value when valid, else the default 3). */
  warningDays: "预警阈值",
  /** 设置: the list of sections/units (one per row, column A). */
  sections: "科室列表",
  /** 设置: the leaders' names. */
  leaders: "领导列表",
  /** 设置: the sources of the routing table (column A of the 事项来源 block). */
  sources: "事项来源列表",
  /** 设置: the routing table, 来源 | 督办科室. */
  routing: "督办分工表",
  /** 工作日历: the dates, one per row. */
  calendarDates: "日历日期",
  /** 工作日历: 1 when the date is a working day in force (official data or a user row), else 0. */
  calendarWorking: "日历工作日",
  /** 工作日历: per date, (working days up to that date) × 100000 + the date serial. */
  calendarOrder: "日历序",
  /** 工作日历: per date, the text key "kYYYY-M-D" that text dates are matched against. */
  calendarKeys: "日历键",
  /** 工作日历: 日历序 of today (computed from TODAY()). */
  todayOrder: "今日序",
} as const;

export type WorkbookName = (typeof WORKBOOK_NAMES)[keyof typeof WORKBOOK_NAMES];
