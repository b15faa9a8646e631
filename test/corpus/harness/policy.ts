/**
 * What each writing command may change in a package, stated once so the comparison can check
 * everything else byte for byte. docs/design.md "Writing a file" and issue 10: a command changes the
 * cells it sets (and, for refresh, the elements it adds) in the sheets it edits, appends styles
 * and shared strings, adds sheets with their relationships, content types, names and app.xml
 * titles, and drops calcChain.xml only when formulas change.
 */

export type CommandName =
  "number" | "refresh" | "notice" | "report" | "remind" | "fix" | "analysis" | "accountability" | "archive";

/** A cell a command reports setting. */
export interface SetCell {
  readonly sheet: string;
  readonly ref: string;
}

export interface CommandPolicy {
  readonly name: CommandName;
  /** It edits cells of the registry sheet (else that sheet stays byte-identical). */
  readonly editsRegistry: boolean;
  /**
   * It reports every cell it sets (number, fix: in their JSON). A command that does not
   * (refresh) may fill empty registry cells; one that does may fill only those it reports.
   */
  readonly reportsCells: boolean;
  /** It adds sheets (so workbook.xml, its rels, content types and app.xml may change). */
  readonly addsSheets: boolean;
  /** Top-level elements of the registry sheet it may change besides its cells. */
  readonly sheetElements: ReadonlySet<string>;
  /** It may change the number format (only) of existing registry cells. */
  readonly restyles: boolean;
  /** It writes formulas: calcChain.xml may change or go (then Excel must recalculate on open). */
  readonly writesFormulas: boolean;
  /** It sets data validations on registry ranges (replacing the rules those cells had). */
  readonly setsValidations: boolean;
  /** Workbook names it may redefine (others must stay as they were). */
  readonly ownsName: (name: string, localSheet: string | null, registry: string) => boolean;
}

const none = () => false;
/** Print settings of the registry are refresh's to set (print area, repeated title rows). */
const registryPrintNames = (name: string, localSheet: string | null, registry: string) =>
  localSheet === registry && (name === "_xlnm.Print_Area" || name === "_xlnm.Print_Titles");

const CELLS_ONLY = new Set(["dimension", "sheetData"]);

export const POLICIES: Readonly<Record<CommandName, CommandPolicy>> = {
  number: {
    name: "number",
    editsRegistry: true,
    reportsCells: true,
    addsSheets: false,
    sheetElements: CELLS_ONLY,
    restyles: false,
    writesFormulas: false,
    setsValidations: false,
    ownsName: none,
  },
  fix: {
    name: "fix",
    editsRegistry: true,
    reportsCells: true,
    addsSheets: false,
    sheetElements: CELLS_ONLY,
    restyles: true,
    writesFormulas: false,
    setsValidations: false,
    ownsName: none,
  },
  refresh: {
    name: "refresh",
    editsRegistry: true,
    reportsCells: false,
    addsSheets: true,
    // Extension columns (widths), frozen header, lists, print setup; conditional formats are
    // only added (the person's own stay as they were), so they are not listed here.
    sheetElements: new Set([
      "sheetPr",
      "dimension",
      "sheetViews",
      "cols",
      "sheetData",
      "dataValidations",
      "printOptions",
      "pageMargins",
      "pageSetup",
      "extLst",
    ]),
    restyles: true,
    writesFormulas: true,
    setsValidations: true,
    ownsName: registryPrintNames,
  },
  // Archive empties the rows of the items it moves (their 序号 formulas too) and adds a sheet.
  archive: {
    name: "archive",
    editsRegistry: true,
    reportsCells: true,
    addsSheets: true,
    sheetElements: CELLS_ONLY,
    restyles: false,
    writesFormulas: true,
    setsValidations: false,
    ownsName: none,
  },
  notice: documentPolicy("notice"),
  report: documentPolicy("report"),
  remind: documentPolicy("remind"),
  analysis: documentPolicy("analysis"),
  accountability: documentPolicy("accountability"),
};

/** A command that only adds sheets (a document, a report, a log). */
function documentPolicy(name: "notice" | "report" | "remind" | "analysis" | "accountability"): CommandPolicy {
  return {
    name,
    editsRegistry: false,
    reportsCells: false,
    addsSheets: true,
    sheetElements: new Set(),
    restyles: false,
    writesFormulas: false,
    setsValidations: false,
    ownsName: none,
  };
}
