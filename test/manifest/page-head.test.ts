/** The <head> the pages share (scripts/page-head.js). */
const { pageHead } = require("../../scripts/page-head.js");

const CSP = "default-src 'self'";
const OFFICE = { officeJsUrl: "office-js/office.js", bundle: ["a.js", "b.js"] };
const BOOT = '<script type="text/javascript" src="boot.js" id="duban-boot" data-bundle="a.js b.js"';

describe("page head", () => {
  it.each([
    ["a page outside Office has no office.js, no boot.js, no X-UA-Compatible", {}, [], ["X-UA-Compatible", "<script"]],
    [
      "a page in Office loads office.js, then boot.js naming the bundle",
      { office: OFFICE },
      ['<meta http-equiv="X-UA-Compatible" content="IE=Edge" />', OFFICE.officeJsUrl, `${BOOT}></script>`],
      ["data-quiet"],
    ],
    [
      "the function file's boot.js is quiet",
      { office: { ...OFFICE, quiet: true } },
      [`${BOOT} data-quiet="1"></script>`],
      [],
    ],
    ["viewport unless told not to", {}, ['<meta name="viewport"'], []],
    ["no viewport when told not to", { viewport: false }, [], ["viewport"]],
  ])("%s", (_rule, options, present: string[], absent: string[]) => {
    const head: string = pageHead({ title: "督办台账", csp: CSP, ...options });
    for (const markup of present) expect(head).toContain(markup);
    for (const markup of absent) expect(head).not.toContain(markup);
    expect(head).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}" />`);
    expect(head).toContain("<title>督办台账</title>");
  });

  it("indents its children as the templates do, charset first", () => {
    const lines: string[] = pageHead({ title: "t", csp: CSP, office: OFFICE }).split("\n");
    expect(lines[0]).toBe("<head>");
    expect(lines[1]).toBe('    <meta charset="UTF-8" />');
    expect(lines.slice(1, -1).every((line) => line.startsWith("    <"))).toBe(true);
    expect(lines[lines.length - 1]).toBe("  </head>");
  });
});
