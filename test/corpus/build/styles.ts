/**
 * styles.xml for the corpus: custom number formats from id 164, a few fonts, fills and borders,
 * and cell formats (xf) deduplicated and numbered in the order they are asked for.
 */
import { escapeXml } from "../ooxml/xml";
import { NS, XML_DECL } from "./package-builder";

export interface XfSpec {
  /** A built-in format id, or a format code (custom codes get ids from 164). */
  readonly numFmt?: number | string;
  readonly font?: "normal" | "title" | "header" | "link";
  readonly fill?: "none" | "header";
  readonly border?: boolean;
  readonly wrap?: boolean;
  readonly center?: boolean;
  /** Cell left unlocked for a protected sheet. */
  readonly unlocked?: boolean;
}

/** Fonts by role: 等线 as Excel (zh-CN) writes its default; titles in 方正小标宋简体. */
const FONTS = {
  normal:
    '<font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font>',
  title: '<font><b/><sz val="16"/><name val="方正小标宋简体"/><family val="3"/><charset val="134"/></font>',
  header: '<font><b/><sz val="10"/><name val="黑体"/><family val="3"/><charset val="134"/></font>',
  link: '<font><u/><sz val="11"/><color theme="10"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font>',
} as const;
const FONT_ORDER = ["normal", "title", "header", "link"] as const;

/** Fonts without theme colours, for a package that has no theme (as LibreOffice writes them). */
const PLAIN_FONTS: Record<keyof typeof FONTS, string> = {
  normal: '<font><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font>',
  title: FONTS.title,
  header: FONTS.header,
  link: '<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="宋体"/><family val="2"/><charset val="134"/></font>',
};

export class StylesBuilder {
  private readonly numFmts = new Map<string, number>();
  private readonly xfs: string[] = [];
  private readonly dxfs: string[] = [];

  constructor(private readonly themed = true) {
    this.xf({}); // xf 0: the default every unstyled cell uses
  }

  private numFmtId(fmt: number | string | undefined): number {
    if (fmt === undefined) return 0;
    if (typeof fmt === "number") return fmt;
    let id = this.numFmts.get(fmt);
    if (id === undefined) {
      id = 164 + this.numFmts.size;
      this.numFmts.set(fmt, id);
    }
    return id;
  }

  /**
   * The index of the cell format with these properties (added when new).
   * @example styles.xf({ numFmt: 'yyyy"年"m"月"d"日"' }) // 1
   */
  xf(spec: XfSpec): number {
    const numFmtId = this.numFmtId(spec.numFmt);
    const fontId = FONT_ORDER.indexOf(spec.font ?? "normal");
    const fillId = spec.fill === "header" ? 2 : 0;
    const borderId = spec.border ? 1 : 0;
    const align =
      spec.wrap || spec.center
        ? `<alignment${spec.center ? ' horizontal="center"' : ""} vertical="center"${spec.wrap ? ' wrapText="1"' : ""}/>`
        : "";
    const protection = spec.unlocked ? '<protection locked="0"/>' : "";
    const applied = [
      numFmtId ? ' applyNumberFormat="1"' : "",
      fontId ? ' applyFont="1"' : "",
      fillId ? ' applyFill="1"' : "",
      borderId ? ' applyBorder="1"' : "",
      align ? ' applyAlignment="1"' : "",
      protection ? ' applyProtection="1"' : "",
    ].join("");
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    const xml = align || protection ? `${head}>${align}${protection}</xf>` : `${head}/>`;
    const found = this.xfs.indexOf(xml);
    if (found >= 0) return found;
    this.xfs.push(xml);
    return this.xfs.length - 1;
  }

  /** Adds a differential format (for conditional formatting); returns its index. */
  dxf(xml: string): number {
    this.dxfs.push(xml);
    return this.dxfs.length - 1;
  }

  toXml(): string {
    const numFmts = [...this.numFmts]
      .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`)
      .join("");
    const fonts = FONT_ORDER.map((k) => (this.themed ? FONTS : PLAIN_FONTS)[k]).join("");
    return [
      XML_DECL,
      `<styleSheet xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="x14ac" xmlns:x14ac="${NS.x14ac}">`,
      this.numFmts.size ? `<numFmts count="${this.numFmts.size}">${numFmts}</numFmts>` : "",
      `<fonts count="${FONT_ORDER.length}" x14ac:knownFonts="1">${fonts}</fonts>`,
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>',
      '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>',
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>',
      '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>',
      '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>',
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>`,
      '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>',
      `<dxfs count="${this.dxfs.length}">${this.dxfs.join("")}</dxfs>`,
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
      "</styleSheet>",
    ].join("");
  }
}
