/** A small but complete Office theme (xl/theme/theme1.xml), as every workbook Excel saves has one. */
import { NS, XML_DECL } from "./package-builder";

const COLORS: readonly [string, string][] = [
  ["dk1", '<a:sysClr val="windowText" lastClr="000000"/>'],
  ["lt1", '<a:sysClr val="window" lastClr="FFFFFF"/>'],
  ["dk2", '<a:srgbClr val="44546A"/>'],
  ["lt2", '<a:srgbClr val="E7E6E6"/>'],
  ["accent1", '<a:srgbClr val="4472C4"/>'],
  ["accent2", '<a:srgbClr val="ED7D31"/>'],
  ["accent3", '<a:srgbClr val="A5A5A5"/>'],
  ["accent4", '<a:srgbClr val="FFC000"/>'],
  ["accent5", '<a:srgbClr val="5B9BD5"/>'],
  ["accent6", '<a:srgbClr val="70AD47"/>'],
  ["hlink", '<a:srgbClr val="0563C1"/>'],
  ["folHlink", '<a:srgbClr val="954F72"/>'],
];

const fontGroup = (tag: string, latin: string, ea: string) =>
  `<a:${tag}><a:latin typeface="${latin}" panose="020F0502020204030204"/><a:ea typeface=""/><a:cs typeface=""/>` +
  `<a:font script="Hans" typeface="${ea}"/></a:${tag}>`;

const solid = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
const line = (w: number) =>
  `<a:ln w="${w}" cap="flat" cmpd="sng" algn="ctr">${solid}<a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>`;
const effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";

/** The theme part's XML. */
export function themeXml(): string {
  return [
    XML_DECL,
    `<a:theme xmlns:a="${NS.a}" name="Office 主题">`,
    '<a:themeElements><a:clrScheme name="Office">',
    ...COLORS.map(([name, value]) => `<a:${name}>${value}</a:${name}>`),
    '</a:clrScheme><a:fontScheme name="Office">',
    fontGroup("majorFont", "等线 Light", "等线 Light"),
    fontGroup("minorFont", "等线", "等线"),
    '</a:fontScheme><a:fmtScheme name="Office">',
    `<a:fillStyleLst>${solid}${solid}${solid}</a:fillStyleLst>`,
    `<a:lnStyleLst>${line(6350)}${line(12700)}${line(19050)}</a:lnStyleLst>`,
    `<a:effectStyleLst>${effect}${effect}${effect}</a:effectStyleLst>`,
    `<a:bgFillStyleLst>${solid}${solid}${solid}</a:bgFillStyleLst>`,
    "</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>",
  ].join("");
}
