import type { StandaloneReason } from "./strings";

/** Where the task pane runs: inside Excel, or standalone (a plain browser, or office.js missing). */
export type HostInfo =
  | { readonly mode: "excel"; readonly platform: string | null; readonly themeBackground: string | null }
  | { readonly mode: "standalone"; readonly reason: StandaloneReason; readonly host: string | null };

/** What Office.onReady reported, reduced to plain data. */
export interface ReadyInfo {
  readonly host: string | null;
  readonly platform: string | null;
  readonly themeBackground: string | null;
  /** False when the host lacks the requirement set the manifest declares (checkRequirements). */
  readonly minimumMet?: boolean;
}

/**
 * Decide the pane's mode from what Office.onReady reported.
 *
 * @example
 * hostInfoFromReady({ host: null, platform: null, themeBackground: null }) // => standalone, reason "no-host"
 * hostInfoFromReady({ host: "Excel", platform: "PC", themeBackground: null, minimumMet: false }) // => standalone, reason "old-excel"
 */
export function hostInfoFromReady(info: ReadyInfo): HostInfo {
  if (info.host === null) return { mode: "standalone", reason: "no-host", host: null };
  if (info.host !== "Excel") return { mode: "standalone", reason: "wrong-host", host: info.host };
  if (info.minimumMet === false) return { mode: "standalone", reason: "old-excel", host: info.host };
  return { mode: "excel", platform: info.platform, themeBackground: info.themeBackground };
}

/**
 * True when a CSS colour such as "#1E1E1E" is dark (relative luminance below one half).
 *
 * @example
 * isDarkColor("#1e1e1e") // => true
 */
export function isDarkColor(color: string | null): boolean {
  const m = color ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim()) : null;
  if (!m) return false;
  const [r, g, b] = m.slice(1, 4).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
