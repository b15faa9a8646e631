// Where the pages get office.js, and the Content-Security-Policy every page carries.
//
// Scripts come from the add-in's own origin and Microsoft's Office CDN only (the CDN is dropped
// for intranet builds, which serve office.js themselves); no 'unsafe-eval' anywhere. Styles allow
// 'unsafe-inline': Fluent UI (Griffel) inserts its CSS rules at run time, and office.js's host
// scripts set inline styles (office-js issue 1687). Nothing else is fetched: connect-src is the
// app's own origin (the dev server adds its live-reload socket).
const OFFICE_CDN_ORIGIN = "https://appsforoffice.microsoft.com";
const OFFICE_CDN_URL = `${OFFICE_CDN_ORIGIN}/lib/1/hosted/office.js`;

/**
 * The files of @microsoft/office-js (paths in its dist/) an Excel add-in needs when served with
 * the add-in: office.js, its loader helpers, the Excel host scripts of every platform and the
 * zh-CN / en-US strings — release builds only, no .debug.js.
 * @example isOfficeJsFile("zh-cn/office_strings.js") // true
 */
const OFFICE_JS_FILES = [
  /^office\.js$/,
  /^es6-promise\.js$/,
  /^o15apptofilemappingtable\.js$/,
  /^excel(webapp)?-[\w.-]+(?<!\.debug)\.js$/,
  /^(zh-cn|en-us)\/office_strings\.js$/,
  /^telemetry\/oteljs_agave\.js$/,
];

function isOfficeJsFile(relative) {
  const file = relative.split("\\").join("/");
  return OFFICE_JS_FILES.some((pattern) => pattern.test(file));
}

/**
 * Where pages load office.js from: Microsoft's CDN (default) or, with OFFICE_JS=local, the copy
 * under office-js/ that the build takes from the @microsoft/office-js package.
 * @example officeJsSource("local") // { kind: "local", url: "office-js/office.js" }
 */
function officeJsSource(value) {
  const kind = (value || "cdn").trim().toLowerCase();
  if (kind === "cdn") return { kind, url: OFFICE_CDN_URL };
  if (kind === "local") return { kind, url: "office-js/office.js" };
  throw new Error(`OFFICE_JS must be "cdn" (default) or "local", got "${value}"`);
}

/**
 * The Content-Security-Policy of the pages.
 * @example contentSecurityPolicy({ officeJs: "cdn", dev: false })
 */
function contentSecurityPolicy({ officeJs, dev }) {
  const scripts = officeJs === "cdn" ? `'self' ${OFFICE_CDN_ORIGIN}` : "'self'";
  const connect = dev ? "'self' wss: ws:" : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

module.exports = {
  OFFICE_CDN_ORIGIN,
  OFFICE_CDN_URL,
  OFFICE_JS_FILES,
  isOfficeJsFile,
  officeJsSource,
  contentSecurityPolicy,
};
