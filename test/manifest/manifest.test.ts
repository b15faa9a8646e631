import * as fs from "fs";
import * as path from "path";
import { DOMParser } from "@xmldom/xmldom";

// `office-addin-manifest validate` needs Microsoft's service; this checks the manifest offline.
const root = path.resolve(__dirname, "../..");
const { toProduction, productionUrl } = require(path.join(root, "scripts/manifest-url.js"));

type El = {
  getAttribute(n: string): string | null;
  textContent: string | null;
  getElementsByTagName(n: string): ArrayLike<El>;
};

function parse(xml: string) {
  const errors: string[] = [];
  let doc = null as unknown as ReturnType<DOMParser["parseFromString"]>;
  try {
    doc = new DOMParser({
      onError: (level: string, msg: string) => {
        if (level !== "warning") errors.push(msg);
      },
    }).parseFromString(xml, "text/xml");
  } catch (e) {
    errors.push(String(e));
  }
  return { doc, errors };
}

function all(doc: { getElementsByTagName(n: string): ArrayLike<El> }, tag: string): El[] {
  return Array.from(doc.getElementsByTagName(tag));
}

function urlsOf(xml: string): string[] {
  return [...xml.matchAll(/DefaultValue="(https?:[^"]+)"|<(?:AppDomain|SourceLocation)>([^<]+)</g)].map(
    (m) => m[1] ?? m[2],
  );
}

describe("manifest.xml (checked offline)", () => {
  const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
  const { doc, errors } = parse(xml);

  it("is well-formed XML", () => {
    expect(errors).toEqual([]);
    expect(parse("<OfficeApp><Id></OfficeApp>").errors.length).toBeGreaterThan(0);
  });

  it("is a task pane app for workbooks, in zh-CN, named 督办台账, with a GUID id", () => {
    const app = doc.documentElement!;
    expect(app.nodeName).toBe("OfficeApp");
    expect(app.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(all(doc, "Id")[0].textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i,
    );
    expect(all(doc, "Version")[0].textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all(doc, "DefaultLocale")[0].textContent).toBe("zh-CN");
    expect(all(doc, "DisplayName")[0].getAttribute("DefaultValue")).toBe("督办台账");
    expect(all(doc, "Host").map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"))).toEqual([
      "Workbook",
      "Workbook",
    ]);
    expect(all(doc, "Permissions")[0].textContent).toBe("ReadWriteDocument");
  });

  it("declares ExcelApi 1.8 as the minimum, so Excel 2019 loads it", () => {
    const sets = all(doc, "Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]);
    expect(sets).toEqual([["ExcelApi", "1.8"]]);
  });

  it("uses https for every URL", () => {
    const urls = urlsOf(xml);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it("names icons 16/32/64/80 that exist in assets/ as PNG files", () => {
    const icons = urlsOf(xml).filter((u) => /\/assets\//.test(u));
    const files = new Set(icons.map((u) => u.replace(/^https:\/\/[^/]+\//, "")));
    expect([...files].sort()).toEqual([
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
    ]);
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(root, file));
      expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
      const size = Number(/icon-(\d+)/.exec(file)![1]);
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it("resolves every resid to a resource, and has a ribbon button opening the task pane and a function file", () => {
    const ids = new Set(
      [...all(doc, "bt:Image"), ...all(doc, "bt:Url"), ...all(doc, "bt:String")]
        .map((e) => e.getAttribute("id"))
        .filter(Boolean),
    );
    const resids = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(resids.length).toBeGreaterThan(10);
    for (const r of resids) expect(ids).toContain(r);
    expect(all(doc, "FunctionFile")[0].getAttribute("resid")).toBe("Commands.Url");
    expect(all(doc, "Action")[0].getAttribute("xsi:type")).toBe("ShowTaskpane");
  });

  it("rewrites every development URL to the production URL, the app domain to its origin", () => {
    const prod = toProduction(xml, productionUrl("https://addin.example.cn/duban"));
    expect(prod).not.toMatch(/localhost/);
    expect(prod).toContain("<AppDomain>https://addin.example.cn</AppDomain>");
    expect(prod).toContain('DefaultValue="https://addin.example.cn/duban/taskpane.html"');
    expect(parse(prod).errors).toEqual([]);
    expect(() => productionUrl("http://insecure.example.cn/")).toThrow(/https/);
  });
});
