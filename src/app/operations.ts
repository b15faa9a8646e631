/**
 * The operations of the add-in, by kind. What an operation does — whether undo takes it back,
 * whether the Office adapter reads the registry with the sheet names — is decided by its kind;
 * its Chinese label is only what the 操作日志 and the pane show. The label table is the one
 * place labels are written, so renaming one changes what people read and nothing else — but
 * the 操作日志 of a workbook keeps the labels it was written with, and undo recognises a
 * logged operation by its label (operationKindOf): a renamed label needs its old spelling
 * mapped too.
 */

/** Chinese label of every operation kind, as the 操作日志 records it. */
export const OPERATION_LABELS = {
  /** Reading the workbook (the pane's snapshot, a port method run on its own). */
  read: "读取",
  /** Plain cell writes run as an operation of their own. */
  write: "写入",
  check: "检查",
  status: "状态",
  number: "编号",
  /** Renumbering the rows whose number a co-author took meanwhile (numberCoauthored). */
  "number-repair": "编号（避让协作者的重复编号）",
  fix: "修正",
  refresh: "刷新",
  init: "新建登记表",
  undo: "撤销上次操作",
  /** A document sheet drawn as an operation of its own (the pane names the document instead). */
  document: "生成文书",
  notice: "生成督办事项通知单",
  report: "生成督办书面报告",
  remind: "生成催办提示单",
  analysis: "督办分析",
  "analysis-report": "生成督办分析报告",
  accountability: "问责建议",
  "accountability-record": "记录问责措施",
  archive: "年终归档",
  close: "销号",
  extend: "延期",
  terminate: "终止",
  settings: "修改设置",
  calendar: "修改工作日历",
} as const;

export type OperationKind = keyof typeof OPERATION_LABELS;

const KIND_OF_LABEL: ReadonlyMap<string, OperationKind> = new Map(
  (Object.keys(OPERATION_LABELS) as OperationKind[]).map((kind) => [OPERATION_LABELS[kind], kind]),
);

/**
 * The label of an operation kind.
 * @example operationLabel("number") // "编号"
 */
export function operationLabel(kind: OperationKind): string {
  return OPERATION_LABELS[kind];
}

/**
 * The kind a label read from the 操作日志 names, or null for a label the add-in does not write.
 * @example operationKindOf("刷新") // "refresh"
 * @example operationKindOf("手工修改") // null
 */
export function operationKindOf(label: string): OperationKind | null {
  return KIND_OF_LABEL.get(label.trim()) ?? null;
}

/**
 * Operations that only set the workbook up (settings, calendar, formulas, colours): they never
 * change what a person typed, and undo does not take them back (undo.ts).
 */
export const SETUP_OPERATIONS: ReadonlySet<OperationKind> = new Set<OperationKind>(["refresh", "init"]);

/** What an operation is, how the 操作日志 names it and, for an undo, which operation it reverses. */
export interface OperationMeta {
  readonly kind: OperationKind;
  /** The name in the 操作日志 when it is not the kind's label (a caller naming what it did more precisely). */
  readonly label?: string;
  /** The 操作编号 this operation undoes (undo only). */
  readonly undoes?: string;
  /** Who did it, when the host knows (Office.js does not tell the add-in the user's name). */
  readonly user?: string;
}

/**
 * An operation's meta from its kind or its meta.
 * @example operationMeta("refresh") // { kind: "refresh" }
 */
export function operationMeta(op: OperationKind | OperationMeta): OperationMeta {
  return typeof op === "string" ? { kind: op } : op;
}

/**
 * The name of an operation in the 操作日志.
 * @example metaLabel({ kind: "undo", undoes: "x" }) // "撤销上次操作"
 */
export function metaLabel(meta: OperationMeta): string {
  return meta.label ?? OPERATION_LABELS[meta.kind];
}
