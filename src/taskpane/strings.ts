/**
 * The task pane's shell strings (title, connection and standalone states), in one typed module
 * (zh-CN). The actions' outcome lines are built in excel-actions.ts; the use cases' own Chinese
 * messages pass through as they are.
 */
export const STRINGS = {
  appTitle: "督办台账",
  appSubtitle: "督办事项登记表：检查、编号、红黄绿灯、文书生成",
  loading: "正在连接 Excel……",
  excelReady: "已连接 Excel，可以处理当前工作簿中的督办事项登记表。",
  standaloneTitle: "独立模式",
  standalone: {
    "no-office": "未能加载 Office JavaScript 库（可能没有网络，或页面不在 Office 中打开），任务窗格以独立模式运行。",
    "no-host": "此页面不在 Excel 中打开，任务窗格以独立模式运行。",
    timeout: "等待 Office 初始化超时，任务窗格以独立模式运行。",
    "wrong-host": "督办台账只能在 Excel 中使用；当前宿主不是 Excel，任务窗格以独立模式运行。",
    "old-excel":
      "此版本 Excel 过旧（需要 Excel 2019、Microsoft 365 或 Excel 网页版，ExcelApi 1.8 及以上），督办台账加载项无法运行。工作簿自带的颜色、下拉列表和公式不受影响；请升级 Excel，或在电脑上使用 duban 命令行。",
  },
  standaloneHint:
    "在 Excel 中通过“督办台账”选项卡打开本加载项即可处理工作簿；命令行工具 duban 也可直接处理 .xlsx 文件。",
  registrySection: "登记表",
  documentSection: "文书",
  check: "检查登记表",
  number: "编号",
  refresh: "刷新红黄绿灯",
  undo: "撤销上次操作",
  notice: "通知单",
  report: "书面报告",
  remind: "催办提示单",
  numberLabel: "督办事项编号",
  numberHint: "按编号生成文书，写入新的工作表（A4 打印）",
  running: "中……",
  liveClean: "实时检查：登记表没有发现问题",
  livePrefix: "实时检查：",
  liveRemote: "（含协作者的修改）",
  hostLabel: "宿主",
  platformLabel: "平台",
} as const;

export type StandaloneReason = keyof typeof STRINGS.standalone;
