#!/usr/bin/env node
// Renders assets/icon.svg (and icon-small.svg for 16 px) to the PNG sizes the manifest names,
// with Debian's headless chromium. Run after editing the SVGs: node scripts/make-icons.js
const path = require("path");
const fs = require("fs");
const os = require("os");
const { chromium } = require("playwright-core");
const { CHROMIUM_ARGS, CHROMIUM_PATH } = require("./chromium");

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-icons-"));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    for (const size of [16, 32, 64, 80]) {
      const svg = fs.readFileSync(
        path.join(__dirname, "..", "assets", size === 16 ? "icon-small.svg" : "icon.svg"),
        "utf8",
      );
      const page = await ctx.newPage();
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
      );
      await page.screenshot({ path: path.join(__dirname, "..", "assets", `icon-${size}.png`), omitBackground: true });
      await page.close();
    }
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log("icons written to assets/icon-{16,32,64,80}.png");
})();
