/** The pages' Content-Security-Policy and where office.js comes from (scripts/page-policy.js). */
import * as fs from "fs";
import * as path from "path";

const {
  contentSecurityPolicy,
  isOfficeJsFile,
  officeJsSource,
  OFFICE_CDN_URL,
} = require("../../scripts/page-policy.js");
const root = path.resolve(__dirname, "../..");

describe("page policy", () => {
  it("loads office.js from Microsoft's CDN by default, from the add-in with OFFICE_JS=local", () => {
    expect(officeJsSource(undefined)).toEqual({ kind: "cdn", url: OFFICE_CDN_URL });
    expect(officeJsSource("LOCAL")).toEqual({ kind: "local", url: "office-js/office.js" });
    expect(() => officeJsSource("intranet")).toThrow(/OFFICE_JS/);
  });

  it.each([
    ["cdn", false, "script-src 'self' https://appsforoffice.microsoft.com", "connect-src 'self';"],
    ["local", false, "script-src 'self';", "connect-src 'self';"],
    ["cdn", true, "script-src 'self' https://appsforoffice.microsoft.com", "connect-src 'self' wss: ws:"],
  ])("allows scripts from the app and (%s) office.js only, never eval (dev %s)", (officeJs, dev, scripts, connect) => {
    const csp = `${contentSecurityPolicy({ officeJs, dev })};`;
    expect(csp).toContain(scripts);
    expect(csp).toContain(connect);
    expect(csp).toContain("default-src 'self';");
    expect(csp).toContain("object-src 'none';");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("copies the release files of office.js an Excel add-in needs, and no debug build", () => {
    const dist = path.join(root, "node_modules/@microsoft/office-js/dist");
    for (const file of ["office.js", "excel-web-16.00.js", "excel-win32-16.01.js", "zh-cn/office_strings.js"]) {
      expect(isOfficeJsFile(file)).toBe(true);
      expect(fs.existsSync(path.join(dist, file))).toBe(true);
    }
    for (const file of [
      "office.debug.js",
      "excel-web-16.00.debug.js",
      "word-web-16.00.js",
      "fr-fr/office_strings.js",
    ]) {
      expect(isOfficeJsFile(file)).toBe(false);
    }
    expect(isOfficeJsFile("zh-cn\\office_strings.js")).toBe(true);
  });
});
