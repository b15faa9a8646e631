import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Root } from "../../src/taskpane/Root";
import { createExcelActions } from "../../src/taskpane/excel-actions";
import { limitLines, type ActionOutcome, type PaneActions } from "../../src/taskpane/pane-actions";
import { localIsoDate } from "../../src/taskpane/local-today";
import { liveTally } from "../../src/taskpane/live-summary";
import { OfficeWorkbook } from "../../src/adapters/office/office-workbook";
import { fixedRequirements } from "../../src/adapters/office/requirements";
import { FakeExcel } from "../adapters/office/fake-excel";
import { REGISTRY, registryRows } from "../adapters/contract/fixture";

const EXCEL = { mode: "excel", platform: "PC", themeBackground: "#ffffff" } as const;

function fakeActions(overrides: Partial<PaneActions> = {}): PaneActions & { calls: string[] } {
  const calls: string[] = [];
  const done = (title: string): ActionOutcome => ({ tone: "success", title, lines: [] });
  return {
    calls,
    check: async () => (calls.push("check"), done("检查完成")),
    number: async () => (calls.push("number"), done("已编号")),
    undo: async () => (calls.push("undo"), done("已撤销")),
    document: async (kind, number) => (calls.push(`${kind}:${number}`), done(`已生成 ${number}`)),
    ...overrides,
  };
}

describe("the workbench inside Excel", () => {
  it("shows the registry and document actions only inside Excel", () => {
    const { unmount } = render(<Root host={EXCEL} actions={fakeActions()} />);
    expect(screen.getByRole("button", { name: "检查登记表" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "通知单" })).toBeTruthy();
    unmount();
    render(<Root host={{ mode: "standalone", reason: "no-host", host: null }} actions={fakeActions()} />);
    expect(screen.queryByRole("button", { name: "检查登记表" })).toBeNull();
  });

  it("runs an action, disables the buttons while it runs, and shows its outcome", async () => {
    let release: (o: ActionOutcome) => void = () => undefined;
    const actions = fakeActions({
      check: () => new Promise<ActionOutcome>((resolve) => (release = resolve)),
    });
    render(<Root host={EXCEL} actions={actions} />);
    fireEvent.click(screen.getByRole("button", { name: "检查登记表" }));
    await screen.findByText("检查登记表中……");
    expect((screen.getByRole("button", { name: "编号" }) as HTMLButtonElement).disabled).toBe(true);
    release({ tone: "error", title: "检查完成：3 项，错误 1 条，警告 0 条", lines: ["第3行 督办事项编号（错误）：…"] });
    expect((await screen.findByTestId("outcome")).textContent).toContain("错误 1 条");
    expect(screen.getByText("第3行 督办事项编号（错误）：…")).toBeTruthy();
    expect((screen.getByRole("button", { name: "编号" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("passes the typed number to the document action", async () => {
    const actions = fakeActions();
    render(<Root host={EXCEL} actions={actions} />);
    fireEvent.change(screen.getByPlaceholderText("〔2026〕3号"), { target: { value: "[2026]3号" } });
    fireEvent.click(screen.getByRole("button", { name: "催办提示单" }));
    await screen.findByText("已生成 [2026]3号");
    expect(actions.calls).toEqual(["remind:[2026]3号"]);
  });

  it("shows the refresh button only when the host can refresh", () => {
    render(
      <Root host={EXCEL} actions={fakeActions({ refresh: async () => ({ tone: "info", title: "", lines: [] }) })} />,
    );
    expect(screen.getByRole("button", { name: "刷新红黄绿灯" })).toBeTruthy();
  });

  it.each([
    [["a", "b"], 2, ["a", "b"]],
    [["a", "b", "c"], 2, ["a", "b", "……另有 1 条"]],
  ])("limitLines(%j, %i) lists %j", (lines, max, expected) => {
    expect(limitLines(lines, max)).toEqual(expected);
  });

  it("takes today from the local calendar", () => {
    expect(localIsoDate(new Date(2026, 10, 25, 23, 59))).toBe("2026-11-25");
    expect(localIsoDate(new Date(2027, 0, 1, 0, 0))).toBe("2027-01-01");
  });
});

describe("live checking in the pane", () => {
  const issue = (row: number, severity: "error" | "warning") => ({
    row,
    column: "备注",
    severity,
    code: "required-missing" as const,
    message: "m",
  });

  it.each([
    [
      "a full check replaces everything",
      [{ full: true, rows: [3, 4], issues: [issue(3, "error"), issue(4, "warning")] }],
      1,
      1,
    ],
    [
      "a partial check replaces only its rows",
      [
        { full: true, rows: [3, 4], issues: [issue(3, "error"), issue(4, "error")] },
        { full: false, rows: [4], issues: [] },
      ],
      1,
      0,
    ],
    [
      "a later full check forgets rows it no longer reports",
      [
        { full: true, rows: [3], issues: [issue(3, "error")] },
        { full: true, rows: [3], issues: [] },
      ],
      0,
      0,
    ],
  ] as const)("%s", (_rule, results, errors, warnings) => {
    const tally = liveTally();
    let last = { errors: -1, warnings: -1 };
    for (const r of results) last = tally.apply({ ...r, source: "local" });
    expect([last.errors, last.warnings]).toEqual([errors, warnings]);
  });

  it("shows the registry's live state, and a co-author's change without opening anything", async () => {
    const fake = new FakeExcel({ [REGISTRY]: registryRows({ items: 6, year: 2026 }) });
    const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements({ ExcelApi: "1.9" }) });
    render(<Root host={EXCEL} actions={createExcelActions(office, () => "2026-11-25")} />);
    expect((await screen.findByTestId("live")).textContent).toBe("实时检查：登记表没有发现问题");
    fake.coauthorEdit(REGISTRY, "C5", [[""]]);
    await waitFor(
      () => expect(screen.getByTestId("live").textContent).toBe("实时检查：错误 1 条，警告 0 条（含协作者的修改）"),
      {
        timeout: 3000,
      },
    );
  });
});

describe("the Excel actions on the Office adapter (fake Excel)", () => {
  function open(items = 6) {
    const fake = new FakeExcel({ [REGISTRY]: registryRows({ items, unnumberedEvery: 3, year: 2026 }) });
    const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements({ ExcelApi: "1.9" }) });
    return { fake, actions: createExcelActions(office, () => "2026-11-25") };
  }

  it("numbers the unnumbered rows, then undoes it", async () => {
    const { actions } = open();
    const numbered = await actions.number();
    expect(numbered.tone).toBe("success");
    expect(numbered.title).toBe("已为 2 个事项编号");
    expect(numbered.lines).toEqual(["第5行：〔2026〕5号", "第8行：〔2026〕6号"]);
    expect((await actions.number()).title).toBe("没有需要编号的事项");
    const undone = await actions.undo();
    expect(undone.tone).toBe("success");
    expect((await actions.number()).lines).toEqual(["第5行：〔2026〕5号", "第8行：〔2026〕6号"]);
  });

  it("checks the registry and writes a notice for a number typed in another spelling", async () => {
    const { actions } = open();
    const checked = await actions.check();
    expect(checked.title).toMatch(/^检查完成：6 项/);
    const notice = await actions.document("notice", "[2026]1号");
    expect(notice.title).toBe("已生成督办事项通知单");
    expect(notice.lines[0]).toContain("通知单〔2026〕1号");
  });

  it("undoes a notice by deleting its sheet, then the numbering before it", async () => {
    const { actions, fake } = open();
    await actions.number();
    const notice = await actions.document("notice", "〔2026〕1号");
    expect(notice.tone).not.toBe("error");
    expect(fake.hasSheet("通知单〔2026〕1号")).toBe(true);
    const undone = await actions.undo();
    expect(undone.tone).toBe("success");
    expect(undone.title).toBe("已撤销“生成督办事项通知单”：删除工作表“通知单〔2026〕1号”");
    expect(fake.hasSheet("通知单〔2026〕1号")).toBe(false);
    expect((await actions.number()).title).toBe("没有需要编号的事项");
    expect((await actions.undo()).title).toContain("已撤销“编号");
    expect((await actions.number()).lines).toEqual(["第5行：〔2026〕5号", "第8行：〔2026〕6号"]);
  });

  it("refreshes the colours and lists once, then says the workbook is up to date", async () => {
    const { actions, fake } = open();
    const first = await actions.refresh!();
    expect(first.title).toBe("已刷新红黄绿灯、下拉列表、工作日历和督办看板");
    expect(first.lines).toContain("未改动任何已填写的内容。");
    expect(fake.sheet("工作日历")).toBeTruthy();
    const second = await actions.refresh!();
    expect(second.title).toBe("红黄绿灯已是最新设置");
  });

  it("turns an unknown number into a Chinese message naming the closest ones", async () => {
    const { actions } = open();
    const outcome = await actions.document("report", "〔2026〕99号");
    expect(outcome.tone).toBe("error");
    expect(outcome.lines[0]).toMatch(/〔2026〕\d+号/);
    expect((await actions.document("report", "  ")).title).toBe("请先填写督办事项编号");
  });
});
