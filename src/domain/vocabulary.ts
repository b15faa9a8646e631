/**
 * The words clerks type (docs/design.md "Words clerks type"): one table for the engine (status,
 * checks, documents), the 状态 formula and the dropdown lists, so that the colour a leader sees
 * and the status `duban status` prints come from the same words.
 *
 *   督办结果   closing (办结, 已完成, 已落实 …), never closing (text with 未/部分/正在/待/推进),
 *              terminating (终止, 已终止); anything else non-empty is unclear and counts as open
 *   紧急程度   特急 / 加急 / 一般, and the synonyms offices use (特急件, 急件, 平件 …)
 *   密级       公开 / 内部 / 秘密 / 机密 / 绝密; GB/T 9704 marks (秘密★1年) are their level;
 *              无 / 非密 / 不涉密 / “/” mean 公开
 *   要求完成时间  长期 / 长期坚持 / 持续推进: a long-term item without a deadline
 *
 * Matching rules, shared with the formula: a result closes when its text contains a closing
 * word and no never-closing mark (so 已按期办结 closes, 尚未办结 and 部分办结 do not);
 * terminating words and list values are compared whole, after trimming (list values also
 * without inner white space).
 */

/** 督办结果 texts that close an item (any text containing one of them closes, unless it is never closing). */
export const CLOSING_RESULTS = [
  "办结",
  "已办结",
  "按期办结",
  "逾期办结",
  "延期办结",
  "完成",
  "已完成",
  "办理完毕",
  "已落实",
  "落实完毕",
  "已销号",
] as const;

/** Marks that keep a result open whatever else it says (未办结, 部分完成, 正在推进, 待落实 …). */
export const NEVER_CLOSING_MARKS = ["未", "尚未", "部分", "正在", "待", "推进"] as const;

/** 督办结果 texts that terminate an item (compared whole, after trimming). */
export const TERMINATING_RESULTS = ["终止", "已终止"] as const;

/** The values the 督办结果 dropdown offers (free text stays allowed). */
export const RESULT_CHOICES = ["按期办结", "逾期办结", "延期办结", "终止"] as const;

/**
 * The shortest words that find every closing result by containment (办结 finds 按期办结 …):
 * what a formula needs to test.
 * @example CLOSING_NEEDLES // ["办结", "完成", "办理完毕", "已落实", "落实完毕", "已销号"]
 */
export const CLOSING_NEEDLES: readonly string[] = shortestCover(CLOSING_RESULTS);

/**
 * The shortest marks that find every never-closing mark by containment (未 finds 尚未).
 * @example NEVER_CLOSING_NEEDLES // ["未", "部分", "正在", "待", "推进"]
 */
export const NEVER_CLOSING_NEEDLES: readonly string[] = shortestCover(NEVER_CLOSING_MARKS);

/** Words of a list that contain no other word of it. */
function shortestCover(words: readonly string[]): string[] {
  return words.filter((w) => !words.some((u) => u !== w && w.includes(u)));
}

/**
 * What a 督办结果 says: nothing (blank), closed, terminated, still open (a never-closing mark),
 * or something the engine cannot tell (counted as open, with a `result-unclear` warning).
 */
export type ResultMeaning = "blank" | "closing" | "terminating" | "open" | "unclear";

/**
 * The meaning of a 督办结果 text (see the file comment).
 * @example resultMeaning("已完成") // "closing"
 * @example resultMeaning("部分办结") // "open"
 * @example resultMeaning(" 已终止 ") // "terminating"
 * @example resultMeaning("已报送") // "unclear"
 */
export function resultMeaning(text: string): ResultMeaning {
  const t = text.trim();
  if (t === "") return "blank";
  if ((TERMINATING_RESULTS as readonly string[]).includes(t)) return "terminating";
  const open = NEVER_CLOSING_NEEDLES.some((m) => t.includes(m));
  if (open) return "open";
  if (CLOSING_NEEDLES.some((w) => t.includes(w))) return "closing";
  return "unclear";
}

/**
 * True when a 督办结果 text closes the item.
 * @example resultCloses("已按期办结") // true
 * @example resultCloses("尚未办结") // false
 */
export function resultCloses(text: string): boolean {
  return resultMeaning(text) === "closing";
}

/**
 * True when a 督办结果 text terminates the item.
 * @example resultTerminates("已终止") // true
 * @example resultTerminates("终止办理") // false
 */
export function resultTerminates(text: string): boolean {
  return resultMeaning(text) === "terminating";
}

// ── Lists: 紧急程度 and 密级 ───────────────────────────────────────────────────────────

export const URGENCY_LEVELS = ["特急", "加急", "一般"] as const;
export type Urgency = (typeof URGENCY_LEVELS)[number];

/** What offices type for an urgency, and the level it means (a warning with the level as fix). */
export const URGENCY_SYNONYMS: Readonly<Record<string, Urgency>> = {
  特急件: "特急",
  急: "加急",
  急件: "加急",
  加急件: "加急",
  平件: "一般",
  平急: "一般",
  普通: "一般",
};

export const SECRECY_LEVELS = ["公开", "内部", "秘密", "机密", "绝密"] as const;
export type Secrecy = (typeof SECRECY_LEVELS)[number];

/** Levels whose items must not carry their content in a cloud workbook (涉密不上网). */
export const CLASSIFIED_LEVELS = ["秘密", "机密", "绝密"] as const;

/** What offices type for "not classified" (a warning with 公开 as fix). */
export const SECRECY_SYNONYMS: Readonly<Record<string, Secrecy>> = {
  无: "公开",
  非密: "公开",
  不涉密: "公开",
  无密级: "公开",
  "/": "公开",
  "／": "公开",
  "—": "公开",
  "-": "公开",
};

/** The GB/T 9704 star, and the stand-ins people type for it. */
const STAR = "★";
const STAR_LIKE = /[★☆*＊]/u;
/** A GB/T 9704 secrecy mark: level, star, protection period (秘密★1年, 机密★6个月, 绝密★长期). */
const MARK = /^(秘密|机密|绝密)([★☆*＊])(\d+年|\d+个月|长期)?$/u;

/**
 * How a list cell reads: blank; exactly a value; a GB/T 9704 mark (its level, no fix needed);
 * a synonym or a value spaced out or with a stand-in star (a fix offered); or not recognised.
 */
export type ListReading<V extends string> =
  | { readonly how: "blank"; readonly value: null }
  | { readonly how: "exact" | "mark"; readonly value: V }
  | { readonly how: "synonym" | "spacing"; readonly value: V; readonly fix: string }
  | { readonly how: "unknown"; readonly value: null };

/** Removes all white space, the ideographic space included. */
function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, "");
}

function readList<V extends string>(
  text: string,
  values: readonly V[],
  synonyms: Readonly<Record<string, V>>,
): ListReading<V> {
  const trimmed = text.trim();
  if (trimmed === "") return { how: "blank", value: null };
  if ((values as readonly string[]).includes(trimmed)) return { how: "exact", value: trimmed as V };
  const plain = compact(trimmed);
  if ((values as readonly string[]).includes(plain)) return { how: "spacing", value: plain as V, fix: plain };
  if (Object.prototype.hasOwnProperty.call(synonyms, plain)) {
    const value = synonyms[plain];
    return { how: "synonym", value, fix: value };
  }
  return { how: "unknown", value: null };
}

/**
 * Reads a 紧急程度 cell.
 * @example readUrgency("急件") // { how: "synonym", value: "加急", fix: "加急" }
 * @example readUrgency("特急") // { how: "exact", value: "特急" }
 */
export function readUrgency(text: string): ListReading<Urgency> {
  return readList(text, URGENCY_LEVELS, URGENCY_SYNONYMS);
}

/**
 * Reads a 密级 cell. A GB/T 9704 mark is its level (`秘密★1年` → 秘密); a mark with a stand-in
 * star (`秘密*1年`) gets the ★ form as fix.
 * @example readSecrecy("机密★长期") // { how: "mark", value: "机密" }
 * @example readSecrecy("非密") // { how: "synonym", value: "公开", fix: "公开" }
 */
export function readSecrecy(text: string): ListReading<Secrecy> {
  const listed = readList(text, SECRECY_LEVELS, SECRECY_SYNONYMS);
  if (listed.how !== "unknown") return listed;
  const plain = compact(text.trim());
  const m = MARK.exec(plain);
  if (!m || !STAR_LIKE.test(m[2])) return listed;
  const level = m[1] as Secrecy;
  const wanted = `${level}${STAR}${m[3] ?? ""}`;
  if (m[3] !== undefined && plain === text.trim() && m[2] === STAR) return { how: "mark", value: level };
  return { how: "synonym", value: level, fix: m[3] === undefined ? level : wanted };
}

/**
 * True when a 密级 text names a classified level (秘密, 机密, 绝密 — GB/T 9704 marks included).
 * @example isClassifiedText("秘密★1年") // true
 * @example isClassifiedText("内部") // false
 */
export function isClassifiedText(text: string): boolean {
  const value = readSecrecy(text).value;
  return value !== null && (CLASSIFIED_LEVELS as readonly string[]).includes(value);
}

/**
 * What documents show in place of a classified item's content: the content stays on paper.
 */
export const CLASSIFIED_CONTENT_SHOWN = "（涉密事项，内容见纸质件）";

// ── Deadlines ──────────────────────────────────────────────────────────────────────────

/** 要求完成时间 texts that mean a long-term item: no deadline, no colour, a warning. */
export const LONG_TERM_DEADLINES = ["长期", "长期坚持", "持续推进"] as const;

/**
 * True when a 要求完成时间 text marks a long-term item.
 * @example isLongTermDeadline(" 长期坚持 ") // true
 * @example isLongTermDeadline("2021-04-30") // false
 */
export function isLongTermDeadline(text: string): boolean {
  return (LONG_TERM_DEADLINES as readonly string[]).includes(compact(text.trim()));
}
