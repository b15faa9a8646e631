/**
 * The official look of the documents (GB/T 9704-2012 practice): titles in 方正小标宋简体,
 * everything else in 仿宋_GB2312, each with the faces to fall back on where it is not
 * installed (Windows ships 仿宋 / FangSong, macOS STFangsong, Linux Noto CJK).
 */
import type { CellStyle, FontSpec, PageMargins, StyleName } from "./types";

/** Substitutes for 方正小标宋简体, most similar first. */
export const TITLE_FONT_FALLBACKS: readonly string[] = [
  "方正小标宋_GBK",
  "华文中宋",
  "STZhongsong",
  "宋体",
  "SimSun",
  "Noto Serif CJK SC",
];

/** Substitutes for 仿宋_GB2312, most similar first. */
export const BODY_FONT_FALLBACKS: readonly string[] = [
  "仿宋",
  "FangSong",
  "STFangsong",
  "华文仿宋",
  "宋体",
  "SimSun",
  "Noto Serif CJK SC",
];

/** Substitutes for 黑体 (headings), most similar first. */
export const HEADING_FONT_FALLBACKS: readonly string[] = ["SimHei", "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC"];

/** 二号 (22 pt) is the size of a document title. */
export const TITLE_SIZE_PT = 22;
/** 四号 (14 pt) for the form's table and body. */
export const BODY_SIZE_PT = 14;
/** 小四 (12 pt) for notes under the table. */
export const NOTE_SIZE_PT = 12;
/** 五号 (10.5 pt) for dense report tables. */
export const SMALL_SIZE_PT = 10.5;

/**
 * A title font of a given size.
 * @example titleFont().name // "方正小标宋简体"
 */
export function titleFont(sizePt: number = TITLE_SIZE_PT): FontSpec {
  return { name: "方正小标宋简体", fallbacks: TITLE_FONT_FALLBACKS, sizePt, bold: false };
}

/**
 * A body font of a given size.
 * @example bodyFont(12).sizePt // 12
 */
export function bodyFont(sizePt: number = BODY_SIZE_PT): FontSpec {
  return { name: "仿宋_GB2312", fallbacks: BODY_FONT_FALLBACKS, sizePt, bold: false };
}

/**
 * A heading font (黑体) of a given size.
 * @example headingFont().name // "黑体"
 */
export function headingFont(sizePt: number = BODY_SIZE_PT): FontSpec {
  return { name: "黑体", fallbacks: HEADING_FONT_FALLBACKS, sizePt, bold: false };
}

/** The styles every document uses. */
export const OFFICIAL_STYLES: Readonly<Record<StyleName, CellStyle>> = {
  title: { font: titleFont(), horizontal: "center", vertical: "middle", wrap: false, indent: 0 },
  label: { font: bodyFont(), horizontal: "center", vertical: "middle", wrap: true, indent: 0 },
  value: { font: bodyFont(), horizontal: "center", vertical: "middle", wrap: true, indent: 0 },
  valueLeft: { font: bodyFont(), horizontal: "left", vertical: "middle", wrap: true, indent: 1 },
  body: { font: bodyFont(), horizontal: "left", vertical: "top", wrap: true, indent: 1 },
  right: { font: bodyFont(), horizontal: "right", vertical: "middle", wrap: false, indent: 1 },
  note: { font: bodyFont(NOTE_SIZE_PT), horizontal: "left", vertical: "middle", wrap: true, indent: 0 },
  heading: { font: headingFont(NOTE_SIZE_PT), horizontal: "left", vertical: "middle", wrap: false, indent: 0 },
  small: { font: bodyFont(SMALL_SIZE_PT), horizontal: "center", vertical: "middle", wrap: true, indent: 0 },
  smallLeft: { font: bodyFont(SMALL_SIZE_PT), horizontal: "left", vertical: "middle", wrap: true, indent: 0 },
};

/** A4 margins of the forms, in centimetres (top 2.5, bottom 2.0, left 2.5, right 2.0). */
export const A4_MARGINS_CM: PageMargins = { top: 2.5, bottom: 2.0, left: 2.5, right: 2.0, header: 1.0, footer: 1.0 };

/** Printable width of A4 portrait inside A4_MARGINS_CM, in points (16.5 cm). */
export const A4_PRINTABLE_WIDTH_PT = ((21.0 - A4_MARGINS_CM.left - A4_MARGINS_CM.right) / 2.54) * 72;

/** Printable height of A4 portrait inside A4_MARGINS_CM, in points (25.2 cm). */
export const A4_PRINTABLE_HEIGHT_PT = ((29.7 - A4_MARGINS_CM.top - A4_MARGINS_CM.bottom) / 2.54) * 72;
