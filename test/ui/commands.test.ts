/**
 * The ribbon's ExecuteFunction commands, run as Office runs them: Office.onReady associates
 * dubanCheck / dubanNumber / dubanRefresh; each runs its use case on the workbook (the fake
 * Excel) without the task pane, shows its outcome in a dialog, and completes the event when the
 * dialog is closed.
 */
import { FakeExcel } from "../adapters/office/fake-excel";
import { dialogUrl, outcomeFromSearch, COMMAND_NAMES } from "../../src/commands/dialog-url";
import { registryRows, REGISTRY, NUMBER_COL } from "../adapters/contract/fixture";
import * as fs from "fs";
import * as path from "path";

type Handler = (arg?: unknown) => void;

function installOffice(fake: FakeExcel) {
  const associated = new Map<string, (event: { completed: () => void }) => Promise<void>>();
  const dialogs: { url: string; handlers: Map<string, Handler>; closed: boolean }[] = [];
  (globalThis as Record<string, unknown>).Excel = { run: fake.run };
  (globalThis as Record<string, unknown>).Office = {
    onReady: (cb?: () => void) => {
      cb?.();
      return Promise.resolve({ host: "Excel" });
    },
    actions: { associate: (name: string, fn: never) => associated.set(name, fn) },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    context: {
      requirements: { isSetSupported: (name: string, v: string) => name === "ExcelApi" && Number(v) <= 1.8 },
      ui: {
        displayDialogAsync: (url: string, _options: unknown, cb: (r: unknown) => void) => {
          const dialog = { url, handlers: new Map<string, Handler>(), closed: false };
          dialogs.push(dialog);
          cb({
            status: "succeeded",
            value: {
              addEventHandler: (type: string, h: Handler) => dialog.handlers.set(type, h),
              close: () => (dialog.closed = true),
            },
          });
        },
      },
    },
  };
  return { associated, dialogs };
}

describe("ribbon commands (ExecuteFunction, without the task pane)", () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).Office;
    delete (globalThis as Record<string, unknown>).Excel;
    jest.resetModules();
  });

  it("associates the three functions the manifest names", async () => {
    const { associated } = installOffice(new FakeExcel({ [REGISTRY]: registryRows({ items: 3 }) }));
    await import("../../src/commands/commands.js");
    expect([...associated.keys()].sort()).toEqual(Object.keys(COMMAND_NAMES).sort());
    const manifest = fs.readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");
    const names = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]).sort();
    expect(names).toEqual(Object.keys(COMMAND_NAMES).sort());
  });

  it("编号 numbers the workbook, shows what it did, and completes when the dialog is closed", async () => {
    const fake = new FakeExcel({ [REGISTRY]: registryRows({ items: 6, unnumberedEvery: 3, year: 2026 }) });
    const { associated, dialogs } = installOffice(fake);
    await import("../../src/commands/commands.js");
    let completed = false;
    const running = associated.get("dubanNumber")!({ completed: () => (completed = true) });
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.value(REGISTRY, `${String.fromCharCode(64 + NUMBER_COL)}5`)).toBe("〔2026〕5号");
    expect(fake.hasSheet("操作日志")).toBe(true);
    expect(dialogs).toHaveLength(1);
    const outcome = outcomeFromSearch(new URL(dialogs[0].url, "https://x/").search);
    expect(outcome).toMatchObject({ tone: "success", title: "已为 2 个事项编号" });
    expect(completed).toBe(false);
    dialogs[0].handlers.get("dialogMessageReceived")!({ message: "close" });
    await running;
    expect(dialogs[0].closed).toBe(true);
    expect(completed).toBe(true);
  });

  it("检查 reports a workbook without a registry in Chinese, and completes when the person closes the dialog", async () => {
    const { associated, dialogs } = installOffice(new FakeExcel({ Sheet1: [["a"]] }));
    await import("../../src/commands/commands.js");
    let completed = false;
    const running = associated.get("dubanCheck")!({ completed: () => (completed = true) });
    await new Promise((r) => setTimeout(r, 50));
    const outcome = outcomeFromSearch(new URL(dialogs[0].url, "https://x/").search);
    expect(outcome).toMatchObject({ tone: "error", title: "检查未完成" });
    expect(outcome?.lines[0]).toContain("工作簿中没有督办事项登记表");
    dialogs[0].handlers.get("dialogEventReceived")!({ error: 12006 });
    await running;
    expect(completed).toBe(true);
  });
});

describe("the result dialog's address", () => {
  it("carries the outcome next to the page, cut to 12 lines of 120 characters", () => {
    const lines = Array.from({ length: 15 }, (_, i) => `第${i}行 ${"很长".repeat(80)}`);
    const url = dialogUrl("https://addin.example.cn/duban/commands.html?_host_Info=x", {
      tone: "warning",
      title: "t",
      lines,
    });
    expect(url.startsWith("https://addin.example.cn/duban/dialog.html?o=")).toBe(true);
    const back = outcomeFromSearch(new URL(url).search)!;
    expect(back.lines).toHaveLength(13);
    expect(back.lines[0].length).toBe(121);
    expect(back.lines[12]).toBe("……另有 3 条，请打开督办台账任务窗格查看");
  });

  it.each(["", "?o=not-json", '?o={"tone":"evil","title":"x","lines":[]}', '?o={"tone":"info","title":1,"lines":[]}'])(
    "reads a damaged address %s as no outcome",
    (search) => {
      expect(outcomeFromSearch(search)).toBeNull();
    },
  );
});
