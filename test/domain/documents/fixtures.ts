/** Items, settings and .xlsx registries for the document tests. */
import * as ExcelJS from "exceljs";
import type { RegistryItem, Settings } from "../../../src/domain/model";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";
import { EXTENSION_COLUMNS, OFFICIAL_COLUMNS } from "../../../src/domain/columns";

/** A complete item: numbered, with content, sections, host, dates. */
export const ITEM: RegistryItem = {
  sheet: "督办事项登记表",
  row: 5,
  seq: "3",
  number: "〔2021〕3号",
  content: "落实全区中小学校园安全隐患大排查大整治工作，建立问题清单和整改台账，按期报送整改情况",
  sourceDocNo: "江津府办〔2021〕12号",
  urgency: "加急",
  secrecy: "公开",
  issuedOn: "2021-04-15",
  dueOn: "2021-04-30",
  section: "督导室",
  assisting: "安全科、基础教育科",
  hostHead: "李明",
  signedOn: "2021-04-16",
  result: "",
  remarks: "",
  hostUnit: "江津中学",
  source: "区政府批转",
  major: "否",
  signer: "王建国",
  closedOn: null,
  extendedTo: null,
  extensionApprover: "",
  reportedOn: null,
};

export const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  orgName: "重庆市江津区教育委员会",
  contactPhone: "023-47521234",
  contactEmail: "duban@jjedu.example.cn",
  remindReplyDays: 3,
};

/** An item varied from ITEM. */
export function item(changes: Partial<RegistryItem>): RegistryItem {
  return { ...ITEM, ...changes };
}

const HEADERS = [...OFFICIAL_COLUMNS, ...EXTENSION_COLUMNS].filter((c) => c.key !== "status");

type RowValue = string | number | Date | null;

/** Registry row values by header text; dates as real dates. */
export function registryRow(it: RegistryItem): Record<string, RowValue> {
  const d = (iso: string | null): Date | null => (iso === null ? null : new Date(`${iso}T00:00:00Z`));
  return {
    序号: Number(it.seq) || null,
    督办事项编号: it.number,
    督办事项内容: it.content,
    来文编号: it.sourceDocNo,
    紧急程度: it.urgency,
    密级: it.secrecy,
    任务下达时间: d(it.issuedOn),
    要求完成时间: d(it.dueOn),
    督办科室或单位: it.section,
    协办科室或单位: it.assisting,
    承办单位负责人: it.hostHead,
    签收日期: d(it.signedOn),
    督办结果: it.result,
    备注: it.remarks,
    承办单位: it.hostUnit,
    事项来源: it.source,
    重大事项: it.major,
    签发领导: it.signer,
    办结日期: d(it.closedOn),
    延期至: d(it.extendedTo),
    延期批准人: it.extensionApprover,
    报告日期: d(it.reportedOn),
  };
}

/** Items of the sample registry: 〔2021〕1号…〔2021〕4号 and 〔2020〕13号, one closed with a result. */
export const REGISTRY_ITEMS: readonly RegistryItem[] = [
  item({ seq: "1", number: "〔2021〕1号", content: "制定2021年教育督导工作要点", dueOn: "2021-03-31" }),
  item({
    seq: "2",
    number: "〔2021〕2号",
    content: "开展春季学期开学工作专项督查",
    section: "办公室",
    hostUnit: "基础教育科",
  }),
  ITEM,
  item({
    seq: "4",
    number: "〔2021〕4号",
    content: "完成区人大代表建议第18号办理并答复代表",
    section: "办公室",
    hostUnit: "规划科",
    dueOn: "2021-05-20",
    closedOn: "2021-05-18",
    result: "按期办结。已于5月18日书面答复代表，代表对办理结果表示满意",
    reportedOn: "2021-05-21",
  }),
  item({ seq: "5", number: "〔2020〕13号", content: "2020年遗留事项", dueOn: "2020-12-31" }),
];

/**
 * A registry workbook: the 督办事项登记表 (title row, header, items) and a 设置 sheet with
 * the contact phone and e-mail of SETTINGS.
 */
export function registryWorkbook(items: readonly RegistryItem[] = REGISTRY_ITEMS): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("督办事项登记表");
  ws.addRow(["督办事项登记表"]);
  ws.addRow(HEADERS.map((c) => c.header));
  for (const it of items) {
    const values = registryRow(it);
    ws.addRow(HEADERS.map((c) => values[c.header] ?? null));
  }
  const settings = wb.addWorksheet("设置");
  settings.addRow(["项目", "值"]);
  settings.addRow(["单位名称", SETTINGS.orgName]);
  settings.addRow(["临期预警工作日", 3]);
  settings.addRow(["催办回复工作日", SETTINGS.remindReplyDays]);
  settings.addRow(["联系电话", SETTINGS.contactPhone]);
  settings.addRow(["电子邮箱", SETTINGS.contactEmail]);
  return wb;
}

/** Text of a layout cell by field name. */
export function fieldText(layout: { cells: readonly { field?: string; value: string }[] }, field: string): string {
  const found = layout.cells.filter((c) => c.field === field);
  if (found.length !== 1) throw new Error(`field ${field} is placed ${found.length} times`);
  return found[0].value;
}
