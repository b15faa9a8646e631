/** Editing 设置 from the pane: only changed cells, lists in their own section, refusals that say what to do. */
import { saveSettings, SettingsEditError, type SettingsEdit } from "../../src/app/settings-edit";
import { readSettings } from "../../src/domain/settings";
import { grid, type Cellish } from "../domain/grid-helpers";
import { LoggedMemoryPort } from "./memory-port";

const SHEET: Cellish[][] = [
  ["项目", "值"],
  ["单位名称", "江津区教委"],
  ["编号前缀", ""],
  ["临期预警工作日", 3],
  ["催办回复工作日", 3],
  ["联系电话", "023-1"],
  ["电子邮箱", ""],
  [],
  ["科室/单位"],
  ["办公室"],
  ["秘书科"],
  [],
  ["领导", "职务", "主要领导"],
  ["张三", "主任", "是"],
];

const port = (rows: Cellish[][] = SHEET) => new LoggedMemoryPort([grid("设置", rows)]);
const settingsOf = (p: LoggedMemoryPort) => readSettings({ name: "设置", rows: p.sheets.get("设置")! }).settings;

async function refusal(edit: SettingsEdit, p = port()): Promise<SettingsEditError> {
  const error = await saveSettings(p, edit).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SettingsEditError);
  expect(p.written).toEqual([]);
  return error as SettingsEditError;
}

describe("saveSettings", () => {
  it("writes only the values that change, logged as 修改设置, and readSettings reads them back", async () => {
    const p = port();
    const result = await saveSettings(p, { orgName: "江津区教委", numberPrefix: " 江津 教督 ", warningDays: 5 });
    expect(p.operations).toEqual([{ operation: "修改设置" }]);
    expect(p.written[0].map((w) => [w.row, w.col, w.value])).toEqual([
      [3, 2, { t: "string", v: "江津教督" }],
      [4, 2, { t: "number", v: 5 }],
    ]);
    expect(result.changes).toEqual(["编号前缀：江津教督", "临期预警工作日：5"]);
    expect(settingsOf(p)).toMatchObject({ numberPrefix: "江津教督", warningDays: 5, orgName: "江津区教委" });
  });

  it("writes nothing when nothing changed", async () => {
    const p = port();
    expect(await saveSettings(p, { orgName: "江津区教委", warningDays: 3 })).toEqual({
      written: 0,
      changes: [],
      logged: true,
    });
    expect(p.written).toEqual([]);
  });

  it("rewrites a list in its section, clearing rows it no longer needs, up to the next section", async () => {
    const p = port();
    await saveSettings(p, { sections: ["督导室", "", "办公室", "督导室"] });
    expect(settingsOf(p).sections).toEqual(["督导室", "办公室"]);
    await saveSettings(p, { sections: ["办公室"] });
    expect(settingsOf(p).sections).toEqual(["办公室"]);
    expect(p.at("设置", 11, 1)).toEqual({ t: "empty" });
  });

  it("writes leaders with 是/否, and a last section may grow downwards", async () => {
    const p = port();
    await saveSettings(p, {
      leaders: [
        { name: "张三", title: "主任", principal: true },
        { name: "李四", title: "副主任", principal: false },
        { name: "王五", title: "", principal: true },
      ],
    });
    expect(settingsOf(p).leaders).toEqual([
      { name: "张三", title: "主任", principal: true },
      { name: "李四", title: "副主任", principal: false },
      { name: "王五", title: "", principal: true },
    ]);
    expect(p.at("设置", 15, 3)).toEqual({ t: "string", v: "否" });
  });

  it("refuses a list longer than its section, saying where to insert rows", async () => {
    const error = await refusal({ sections: ["办公室", "秘书科", "督导室", "组织科"] });
    expect(error.code).toBe("list-full");
    expect(error.message).toContain("只有 3 行");
    expect(error.message).toContain("第 12 行下方插入空行");
  });

  it.each<[string, SettingsEdit, string]>([
    ["a threshold out of range", { warningDays: 31 }, "0 到 30"],
    ["a threshold that is not a whole number", { warningDays: 2.5 }, "整数"],
    ["a prefix with a year in it", { numberPrefix: "江津教督〔2026〕" }, "机关代字"],
    ["an e-mail address without @", { contactEmail: "duban.cn" }, "电子邮箱"],
    [
      "a leader listed twice",
      {
        leaders: [
          { name: "张三", title: "", principal: true },
          { name: "张 三", title: "", principal: false },
        ],
      },
      "两次",
    ],
  ])("refuses %s", async (_name, edit, words) => {
    const error = await refusal(edit);
    expect(error.code).toBe("invalid-value");
    expect(error.message).toContain(words);
  });

  it("refuses a workbook without 设置, or a 设置 without the label, pointing to 刷新红黄绿灯", async () => {
    const none = new LoggedMemoryPort([grid("督办事项登记表", [["序号"]])]);
    expect((await refusal({ orgName: "x" }, none)).code).toBe("no-settings-sheet");
    const noPhone = port([["单位名称", "x"]]);
    const error = await refusal({ contactPhone: "1" }, noPhone);
    expect(error.code).toBe("no-label");
    expect(error.message).toContain("刷新红黄绿灯");
  });
});
