// How this project starts Debian's chromium headless (no sandbox as root, no background traffic:
// the machine's network reaches only package registries).
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Resolve nothing but localhost, so a page that asks for office.js from the CDN fails at once.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
];
module.exports = { CHROMIUM_PATH, CHROMIUM_ARGS };
