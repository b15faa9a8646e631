/** The pane's views with a fake port: what they show, what they ask the workbook, one operation at a time. */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import * as fs from "fs";
import * as path from "path";
import { Root } from "../../src/taskpane/Root";
import type { Outcome } from "../../src/taskpane/services";
import { PANE_STATUS_COLOURS } from "../../src/taskpane/status-colours";
import { STATUS_COLOURS } from "../../src/domain/registry-plan";
import { VIEWS } from "../../src/taskpane/views";
import { memoryServices } from "./pane-fixture";
import { ItemList } from "../../src/taskpane/views/parts";
import type { LedgerItem } from "../../src/app/ledger-snapshot";

const EXCEL = { mode: "excel", platform: "PC", themeBackground: "#ffffff" } as const;

async function openPane(options: Parameters<typeof memoryServices>[0] = {}) {
  const fixture = memoryServices(options);
  render(<Root host={EXCEL} services={fixture.services} />);
  await screen.findByRole("tab", { name: "概览" });
  return fixture;
}

const tab = (name: string) => fireEvent.click(screen.getByRole("tab", { name }));

describe("概览", () => {
  it("shows the counts by status and section, and the overdue and due-soon lists", async () => {
    await openPane();
    const counts = screen.getByRole("region", { name: /各状态事项数/ });
    expect(within(counts).getByText("逾期").previousSibling?.textContent).toBe("1");
    expect(within(counts).getByText("临期").previousSibling?.textContent).toBe("1");
    expect(within(counts).getByText("办理中").previousSibling?.textContent).toBe("2");
    const overdue = screen.getByRole("region", { name: "逾期事项" });
    expect(within(overdue).getByText("校园安全排查")).toBeTruthy();
    expect(within(overdue).getByText("逾期 2 个工作日")).toBeTruthy();
    expect(within(screen.getByRole("region", { name: "临期事项" })).getByText("食堂整改")).toBeTruthy();
    expect(screen.getByRole("img", { name: /^办公室：逾期 1，临期 1，办理中 1/ })).toBeTruthy();
  });

  it("selects an item's row in Excel when it is clicked, and shows it as the current item", async () => {
    const { recorded } = await openPane();
    fireEvent.click(within(screen.getByRole("region", { name: "逾期事项" })).getByRole("button"));
    expect(recorded.selected).toEqual([{ sheet: "督办事项登记表", row: 3, toCol: 23 }]);
    expect(await screen.findByText("〔2026〕1号")).toBeTruthy();
    expect(screen.getByRole("tab", { name: "当前事项", selected: true })).toBeTruthy();
  });

  it("lists at most 50 items and says how many more there are", () => {
    const item = (row: number): LedgerItem => ({
      sheet: "督办事项登记表",
      row,
      lastRow: row,
      lastCol: 22,
      number: `〔2026〕${row}号`,
      content: "事项",
      classified: false,
      section: "办公室",
      hostUnit: "",
      issuedOn: null,
      dueOn: "2026-11-30",
      extendedTo: null,
      closedOn: null,
      result: "",
      extensionApprover: "",
      status: "逾期",
      deadline: "2026-11-30",
      workingDaysLeft: -2,
    });
    render(
      <ItemList
        title="逾期事项"
        items={Array.from({ length: 52 }, (_, i) => item(i + 3))}
        empty=""
        onSelect={() => undefined}
      />,
    );
    expect(screen.getAllByRole("button")).toHaveLength(50);
    expect(screen.getByText(/另有 2 项/)).toBeTruthy();
  });

  it("renders cell text as text, never as markup", async () => {
    await openPane();
    tab("检查");
    expect(document.querySelector("img")).toBeNull();
    tab("概览");
    expect(document.querySelector("img[src=x]")).toBeNull();
  });
});

describe("检查", () => {
  it("groups issues by row, selects the cell of an issue, and fixes one with a click", async () => {
    const { recorded } = await openPane({ withFix: true });
    tab("检查");
    const row5 = document.querySelector('li[data-row="5"]') as HTMLElement;
    expect(within(row5).getByText("第 5 行")).toBeTruthy();
    fireEvent.click(within(row5).getByRole("button", { name: /^错误 督办事项编号“\[2026\]3号”/ }));
    expect(recorded.selected).toEqual([{ sheet: "督办事项登记表", row: 5, col: 2 }]);
    fireEvent.click(within(row5).getByRole("button", { name: "改为“〔2026〕3号”" }));
    await waitFor(() =>
      expect(recorded.fixes).toEqual([[{ sheet: "督办事项登记表", row: 5, column: "督办事项编号" }]]),
    );
    expect(await screen.findByText("已修正 1 处")).toBeTruthy();
  });

  it("says the one-click fix is not available yet when the build has no fix use case", async () => {
    await openPane({ withFix: false });
    tab("检查");
    expect(screen.getByText(/一键修正将在更新后提供/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "改为“〔2026〕3号”" })).toBeNull();
  });
});

describe("当前事项", () => {
  it("follows Excel's selection and closes the item: a logged write, a toast offering 撤销", async () => {
    const { recorded } = await openPane();
    tab("当前事项");
    expect(screen.getByText(/在 Excel 中选中登记表里某个事项所在的行/)).toBeTruthy();
    act(() => recorded.selectRow(4));
    expect(await screen.findByText("食堂整改")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "销号" }));
    const form = screen.getByRole("form", { name: "销号（办结）" });
    expect((within(form).getByRole("combobox") as HTMLSelectElement).value).toBe("按期办结");
    fireEvent.click(within(form).getByRole("button", { name: "确定销号" }));
    expect(await screen.findByText("已销号：第 4 行")).toBeTruthy();
    expect(recorded.port.operations).toEqual([{ operation: "销号" }]);
    expect(recorded.port.at("督办事项登记表", 4, 13)).toEqual({ t: "string", v: "按期办结" });
    fireEvent.click(await screen.findByTestId("toast-undo"));
    await waitFor(() => expect(recorded.undos).toHaveLength(1));
  });

  it("shows a refused action as a MessageBar saying what to do, and writes nothing", async () => {
    const { recorded } = await openPane();
    tab("当前事项");
    act(() => recorded.selectRow(3));
    await screen.findByText("校园安全排查");
    fireEvent.click(screen.getByRole("button", { name: "延期" }));
    const form = screen.getByRole("form", { name: "延期" });
    fireEvent.change(within(form).getByLabelText(/延期至/), { target: { value: "2026-11-01" } });
    fireEvent.click(within(form).getByRole("button", { name: "确定延期" }));
    const bar = await screen.findByTestId("outcome");
    expect(bar.textContent).toContain("延期未完成");
    expect(bar.textContent).toContain("延期至须晚于现在的截止日期（2026年11月30日）");
    expect(recorded.port.written).toEqual([]);
  });

  it("generates a document of the current item", async () => {
    const { recorded } = await openPane();
    tab("当前事项");
    act(() => recorded.selectRow(3));
    fireEvent.click(await screen.findByRole("button", { name: "通知单" }));
    expect(await screen.findByText("已生成督办事项通知单")).toBeTruthy();
    expect(recorded.port.layouts.map((l) => l.name)).toEqual(["通知单〔2026〕1号"]);
  });
});

describe("操作", () => {
  it("runs one operation at a time: buttons are disabled and a progress bar shows while it runs", async () => {
    let release: (o: Outcome) => void = () => undefined;
    let calls = 0;
    await openPane({
      number: () => {
        calls += 1;
        return new Promise<Outcome>((resolve) => (release = resolve));
      },
    });
    tab("操作");
    const number = screen.getByRole("button", { name: "编号" });
    fireEvent.click(number);
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    expect((screen.getByRole("button", { name: "撤销上次操作" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(number);
    expect(calls).toBe(1);
    await act(async () =>
      release({ tone: "success", title: "已为 1 个事项编号", lines: ["第6行：〔2026〕4号"], undoable: true }),
    );
    expect(await screen.findByTestId("last-outcome")).toHaveProperty("textContent", "已为 1 个事项编号");
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("numbers through the real use case on the fake port", async () => {
    const { recorded } = await openPane();
    tab("操作");
    fireEvent.click(screen.getByRole("button", { name: "编号" }));
    expect(await screen.findByTestId("last-outcome")).toHaveProperty("textContent", "已为 1 个事项编号");
    expect(recorded.port.at("督办事项登记表", 6, 2)).toEqual({ t: "string", v: "〔2026〕4号" });
  });
});

describe("设置", () => {
  it("saves the edited settings to the 设置 sheet", async () => {
    const { recorded } = await openPane();
    tab("设置");
    fireEvent.change(screen.getByLabelText(/编号前缀/), { target: { value: "江津教督" } });
    fireEvent.change(screen.getByLabelText(/临期预警工作日/), { target: { value: "5" } });
    fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
    expect(await screen.findByText("已保存设置")).toBeTruthy();
    expect(recorded.port.at("设置", 3, 2)).toEqual({ t: "string", v: "江津教督" });
    expect(recorded.port.at("设置", 4, 2)).toEqual({ t: "number", v: 5 });
  });
});

describe("standalone page", () => {
  it("asks for a file, opens it through openFile, and shows the same pane with 下载", async () => {
    const { services } = memoryServices({ mode: "standalone" });
    const opened: string[] = [];
    render(
      <Root
        host={{ mode: "standalone", reason: "no-office", host: null }}
        openFile={async (bytes, name) => {
          opened.push(`${name}:${bytes.length}`);
          return services;
        }}
      />,
    );
    expect(screen.getByTestId("standalone").textContent).toContain("未能加载 Office JavaScript 库");
    const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], "登记表.xlsx");
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [file] } });
    await screen.findByRole("tab", { name: "概览" });
    expect(opened).toEqual(["登记表.xlsx:4"]);
    tab("操作");
    expect(screen.getByRole("button", { name: "下载" })).toBeTruthy();
  });

  it("says why a file cannot be opened", async () => {
    render(
      <Root
        host={{ mode: "standalone", reason: "no-host", host: null }}
        openFile={async () => {
          throw Object.assign(new Error("“a.xls”不是 .xlsx 工作簿"), { name: "XlsxLoadError" });
        }}
      />,
    );
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [new File(["x"], "a.xls")] } });
    expect((await screen.findByTestId("open-error")).textContent).toContain("不是 .xlsx 工作簿");
  });
});

describe("the pane's structure", () => {
  it("has the six views in order, each a component and a tab", () => {
    expect(VIEWS.map((v) => v.label)).toEqual(["概览", "检查", "当前事项", "操作", "报告", "设置"]);
  });

  it("shows the traffic lights in the workbook's own colours", () => {
    for (const [status, colours] of Object.entries(STATUS_COLOURS)) {
      const pane = PANE_STATUS_COLOURS[status as keyof typeof PANE_STATUS_COLOURS];
      expect(pane && [pane.fill, pane.font]).toEqual([`#${colours.fill.slice(2)}`, `#${colours.font.slice(2)}`]);
    }
  });

  it("keeps every Chinese string of the pane in strings.ts (statuses, the domain's values, aside)", () => {
    const root = path.resolve(__dirname, "../../src");
    const files = [
      ...fs
        .readdirSync(path.join(root, "taskpane"), { recursive: true })
        .map((f) => path.join(root, "taskpane", String(f))),
      ...fs.readdirSync(path.join(root, "commands")).map((f) => path.join(root, "commands", f)),
    ].filter((f) => /\.tsx?$/.test(f) && !f.endsWith("strings.ts"));
    const statuses = new Set(Object.keys(PANE_STATUS_COLOURS));
    const found: string[] = [];
    for (const file of files) {
      const code = fs
        .readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
      for (const m of code.matchAll(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g)) {
        if (!statuses.has(m[0])) found.push(`${path.relative(root, file)}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
  });
});
