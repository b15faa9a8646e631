/**
 * 评优评先 eligibility (policy 五（二）): "凡受到过通报批评及以上处理的单位，取消单位及主要负责人
 * （责任人）当年评优评先资格". A unit loses it for a calendar year when the 问责记录 holds a
 * 通报批评 or 追究责任 of that unit dated in that year. Only recorded measures count — a
 * suggestion nobody confirmed costs nothing.
 *
 * The unit is the row's 承办单位; when that is blank, the 承办单位 of the item its 事项编号
 * names (with a warning to fill it in). Units are compared with white space removed.
 */
import type { IsoDate } from "../cell";
import { yearOf } from "../dates";
import type { Issue, RegistryItem } from "../model";
import { makeIssue } from "../rules";
import { printedNumber } from "../documents/common";
import { ACCOUNTABILITY_ISSUE_COLUMN, DISQUALIFYING, type AccountabilityEntry, type Measure } from "./log";

/** A unit that may not be rated 优秀 / 先进 in a year, and the records that say so. */
export interface Ineligibility {
  readonly unit: string;
  readonly year: number;
  readonly records: readonly {
    readonly row: number;
    readonly date: IsoDate;
    readonly number: string;
    readonly measure: Measure;
  }[];
}

function unitKey(unit: string): string {
  return unit.replace(/[\s\u3000]+/g, "");
}

/**
 * The units that lost 评优评先 eligibility, by year then unit (in the order of their first
 * record), with warnings about records that name no unit, no readable date, or a number
 * no item has. `items` are every item the workbook holds (registry and archives).
 * @example ineligibleUnits([{ row: 2, date: "2021-06-10", unit: "江津中学", measure: "通报批评", … }], items).ineligible
 *   // [{ unit: "江津中学", year: 2021, records: [{ row: 2, date: "2021-06-10", number: "〔2021〕3号", measure: "通报批评" }] }]
 */
export function ineligibleUnits(
  records: readonly (AccountabilityEntry & { readonly row: number })[],
  items: readonly RegistryItem[],
): { ineligible: Ineligibility[]; issues: Issue[] } {
  const byNumber = new Map<string, RegistryItem>();
  for (const item of items) if (item.number.trim() !== "") byNumber.set(printedNumber(item.number), item);
  const issues: Issue[] = [];
  const groups = new Map<string, { unit: string; year: number; records: Ineligibility["records"][number][] }>();
  for (const r of records) {
    const number = r.number.trim() === "" ? "" : printedNumber(r.number);
    const item = number === "" ? undefined : byNumber.get(number);
    if (number !== "" && item === undefined) {
      issues.push(makeIssue("accountability-number-unknown", r.row, ACCOUNTABILITY_ISSUE_COLUMN, { number }));
    }
    if (r.measure === null || !DISQUALIFYING.includes(r.measure)) continue;
    let unit = r.unit.trim();
    if (unit === "") {
      unit = item?.hostUnit.trim() ?? "";
      const detail =
        unit === ""
          ? "无法确定应取消评优评先资格的单位"
          : `已按登记表中${number}的承办单位“${unit}”计算取消评优评先资格`;
      issues.push(makeIssue("accountability-unit-missing", r.row, ACCOUNTABILITY_ISSUE_COLUMN, { detail }));
      if (unit === "") continue;
    }
    // A blank or unreadable date was reported when the log was read (readAccountabilityLog).
    if (r.date === null) continue;
    const year = yearOf(r.date);
    const key = `${year}\u0000${unitKey(unit)}`;
    const group = groups.get(key) ?? { unit, year, records: [] };
    group.records.push({ row: r.row, date: r.date, number, measure: r.measure });
    groups.set(key, group);
  }
  const ineligible = [...groups.values()].sort((a, b) => a.year - b.year);
  return { ineligible, issues };
}
