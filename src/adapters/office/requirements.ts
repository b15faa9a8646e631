/**
 * Requirement sets: the manifest asks for ExcelApi 1.8 (Microsoft 365, retail Excel 2019, Office 2021
 * and later, Excel on the web — volume-licensed Excel 2019 stops at 1.7; see the manifest's comment);
 * anything newer is tested at run time with isSetSupported and, when missing, skipped
 * with a Chinese message saying what to do by hand.
 */

/** What the adapter asks the host (Office.context.requirements in the add-in). */
export interface RequirementChecker {
  isSetSupported(name: string, minVersion: string): boolean;
}

/** The minimum the manifest declares. */
export const MINIMUM_SET = { name: "ExcelApi", version: "1.8" } as const;

/** Features newer than the minimum that the adapter uses when the host has them. */
export type Feature = "pageLayout" | "indent" | "mergeUndoGroup";

interface FeatureInfo {
  readonly set: string;
  readonly version: string;
  /** What is skipped and what the person can do instead, in Chinese. */
  readonly fallback: string;
}

export const FEATURES: Readonly<Record<Feature, FeatureInfo>> = {
  pageLayout: {
    set: "ExcelApi",
    version: "1.9",
    fallback:
      "此版本 Excel 不支持由加载项设置页面布局（需 ExcelApi 1.9）：请在“页面布局”中手动设为 A4 纵向、调整为一页宽，并设置打印区域",
  },
  indent: {
    set: "ExcelApi",
    version: "1.9",
    fallback: "此版本 Excel 不支持由加载项设置缩进（需 ExcelApi 1.9）：文书中的段落缩进已省略",
  },
  mergeUndoGroup: {
    set: "ExcelApi",
    version: "1.20",
    fallback: "此版本 Excel 无法把加载项的修改并入 Excel 自身的撤销记录：请使用“撤销上次操作”按钮撤销",
  },
};

/**
 * The requirement checker of the running add-in (Office.context.requirements).
 * @example officeRequirements().isSetSupported("ExcelApi", "1.9")
 */
export function officeRequirements(): RequirementChecker {
  return {
    isSetSupported: (name, version) => {
      try {
        return Office.context.requirements.isSetSupported(name, version);
      } catch {
        return false;
      }
    },
  };
}

/** A checker that claims exactly the given sets and versions (tests, or a host known in advance). */
export function fixedRequirements(sets: Readonly<Record<string, string>>): RequirementChecker {
  const num = (v: string) => v.split(".").map(Number);
  const atLeast = (have: string, want: string) => {
    const [a1, a2 = 0] = num(have);
    const [b1, b2 = 0] = num(want);
    return a1 > b1 || (a1 === b1 && a2 >= b2);
  };
  return { isSetSupported: (name, version) => sets[name] !== undefined && atLeast(sets[name], version) };
}

/**
 * True when the host has a feature.
 * @example supports(fixedRequirements({ ExcelApi: "1.8" }), "pageLayout") // false
 */
export function supports(checker: RequirementChecker, feature: Feature): boolean {
  const info = FEATURES[feature];
  return checker.isSetSupported(info.set, info.version);
}

/** The host's minimum support and the messages of features it lacks. */
export interface RequirementReport {
  readonly minimumMet: boolean;
  /** Chinese message when the minimum is not met (the add-in cannot work). */
  readonly blocking?: string;
  readonly missing: readonly { readonly feature: Feature; readonly message: string }[];
}

/**
 * What the host supports, for the task pane to show once.
 * @example checkRequirements(fixedRequirements({ ExcelApi: "1.8" })).missing.map((m) => m.feature) // ["pageLayout", "indent", "mergeUndoGroup"]
 */
export function checkRequirements(checker: RequirementChecker): RequirementReport {
  const minimumMet = checker.isSetSupported(MINIMUM_SET.name, MINIMUM_SET.version);
  const missing = (Object.keys(FEATURES) as Feature[])
    .filter((f) => !supports(checker, f))
    .map((feature) => ({ feature, message: FEATURES[feature].fallback }));
  return minimumMet
    ? { minimumMet, missing }
    : {
        minimumMet,
        missing,
        blocking:
          "此版本 Excel 过旧（需要 Microsoft 365、Office 2021 或更高版本、零售版 Excel 2019 或 Excel 网页版，ExcelApi 1.8 及以上），督办台账加载项无法运行",
      };
}
