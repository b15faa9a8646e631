import { checkRequirements, officeRequirements } from "../adapters/office/requirements";
import { hostInfoFromReady, type HostInfo } from "./host-info";

/**
 * Wait for Office.onReady and report where the pane runs. Never hangs: when office.js did not load
 * (no network, opened in a plain browser) or onReady does not answer in time, the pane goes standalone.
 * In Excel, the requirement sets are checked at once (checkRequirements): an Excel older than the
 * manifest's minimum gets the Chinese message instead of buttons that would fail.
 */
export async function detectHost(timeoutMs = 5000): Promise<HostInfo> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return { mode: "standalone", reason: "no-office", host: null };
  }
  const ready = Office.onReady().then((info) =>
    hostInfoFromReady({
      host: info.host ? String(info.host) : null,
      platform: info.platform ? String(info.platform) : null,
      themeBackground: Office.context?.officeTheme?.bodyBackgroundColor ?? null,
      minimumMet: String(info.host) === "Excel" ? checkRequirements(officeRequirements()).minimumMet : true,
    }),
  );
  const timeout = new Promise<HostInfo>((resolve) =>
    setTimeout(() => resolve({ mode: "standalone", reason: "timeout", host: null }), timeoutMs),
  );
  return Promise.race([ready, timeout]);
}
