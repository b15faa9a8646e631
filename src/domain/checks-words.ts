/**
 * The checks of the words clerks type (vocabulary.ts): list columns read through the
 * vocabulary (synonyms are warnings with the list value as fix), 督办结果 the engine cannot
 * read, long-term deadlines, and 重大事项 是/否.
 */
import type { ColumnKey } from "./columns";
import { HEADER_OF } from "./header-names";
import type { Issue, RegistryItem } from "./model";
import { makeIssue } from "./rules";
import { resultMeaning, type ListReading } from "./vocabulary";

/** What these checks see besides the item: which columns the sheet has. */
interface WordEnv {
  readonly has: (key: ColumnKey) => boolean;
}

type WordCheck = (item: RegistryItem, env: WordEnv) => Issue[];

const compact = (text: string) => text.replace(/[\s\u3000]+/g, "");

/** 重大事项: 是 or 否, blank allowed; a value differing only by white space gets a fix. */
export const checkMajor: WordCheck = (item, env) => {
  const value = item.major;
  if (!env.has("major") || value === "" || value === "是" || value === "否") return [];
  const fix = ["是", "否"].find((v) => v === compact(value));
  return [makeIssue("major-invalid", item.row, HEADER_OF.major, { value }, fix)];
};

/**
 * A vocabulary list column (紧急程度, 密级): blank, a value or a GB/T 9704 mark pass; a synonym
 * is a warning with the value as fix; a value spaced out, or anything else, is an error.
 */
export function vocabularyCheck(
  key: "urgency" | "secrecy",
  read: (text: string) => ListReading<string>,
  codes: { invalid: "urgency-invalid" | "secrecy-invalid"; synonym: "urgency-synonym" | "secrecy-synonym" },
): WordCheck {
  return (item, env) => {
    const value = item[key];
    if (!env.has(key)) return [];
    const reading = read(value);
    const column = HEADER_OF[key];
    switch (reading.how) {
      case "blank":
      case "exact":
      case "mark":
        return [];
      case "synonym":
        return [makeIssue(codes.synonym, item.row, column, { value, fix: reading.fix }, reading.fix)];
      case "spacing":
        return [makeIssue(codes.invalid, item.row, column, { value }, reading.fix)];
      case "unknown":
        return [makeIssue(codes.invalid, item.row, column, { value })];
    }
  };
}

/** 督办结果 that the engine cannot read as closed, terminated or still open (counts as open). */
export const checkResultWording: WordCheck = (item, env) => {
  if (!env.has("result") || item.closedOn !== null || resultMeaning(item.result) !== "unclear") return [];
  return [makeIssue("result-unclear", item.row, HEADER_OF.result, { value: item.result })];
};

/** 要求完成时间 长期 / 长期坚持 / 持续推进: an item without a deadline, said once. */
export const checkLongTerm: WordCheck = (item) => {
  if (item.longTerm === undefined) return [];
  return [makeIssue("deadline-long-term", item.row, HEADER_OF.dueOn, { value: item.longTerm })];
};
