// The <head> every page shares (html-webpack-plugin passes it to the page templates as `head`).
//
// Every page carries the Content-Security-Policy (page-policy.js). Pages that run in Office's
// webview (the pane, the ribbon's function file, the dialog) also get:
// - X-UA-Compatible, so that an Internet Explorer (Trident) webview uses its newest mode;
// - the Office JavaScript API (Microsoft's CDN, or the add-in's own copy in intranet builds);
//   without network, or outside Office, the pane opens as the standalone page;
// - boot.js, which is ES5: on Internet Explorer (Trident) and Edge Legacy (EdgeHTML) webviews it
//   shows what is needed instead of loading the bundle (data-bundle), which those webviews cannot
//   parse; `quiet` (data-quiet) is for the function file, which has no visible page: there the
//   ribbon's commands answer with the message instead.

/** Indentation of the head's children in the page templates (the head itself is at two spaces). */
const INDENT = "    ";

/**
 * The <head> element of a page, its children indented as in the templates.
 * @param {{ title: string, csp: string, viewport?: boolean,
 *   office?: { officeJsUrl: string, bundle: readonly string[], quiet?: boolean } }} page
 * @example pageHead({ title: "督办台账 帮助", csp: "default-src 'self'" }) // "<head>\n    <meta charset=…"
 */
function pageHead({ title, csp, viewport = true, office }) {
  const children = [
    '<meta charset="UTF-8" />',
    ...(office ? ['<meta http-equiv="X-UA-Compatible" content="IE=Edge" />'] : []),
    `<meta http-equiv="Content-Security-Policy" content="${csp}" />`,
    ...(viewport ? ['<meta name="viewport" content="width=device-width, initial-scale=1" />'] : []),
    `<title>${title}</title>`,
    ...(office ? officeScripts(office) : []),
  ];
  return ["<head>", ...children.map((child) => INDENT + child), "  </head>"].join("\n");
}

/** office.js, then boot.js naming the bundle. */
function officeScripts({ officeJsUrl, bundle, quiet = false }) {
  const boot = `src="boot.js" id="duban-boot" data-bundle="${bundle.join(" ")}"${quiet ? ' data-quiet="1"' : ""}`;
  return [
    `<script type="text/javascript" src="${officeJsUrl}"></script>`,
    `<script type="text/javascript" ${boot}></script>`,
  ];
}

module.exports = { pageHead };
