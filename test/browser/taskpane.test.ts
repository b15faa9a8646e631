import * as fs from "fs";
import * as path from "path";
import { describeWithBrowser, ensureBuilt, launch, root, serveDist } from "./harness";

describeWithBrowser("task pane in headless chromium", () => {
  let server: Awaited<ReturnType<typeof serveDist>>;
  let browser: Awaited<ReturnType<typeof launch>>;

  beforeAll(async () => {
    ensureBuilt();
    server = await serveDist();
    browser = await launch();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens standalone, without hanging, when office.js cannot load (no network)", async () => {
    const page = await browser.context.newPage();
    const officeRequests: string[] = [];
    page.on("requestfailed", (r) => officeRequests.push(r.url()));
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByText("独立页面").waitFor({ timeout: 15_000 });
    expect(await page.getByRole("heading", { name: "督办台账" }).isVisible()).toBe(true);
    expect(await page.getByTestId("standalone").innerText()).toContain("未能加载 Office JavaScript 库");
    expect(officeRequests.some((u) => u.includes("appsforoffice.microsoft.com"))).toBe(true);
    fs.mkdirSync(path.join(root, "out"), { recursive: true });
    await page.screenshot({ path: path.join(root, "out/taskpane-standalone.png"), fullPage: true });
  }, 60_000);

  it("gives every page a Content-Security-Policy: the app's origin and the Office CDN only, no eval", async () => {
    for (const name of ["taskpane.html", "commands.html", "dialog.html", "help.html"]) {
      const html = fs.readFileSync(path.join(root, "dist", name), "utf8");
      const csp = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain("unsafe-eval");
      expect(csp.replace("style-src 'self' 'unsafe-inline'", "")).not.toContain("unsafe-inline");
    }
  });

  it("serves the ribbon function page and the icons", async () => {
    const page = await browser.context.newPage();
    const res = await page.goto(`${server.url}/commands.html`);
    expect(res?.status()).toBe(200);
    expect(await page.content()).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const icon = await page.goto(`${server.url}/assets/icon-80.png`);
    expect(icon?.headers()["content-type"]).toBe("image/png");
  }, 60_000);
});
