/**
 * The defined names the workbook setup creates. Formulas, validation lists and conditional
 * formats refer to these names rather than to addresses, so a person reading a formula in
 * Excel sees what it means, and a refresh can move a list without touching the formulas.
 */
export const WORKBOOK_NAMES = {
  /** 设置: the 临期预警工作日 value cell (a whole number 0–30, validated). */
  warningDays: "预警阈值",
  /** 设置: the list of sections/units (one per row, column A). */
  sections: "科室列表",
  /** 设置: the leaders' names. */
  leaders: "领导列表",
  /** 设置: the sources of the routing table (column A of the 事项来源 block). */
  sources: "事项来源列表",
  /** 设置: the routing table, 来源 | 督办科室. */
  routing: "督办分工表",
  /** 工作日历: the dates, one per row, ascending. */
  calendarDates: "日历日期",
  /** 工作日历: per date, the working days on or before it (a running sum). */
  calendarCount: "日历累计",
  /** 工作日历: the running count of today (computed from TODAY()). */
  todayCount: "今日累计",
  /** 工作日历: words whose presence in 督办结果 closes an item. */
  closingWords: "办结用语",
  /** 工作日历: marks that keep a 督办结果 open whatever else it says. */
  neverClosingMarks: "未办用语",
  /** 工作日历: 督办结果 texts that terminate an item. */
  terminatingWords: "终止用语",
  /** 登记表: the 状态 column's body (the 督办看板 counts it). */
  registryStatus: "登记表状态",
  /** 登记表: the 督办科室或单位 column's body. */
  registrySection: "登记表科室",
} as const;

export type WorkbookName = (typeof WORKBOOK_NAMES)[keyof typeof WORKBOOK_NAMES];

/**
 * Names earlier versions of the setup created that nothing reads any more: a refresh deletes
 * them (they served the text-date parsing and the packed 日历序 arithmetic).
 */
export const FORMER_WORKBOOK_NAMES: readonly string[] = ["临期预警工作日", "日历工作日", "日历序", "日历键", "今日序"];
