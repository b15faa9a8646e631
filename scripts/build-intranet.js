#!/usr/bin/env node
// `npm run build:intranet`: the production build with office.js served from the add-in's own
// origin (the @microsoft/office-js package, copied to dist/office-js/) instead of Microsoft's CDN,
// for 政务内网 deployments without internet. Same as `OFFICE_JS=local npm run build` on any shell.
const { spawnSync } = require("child_process");
const path = require("path");

const webpack = path.join(__dirname, "..", "node_modules", "webpack", "bin", "webpack.js");
const run = spawnSync(process.execPath, [webpack, "--mode", "production"], {
  stdio: "inherit",
  env: { ...process.env, OFFICE_JS: "local" },
});
process.exit(run.status ?? 1);
