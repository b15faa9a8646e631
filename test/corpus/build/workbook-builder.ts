/**
 * A workbook package under construction: sheets, shared strings, styles, defined names and
 * workbook-level elements, written as Excel (or, with `flavour: "libreoffice"`, as LibreOffice
 * Calc) saves them.
 */
import { escapeXml } from "../ooxml/xml";
import { CT, NS, PackageBuilder, REL, XML_DECL } from "./package-builder";
import { SheetBuilder } from "./sheet";
import { StylesBuilder } from "./styles";
import { themeXml } from "./theme";

export type Flavour = "excel" | "libreoffice";

/** Workbook elements in schema order that features may set (raw XML). */
type WorkbookSlot = "workbookProtection" | "externalReferences" | "pivotCaches" | "extLst";

interface SheetEntry {
  readonly name: string;
  readonly part: string;
  readonly rid: string;
  readonly kind: "worksheet" | "chartsheet";
  readonly sheet?: SheetBuilder;
  xml?: string;
}

export class WorkbookBuilder {
  readonly pkg = new PackageBuilder();
  readonly styles: StylesBuilder;
  readonly workbookPart = "xl/workbook.xml";
  private readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();
  private stringRefs = 0;
  private readonly sheets: SheetEntry[] = [];
  private readonly names: string[] = [];
  private readonly slots = new Map<WorkbookSlot, string>();
  /** `<workbookPr>` attributes. */
  workbookPr = 'defaultThemeVersion="166925"';
  /** Application name in docProps/app.xml. */
  application = "Microsoft Excel";

  constructor(readonly flavour: Flavour = "excel") {
    this.styles = new StylesBuilder(flavour === "excel");
    this.pkg.put(this.workbookPart, "", CT.workbook);
    this.pkg.relate("", REL.officeDocument, this.workbookPart);
    if (flavour === "libreoffice") this.workbookPr = 'backupFile="false" showObjects="all" date1904="false"';
  }

  /** The shared-string index of a text (added when new). */
  sst = (text: string): number => {
    this.stringRefs += 1;
    let i = this.stringIndex.get(text);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(text);
      this.stringIndex.set(text, i);
    }
    return i;
  };

  /** Adds a worksheet at the end; its part is xl/worksheets/sheetN.xml. */
  addSheet(name: string): SheetBuilder {
    const n = this.sheets.filter((s) => s.kind === "worksheet").length + 1;
    const part = `xl/worksheets/sheet${n}.xml`;
    this.pkg.put(part, "", CT.worksheet);
    const rid = this.pkg.relate(this.workbookPart, REL.worksheet, part);
    const sheet = new SheetBuilder(name, part, this.sheets.length);
    this.sheets.push({ name, part, rid, kind: "worksheet", sheet });
    return sheet;
  }

  /** Adds a chart sheet (its XML given whole); returns its part name. */
  addChartsheet(name: string, xml: string): string {
    const n = this.sheets.filter((s) => s.kind === "chartsheet").length + 1;
    const part = `xl/chartsheets/sheet${n}.xml`;
    this.pkg.put(part, xml, CT.chartsheet);
    const rid = this.pkg.relate(this.workbookPart, REL.chartsheet, part);
    this.sheets.push({ name, part, rid, kind: "chartsheet", xml });
    return part;
  }

  /** The 0-based position of a sheet (for localSheetId). */
  sheetIndex(name: string): number {
    return this.sheets.findIndex((s) => s.name === name);
  }

  /** Adds a defined name; `localSheet` scopes it to that sheet. */
  defineName(name: string, formula: string, options: { localSheet?: string; hidden?: boolean } = {}): this {
    const local = options.localSheet === undefined ? "" : ` localSheetId="${this.sheetIndex(options.localSheet)}"`;
    const hidden = options.hidden ? ' hidden="1"' : "";
    this.names.push(`<definedName name="${escapeXml(name)}"${local}${hidden}>${escapeXml(formula)}</definedName>`);
    return this;
  }

  /** Sets a workbook-level element (raw XML) in its schema slot. */
  setWorkbookElement(slot: WorkbookSlot, xml: string): this {
    this.slots.set(slot, xml);
    return this;
  }

  private workbookXml(): string {
    const sheets = this.sheets
      .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="${s.rid}"/>`)
      .join("");
    const names = this.names.length ? `<definedNames>${this.names.join("")}</definedNames>` : "";
    const libre = this.flavour === "libreoffice";
    const protection = this.slots.get("workbookProtection") ?? (libre ? "<workbookProtection/>" : "");
    return [
      XML_DECL,
      `<workbook xmlns="${NS.main}" xmlns:r="${NS.r}">`,
      libre
        ? '<fileVersion appName="Calc"/>'
        : '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>',
      `<workbookPr ${this.workbookPr}/>`,
      protection,
      libre
        ? '<bookViews><workbookView showHorizontalScroll="true" showVerticalScroll="true" showSheetTabs="true" xWindow="0" yWindow="0" windowWidth="16384" windowHeight="8192" tabRatio="500" firstSheet="0" activeTab="0"/></bookViews>'
        : '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>',
      `<sheets>${sheets}</sheets>`,
      this.slots.get("externalReferences") ?? "",
      names,
      libre
        ? '<calcPr iterateCount="100" refMode="A1" iterate="false" iterateDelta="0.001"/>'
        : '<calcPr calcId="191029"/>',
      this.slots.get("pivotCaches") ?? "",
      this.slots.get("extLst") ?? "",
      "</workbook>",
    ].join("");
  }

  private sharedStringsXml(): string {
    const items = this.strings.map((s) => {
      const preserve = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : "";
      return `<si><t${preserve}>${escapeXml(s)}</t></si>`;
    });
    return `${XML_DECL}<sst xmlns="${NS.main}" count="${this.stringRefs}" uniqueCount="${this.strings.length}">${items.join("")}</sst>`;
  }

  private calcChainXml(): string | null {
    const cells = this.sheets.flatMap((s, i) =>
      s.sheet ? s.sheet.formulaRefs().map((ref, k) => `<c r="${ref}"${k === 0 ? ` i="${i + 1}"` : ""}/>`) : [],
    );
    return cells.length ? `${XML_DECL}<calcChain xmlns="${NS.main}">${cells.join("")}</calcChain>` : null;
  }

  private appXml(): string {
    const names = this.sheets.map((s) => `<vt:lpstr>${escapeXml(s.name)}</vt:lpstr>`).join("");
    const worksheets = this.sheets.filter((s) => s.kind === "worksheet").length;
    const charts = this.sheets.length - worksheets;
    const pairs = [
      `<vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>${worksheets}</vt:i4></vt:variant>`,
      charts
        ? `<vt:variant><vt:lpstr>图表</vt:lpstr></vt:variant><vt:variant><vt:i4>${charts}</vt:i4></vt:variant>`
        : "",
    ];
    return [
      XML_DECL,
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ',
      'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">',
      `<Application>${escapeXml(this.application)}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>`,
      `<HeadingPairs><vt:vector size="${charts ? 4 : 2}" baseType="variant">${pairs.join("")}</vt:vector></HeadingPairs>`,
      `<TitlesOfParts><vt:vector size="${this.sheets.length}" baseType="lpstr">${names}</vt:vector></TitlesOfParts>`,
      "<Company>江津区教育委员会</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>",
      "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>",
    ].join("");
  }

  private coreXml(): string {
    return [
      XML_DECL,
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ',
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ',
      'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
      "<dc:title>督办事项登记表</dc:title><dc:creator>办公室 张敏</dc:creator><cp:lastModifiedBy>督导室 李华</cp:lastModifiedBy>",
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T08:00:00Z</dcterms:created>',
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-24T09:12:00Z</dcterms:modified></cp:coreProperties>',
    ].join("");
  }

  /** Writes every generated part; the package is then ready for toZip(). */
  finish(): PackageBuilder {
    const { pkg } = this;
    pkg.put(this.workbookPart, this.workbookXml());
    this.sheets.forEach((s, i) => {
      if (s.sheet) pkg.put(s.part, s.sheet.toXml(this.sst, i === 0));
    });
    if (this.flavour === "excel") {
      pkg.put("xl/theme/theme1.xml", themeXml(), CT.theme);
      pkg.relate(this.workbookPart, REL.theme, "xl/theme/theme1.xml");
    }
    pkg.put("xl/styles.xml", this.styles.toXml(), CT.styles);
    pkg.relate(this.workbookPart, REL.styles, "xl/styles.xml");
    pkg.put("xl/sharedStrings.xml", this.sharedStringsXml(), CT.sharedStrings);
    pkg.relate(this.workbookPart, REL.sharedStrings, "xl/sharedStrings.xml");
    const chain = this.flavour === "excel" ? this.calcChainXml() : null;
    if (chain) {
      pkg.put("xl/calcChain.xml", chain, CT.calcChain);
      pkg.relate(this.workbookPart, REL.calcChain, "xl/calcChain.xml");
    }
    pkg.put("docProps/core.xml", this.coreXml(), CT.core);
    pkg.relate("", REL.coreProperties, "docProps/core.xml");
    pkg.put("docProps/app.xml", this.appXml(), CT.app);
    pkg.relate("", REL.extendedProperties, "docProps/app.xml");
    return pkg;
  }
}
