/**
 * 报告 with the real services over a fake port: the analysis of a semester per section and in
 * total (figures worked out by hand from the fixture's rows below), the eligibility list, a
 * suggestion recorded with its button (a logged write, the toast offering 撤销, the suggestion
 * gone afterwards), the 督办分析报告 sheet drawn, and a period typed as dates.
 *
 * The fixture (test/ui/pane-fixture.ts), today 2026-12-02, all issued 2026-11-02 (autumn 2026):
 *   row 3 办公室 〔2026〕1号 due 11-30 → overdue (2 working days late: Dec 1, Dec 2) → 约谈
 *   row 4 办公室 〔2026〕2号 due 12-03 → in progress
 *   row 5 办公室 [2026]3号  due 12-31 → in progress
 *   row 6 督导室 (unnumbered) due 2027-01-29 → in progress
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Root } from "../../src/taskpane/Root";
import { memoryServices } from "./pane-fixture";

const EXCEL = { mode: "excel", platform: "PC", themeBackground: "#ffffff" } as const;

async function openReport(options: Parameters<typeof memoryServices>[0] = {}) {
  const fixture = memoryServices(options);
  render(<Root host={EXCEL} services={fixture.services} />);
  fireEvent.click(await screen.findByRole("tab", { name: "报告" }));
  await screen.findByTestId("figures");
  return fixture;
}

/** The figures of one card, by label. */
function figuresOf(title: string): Record<string, string> {
  const card = screen.getByRole("region", { name: title });
  const out: Record<string, string> = {};
  for (const pair of card.querySelectorAll("[data-figure]")) {
    out[pair.querySelector("dt")?.textContent ?? ""] = pair.querySelector("dd")?.textContent ?? "";
  }
  return out;
}

describe("报告", () => {
  it("shows this semester's figures per section and in total, as duban analysis counts them", async () => {
    await openReport();
    expect(screen.getByRole("region", { name: "统计期间：2026年秋季学期" })).toBeTruthy();
    expect(figuresOf("合计")).toEqual({
      事项数: "4",
      按期办结: "0",
      逾期办结: "0",
      终止: "0",
      逾期未办结: "1",
      办理中: "3",
      按期办结率: "0.0%",
      已催办: "0",
      已问责: "0",
    });
    expect(figuresOf("办公室")).toMatchObject({ 事项数: "3", 逾期未办结: "1", 办理中: "2" });
    expect(figuresOf("督导室")).toMatchObject({ 事项数: "1", 逾期未办结: "0", 办理中: "1", 按期办结率: "0.0%" });
    expect(screen.getByText("〔2026〕1号 办公室：逾期 2 个工作日")).toBeTruthy();
    expect(screen.getByText("本期涉及的年度没有取消评优评先的单位。")).toBeTruthy();
  });

  it("records a suggested 约谈 with its button: logged, undoable, and no longer suggested", async () => {
    const { recorded } = await openReport();
    const suggestions = screen.getByTestId("suggestions");
    const card = suggestions.querySelector('li[data-number="〔2026〕1号"]') as HTMLElement;
    expect(within(card).getByText("〔2026〕1号 · 约谈")).toBeTruthy();
    expect(within(card).getByText(/承办单位：江津二中/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("经办人（可留空）"), { target: { value: "王芳" } });
    fireEvent.click(within(card).getByRole("button", { name: "记录约谈：〔2026〕1号" }));
    expect(await screen.findByText("已记入“问责记录”：〔2026〕1号 约谈")).toBeTruthy();
    expect(recorded.runs.filter((r) => r !== "读取")).toEqual(["记录问责措施"]);
    const row = recorded.port.sheets.get("问责记录")?.[1].map((c) => ("v" in c ? c.v : ""));
    expect(row?.slice(1)).toEqual(["江津二中", "〔2026〕1号", "约谈", expect.stringContaining("五（一）"), "王芳"]);
    await waitFor(() => expect(screen.getByText("今天没有问责建议。")).toBeTruthy());
    expect(figuresOf("合计").已问责).toBe("1");
    fireEvent.click(await screen.findByTestId("toast-undo"));
    await waitFor(() => expect(recorded.undos).toHaveLength(1));
  });

  it("draws the 督办分析报告 sheet of the period shown", async () => {
    const { recorded } = await openReport();
    fireEvent.click(screen.getByRole("button", { name: "生成督办分析报告工作表" }));
    expect(await screen.findByText("已生成督办分析报告（2026年秋季学期）")).toBeTruthy();
    expect(recorded.runs.filter((r) => r !== "读取")).toEqual(["生成督办分析报告"]);
    const layout = recorded.port.layouts[0];
    expect(layout.name).toBe("督办分析报告2026年秋季学期");
    expect(layout.charts?.[0].kind).toBe("clusteredBar");
    const total = layout.cells.filter((c) => c.row === layout.cells.find((t) => t.value === "合计")?.row);
    expect(total.filter((c) => c.number !== undefined).map((c) => c.number)).toEqual([4, 0, 0, 0, 1, 3, 0, 0, 0]);
  });

  it("counts another semester and a period typed as two dates", async () => {
    await openReport();
    fireEvent.change(screen.getByLabelText("学期"), { target: { value: "spring" } });
    fireEvent.click(screen.getByRole("button", { name: "统计" }));
    expect(await screen.findByRole("region", { name: "统计期间：2026年春季学期" })).toBeTruthy();
    expect(screen.getByText("本期没有下达督办事项。")).toBeTruthy();
    expect(figuresOf("合计").事项数).toBe("0");

    fireEvent.click(screen.getByRole("radio", { name: "按日期段" }));
    fireEvent.change(screen.getByLabelText("开始日期"), { target: { value: "2026-11-02" } });
    fireEvent.change(screen.getByLabelText("结束日期"), { target: { value: "2026-11-01" } });
    fireEvent.click(screen.getByRole("button", { name: "统计" }));
    expect((await screen.findByTestId("report-problem")).textContent).toContain("请交换两个日期");
    fireEvent.change(screen.getByLabelText("结束日期"), { target: { value: "2026-11-02" } });
    fireEvent.click(screen.getByRole("button", { name: "统计" }));
    expect(await screen.findByRole("region", { name: "统计期间：2026年11月2日至2026年11月2日" })).toBeTruthy();
    expect(figuresOf("合计").事项数).toBe("4");
  });

  it("names a suggestion without a number and offers no button for it", async () => {
    await openReport();
    // Only the overdue item is suggested; the unnumbered 督导室 item is not overdue.
    expect(screen.getAllByRole("button", { name: /^记录/ })).toHaveLength(1);
  });
});
