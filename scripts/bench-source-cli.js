#!/usr/bin/env node
// The command line straight from src/ (TypeScript transpiled on require by ts-register.js), for
// `node scripts/bench.js --from-source` (the bench's smoke test runs without a compiled lib/).
// Run as a program it is `duban`; required, it gives src/cli/main's exports.
"use strict";
require("./ts-register");

if (require.main === module) {
  require("../src/cli/run.ts").run();
} else {
  module.exports = require("../src/cli/main.ts");
}
