// Rewriting the development manifest for production (used by webpack.config.js, tested in test/manifest).
const DEV_URL = "https://localhost:3000/";
const DEFAULT_PROD_URL = "https://duban.example.com/";

/** The production URL from ADDIN_PROD_URL (or the default), normalised to end with one slash. */
function productionUrl(value = process.env.ADDIN_PROD_URL) {
  const url = (value || DEFAULT_PROD_URL).trim();
  if (!/^https:\/\/[^\s/]+/.test(url)) throw new Error(`ADDIN_PROD_URL must be an https URL, got "${url}"`);
  return url.endsWith("/") ? url : `${url}/`;
}

/** The manifest with every development URL pointing at production, and the app domain at its origin. */
function toProduction(manifest, urlProd) {
  const origin = new URL(urlProd).origin;
  return manifest.split(DEV_URL).join(urlProd).split(DEV_URL.slice(0, -1)).join(origin);
}

module.exports = { DEV_URL, DEFAULT_PROD_URL, productionUrl, toProduction };
