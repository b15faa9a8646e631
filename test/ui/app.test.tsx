import { render, screen } from "@testing-library/react";
import { Root } from "../../src/taskpane/Root";
import { hostInfoFromReady, isDarkColor } from "../../src/taskpane/host-info";
import { detectHost } from "../../src/taskpane/office-host";

describe("task pane shell", () => {
  it("says it is loading until Office answers", () => {
    render(<Root host={null} />);
    expect(screen.getByRole("heading", { name: "督办台账" })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toContain("正在连接 Excel");
  });

  it("opens the standalone page when office.js did not load: what happened, and a file to pick", () => {
    render(
      <Root host={{ mode: "standalone", reason: "no-office", host: null }} openFile={async () => Promise.reject()} />,
    );
    expect(screen.getByText("独立页面")).toBeTruthy();
    expect(screen.getByTestId("standalone").textContent).toContain("未能加载 Office JavaScript 库");
    expect(screen.getByRole("button", { name: "选择 .xlsx 文件" })).toBeTruthy();
    expect(screen.getByRole("region", { name: "登记表文件拖放区" })).toBeTruthy();
  });

  it("names the host when Office opened the page in another application", () => {
    render(<Root host={{ mode: "standalone", reason: "wrong-host", host: "Word" }} />);
    expect(screen.getByTestId("standalone").textContent).toContain("（宿主：Word）");
  });
});

describe("host detection", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it.each([
    [
      { host: null, platform: null, themeBackground: null },
      { mode: "standalone", reason: "no-host", host: null },
    ],
    [
      { host: "Word", platform: "PC", themeBackground: null },
      { mode: "standalone", reason: "wrong-host", host: "Word" },
    ],
    [
      { host: "Excel", platform: "PC", themeBackground: "#222222" },
      { mode: "excel", platform: "PC", themeBackground: "#222222" },
    ],
  ])("onReady %j gives %j", (ready, expected) => {
    expect(hostInfoFromReady(ready)).toEqual(expected);
  });

  it("goes standalone at once when the Office global is missing", async () => {
    await expect(detectHost(10)).resolves.toEqual({ mode: "standalone", reason: "no-office", host: null });
  });

  it("goes standalone after the timeout when onReady never answers", async () => {
    (globalThis as { Office?: unknown }).Office = { onReady: () => new Promise(() => undefined) };
    await expect(detectHost(20)).resolves.toEqual({ mode: "standalone", reason: "timeout", host: null });
  });

  it("reads host, platform and theme from onReady", async () => {
    (globalThis as { Office?: unknown }).Office = {
      onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }),
      context: {
        officeTheme: { bodyBackgroundColor: "#1e1e1e" },
        requirements: {
          isSetSupported: (name: string, v: string) => name === "ExcelApi" && Number(v.split(".")[1]) <= 12,
        },
      },
    };
    await expect(detectHost(1000)).resolves.toEqual({
      mode: "excel",
      platform: "OfficeOnline",
      themeBackground: "#1e1e1e",
    });
  });

  it("checks the requirement sets at start: an Excel without ExcelApi 1.8 gets the Chinese message, no buttons", async () => {
    (globalThis as { Office?: unknown }).Office = {
      onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
      context: {
        requirements: { isSetSupported: (name: string, v: string) => name === "ExcelApi" && Number(v) <= 1.7 },
      },
    };
    const host = await detectHost(1000);
    expect(host).toEqual({ mode: "standalone", reason: "old-excel", host: "Excel" });
    render(<Root host={host} />);
    expect(screen.getByTestId("standalone").textContent).toContain("此版本 Excel 过旧");
    expect(screen.queryByRole("button")).toBeNull();
  });

  it.each([
    ["#1e1e1e", true],
    ["#ffffff", false],
    ["#F3F2F1", false],
    ["not a colour", false],
    [null, false],
  ])("colour %s is dark: %s", (color, dark) => {
    expect(isDarkColor(color)).toBe(dark);
  });
});
