import type { CellValue, SheetGrid } from "../../src/domain/cell";
import { DEFAULT_ROUTING } from "../../src/domain/columns";
import {
  readSettings,
  SETTINGS_LABEL_ALIASES,
  SETTINGS_LABELS,
  SETTINGS_SECTION_TITLES,
} from "../../src/domain/settings";
import { DEFAULT_SECTIONS, buildSettingsPlan, locateSettings, withCells } from "../../src/domain/settings-plan";
import { WORKBOOK_NAMES } from "../../src/domain/workbook-names";
import { grid } from "./grid-helpers";

/** The 设置 sheet as it will be once the plan is applied. */
function applied(g: SheetGrid | undefined): SheetGrid {
  return withCells(g, buildSettingsPlan(g).sheet.cells);
}

const nameRange = (g: SheetGrid | undefined, name: string) =>
  buildSettingsPlan(g).names.find((n) => n.name === name)?.range;

describe("a new 设置 sheet", () => {
  const sheet = applied(undefined);
  const { settings, issues } = readSettings(sheet);

  it("is read back as the defaults plus the starting sections and the policy's routing", () => {
    expect(issues).toEqual([]);
    expect(settings.warningDays).toBe(3);
    expect(settings.remindReplyDays).toBe(3);
    expect(settings.sections).toEqual(DEFAULT_SECTIONS);
    expect(settings.leaders).toEqual([]);
    expect(settings.routing).toEqual(DEFAULT_ROUTING);
  });

  it("names the threshold cell and the lists, with room to type more", () => {
    expect(nameRange(undefined, WORKBOOK_NAMES.warningDays)).toEqual({ top: 4, left: 2, bottom: 4, right: 2 });
    expect(nameRange(undefined, WORKBOOK_NAMES.sections)).toEqual({ top: 10, left: 1, bottom: 30, right: 1 });
    expect(nameRange(undefined, WORKBOOK_NAMES.leaders)).toEqual({ top: 32, left: 1, bottom: 47, right: 1 });
    expect(nameRange(undefined, WORKBOOK_NAMES.sources)).toEqual({ top: 49, left: 1, bottom: 58, right: 1 });
    expect(nameRange(undefined, WORKBOOK_NAMES.routing)).toEqual({ top: 49, left: 1, bottom: 58, right: 2 });
  });

  it("gives the same names when planned again on the sheet it produced", () => {
    expect(buildSettingsPlan(sheet).names).toEqual(buildSettingsPlan(undefined).names);
  });

  it("plans nothing new the second time (every planned cell is already filled)", () => {
    const again = buildSettingsPlan(sheet).sheet.cells;
    expect(withCells(sheet, again)).toEqual(sheet);
  });

  it("lists the sections the registry already uses after the starting ones, once each", () => {
    const withUsed = withCells(
      undefined,
      buildSettingsPlan(undefined, ["教育科", "办公室", " 教 育 科", "", "体卫艺科"]).sheet.cells,
    );
    expect(readSettings(withUsed).settings.sections).toEqual([...DEFAULT_SECTIONS, "教育科", "体卫艺科"]);
  });

  it("validates 临期预警工作日 as a whole number 0–30 and 主要领导 as 是/否", () => {
    const v = buildSettingsPlan(undefined).sheet.validations;
    expect(v[0]).toMatchObject({ range: { top: 4, left: 2 }, rule: { kind: "whole", min: 0, max: 30 } });
    expect(v[2]).toMatchObject({ range: { top: 32, left: 3, bottom: 47 }, rule: { kind: "list", source: '"是,否"' } });
  });
});

describe("an existing 设置 sheet", () => {
  const text = (v: string): CellValue => ({ t: "string", v });

  it.each(Object.entries(SETTINGS_LABEL_ALIASES).flatMap(([key, aliases]) => aliases.map((a) => [key, a] as const)))(
    "finds %s under the alias %s (readSettings reads it too) and appends no second label",
    (key, alias) => {
      const value: CellValue = key === "warningDays" || key === "remindReplyDays" ? { t: "number", v: 7 } : text("x");
      const g: SheetGrid = { name: "设置", rows: [[text(alias), value]] };
      const before = readSettings(g).settings;
      expect(before[key as keyof typeof SETTINGS_LABELS]).toBe(value.t === "number" ? 7 : "x");
      const after = applied(g);
      expect(readSettings(after).settings[key as keyof typeof SETTINGS_LABELS]).toEqual(
        before[key as keyof typeof SETTINGS_LABELS],
      );
      expect(locateSettings(after).values[key as keyof typeof SETTINGS_LABELS]).toBe(1);
    },
  );

  it.each(Object.entries(SETTINGS_SECTION_TITLES).flatMap(([key, titles]) => titles.map((t) => [key, t] as const)))(
    "finds the %s section under the title %s",
    (key, title) => {
      const g = grid("设置", [[title], ["某某"]]);
      const layout = locateSettings(g);
      expect(layout.lists[key as keyof typeof SETTINGS_SECTION_TITLES]).toEqual({ title: 1, end: 2 });
    },
  );

  it("keeps every typed value and appends only what is missing, below the last row", () => {
    const g = grid("设置", [
      ["单位名称", "重庆市江津区教育委员会"],
      ["临期预警工作日", "5个工作日"],
      [],
      ["科室", ""],
      ["办公室"],
      ["教育科"],
    ]);
    const before = readSettings(g).settings;
    const after = applied(g);
    for (let r = 0; r < g.rows.length; r++) expect(after.rows[r].slice(0, g.rows[r].length)).toEqual(g.rows[r]);
    const read = readSettings(after).settings;
    expect(read.orgName).toBe(before.orgName);
    expect(read.warningDays).toBe(5);
    expect(read.sections).toEqual(["办公室", "教育科"]);
    expect(read.routing).toEqual(DEFAULT_ROUTING);
    const layout = locateSettings(after);
    expect(layout.values.numberPrefix).toBe(8);
    expect(layout.lists.leaders?.title).toBeGreaterThan(8);
    // The sections list now runs to the row before the appended labels (the blank one included).
    expect(nameRange(g, WORKBOOK_NAMES.sections)).toEqual({ top: 5, left: 1, bottom: 7, right: 1 });
  });

  it("fills a blank threshold with the default, and nothing else that is blank", () => {
    const g = grid("设置", [
      ["临期预警工作日", null],
      ["单位名称", null],
    ]);
    const cells = buildSettingsPlan(g).sheet.cells.filter((c) => c.row <= 2);
    expect(cells).toEqual([{ row: 1, col: 2, value: { t: "number", v: 3 }, mode: "ifEmpty" }]);
  });
});
