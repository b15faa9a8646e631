/**
 * The fixed content of the demo sample (sample-data.ts generates the items from it): the
 * leaders, offices, host units and topics its items draw on, their wording by source, and the
 * items pinned to dates that show the calendar and the traffic lights.
 */
import type { IsoDate } from "../../domain/cell";
import { SOURCE_VALUES } from "../../domain/columns";
import type { Leader } from "../../domain/model";
import type { Random } from "./random";

export const LEADERS: readonly Leader[] = [
  { name: "王建国", title: "主任", principal: true },
  { name: "刘德明", title: "工委书记", principal: true },
  { name: "陈志强", title: "副主任", principal: false },
  { name: "周丽萍", title: "副主任", principal: false },
  { name: "黄文斌", title: "副主任", principal: false },
  { name: "杨晓梅", title: "工委委员", principal: false },
];
export const PRINCIPALS = LEADERS.filter((l) => l.principal);
export const DEPUTIES = LEADERS.filter((l) => !l.principal);

export const SECTIONS = [
  "办公室",
  "秘书科",
  "督导室",
  "组织科",
  "基础教育科",
  "安全管理科",
  "财务科",
  "人事科",
  "体卫艺科",
];
/** Sections that supervise items of no fixed route (其他领导批示, 其他). */
export const OTHER_SECTIONS = ["基础教育科", "安全管理科", "财务科", "人事科", "体卫艺科"];

export const HOST_UNITS = [
  "江津中学",
  "江津二中",
  "江津田家炳中学",
  "聚奎中学",
  "白沙中学",
  "几江小学",
  "江津区实验小学",
  "鼎山小学",
  "区教育考试中心",
  "区教师进修学校",
  "区学生资助管理中心",
  "区教育技术装备所",
  "各学区管理中心",
];
export const HEADS = [
  "张德华",
  "李红梅",
  "赵国强",
  "孙丽",
  "吴志刚",
  "郑秀兰",
  "冯建平",
  "何俊",
  "罗敏",
  "谢长青",
  "唐静",
  "邓小军",
];

/** Topics by the section that would handle them. */
const TOPICS: Readonly<Record<string, readonly string[]>> = {
  基础教育科: [
    "秋季学期义务教育招生入学",
    "课后服务质量提升",
    "“双减”政策落实情况自查",
    "学前教育普惠资源扩容",
    "控辍保学动态监测",
  ],
  安全管理科: [
    "校园安全隐患排查整治",
    "学生防溺水安全教育",
    "校车安全专项整治",
    "学校消防设施整改",
    "汛期校园安全防范",
  ],
  财务科: ["教育经费预算执行", "学生资助资金发放", "农村义务教育学生营养改善计划资金监管", "校舍维修改造资金拨付"],
  人事科: ["中小学教师公开招聘", "教师职称评审", "乡村教师生活补助发放", "校长职级制改革"],
  体卫艺科: ["学生体质健康监测", "校园食品安全专项检查", "中小学生近视防控", "学校卫生室标准化建设"],
};
const ALL_TOPICS = Object.values(TOPICS).flat();
const PARTY_TOPICS = [
  "教育系统意识形态工作责任制落实情况专项检查",
  "基层党组织书记抓党建工作述职评议",
  "“三会一课”制度落实情况督查",
  "党风廉政建设主体责任落实",
  "中小学校党组织领导的校长负责制试点",
  "清廉学校建设",
];

export type Source = (typeof SOURCE_VALUES)[number];
export const SOURCES: readonly Source[] = SOURCE_VALUES;
/** How often each source occurs, in the order of SOURCE_VALUES. */
export const SOURCE_WEIGHTS: readonly number[] = [2, 3, 1, 1, 2, 3, 2, 1, 1, 1];

export function contentFor(rng: Random, source: Source, section: string, seq: number): string {
  const topic = rng.pick(TOPICS[section] ?? ALL_TOPICS);
  switch (source) {
    case "区委批转":
      return `落实区委常委会第${seq}次会议关于${topic}的要求`;
    case "区政府批转":
      return `落实区政府第${seq}次常务会议关于${topic}的部署`;
    case "区人大批转":
      return `办理区人大代表建议第${seq}号“关于加强${topic}的建议”`;
    case "区政协批转":
      return `办理区政协委员提案第${seq}号“关于做好${topic}的提案”`;
    case "主要领导批示":
      return `落实主任关于${topic}的批示意见`;
    case "主任办公会":
      return `落实第${seq}次主任办公会关于${topic}的议定事项`;
    case "工委会":
      return `落实区委教育工委第${seq}次工委会关于${topic}的部署`;
    case "党建意识形态":
      return `开展${rng.pick(PARTY_TOPICS)}`;
    case "其他领导批示":
      return `落实分管领导关于${topic}的批示`;
    case "其他":
      return `报送${topic}工作进展情况`;
  }
}

export function sourceDocFor(rng: Random, source: Source, year: number): string {
  const n = rng.int(3, 160);
  switch (source) {
    case "区委批转":
      return `江津委办〔${year}〕${n}号`;
    case "区政府批转":
      return `江津府办〔${year}〕${n}号`;
    case "区人大批转":
      return `江津人大建〔${year}〕${n}号`;
    case "区政协批转":
      return `江津政协提〔${year}〕${n}号`;
    case "主任办公会":
      return `主任办公会纪要〔${year}〕${rng.int(1, 30)}号`;
    case "工委会":
      return `工委会纪要〔${year}〕${rng.int(1, 20)}号`;
    case "党建意识形态":
      return `江津教工委〔${year}〕${rng.int(1, 60)}号`;
    default:
      return "";
  }
}

/** An item pinned to its dates; `closedOn` when it closed on time (unless that is after today). */
export type Pin = readonly [
  issuedOn: IsoDate,
  dueOn: IsoDate,
  section: string,
  source: Source,
  content: string,
  closedOn?: IsoDate,
];

/** Items pinned to dates that show the calendar and the traffic lights seen from DEMO_TODAY. */
export const PINS: readonly Pin[] = [
  // Due across the Spring Festival and National Day holidays.
  [
    "2026-02-09",
    "2026-02-27",
    "基础教育科",
    "其他领导批示",
    "落实分管领导关于春季学期开学准备工作的批示",
    "2026-02-26",
  ],
  [
    "2026-09-24",
    "2026-10-09",
    "督导室",
    "区政府批转",
    "落实区政府第12次常务会议关于校园安全隐患排查的部署",
    "2026-10-09",
  ],
  // Overdue, seen from 2026-11-25.
  ["2026-08-03", "2026-09-30", "财务科", "其他领导批示", "落实分管领导关于学生资助资金发放进度的批示"],
  ["2026-09-15", "2026-10-30", "办公室", "主要领导批示", "落实主任关于规范中小学校服征订管理的批示意见"],
  ["2026-10-12", "2026-11-13", "安全管理科", "其他领导批示", "落实分管领导关于冬季校园消防安全检查的批示"],
  ["2026-10-20", "2026-11-20", "秘书科", "区委批转", "落实区委常委会第31次会议关于教育领域民生实事的要求"],
  // Due today and within 3 working days: 临期.
  ["2026-11-09", "2026-11-25", "组织科", "党建意识形态", "开展2026年度教育系统意识形态工作专项检查"],
  ["2026-11-10", "2026-11-26", "体卫艺科", "其他领导批示", "落实分管领导关于中小学生近视防控工作的批示"],
  ["2026-11-12", "2026-11-27", "办公室", "区人大批转", "办理区人大代表建议第27号“关于加强农村学校寄宿制管理的建议”"],
  ["2026-11-16", "2026-11-30", "督导室", "区政府批转", "落实区政府第15次常务会议关于校舍维修改造的部署"],
  // In progress, due next month.
  ["2026-10-26", "2026-12-18", "基础教育科", "其他领导批示", "落实分管领导关于课后服务经费保障机制的批示"],
  ["2026-11-03", "2026-12-31", "组织科", "工委会", "落实区委教育工委第9次工委会关于清廉学校建设的部署"],
  ["2026-11-05", "2026-12-11", "财务科", "其他领导批示", "落实分管领导关于2027年部门预算编制的批示"],
  // Due after New Year 2027, a year the holiday data does not cover yet.
  ["2026-11-20", "2027-01-08", "办公室", "主任办公会", "落实第22次主任办公会关于2027年度工作要点起草的议定事项"],
];
