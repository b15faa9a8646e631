// The weight budget that matters to a person opening the pane: the scripts a page loads before it
// can run, gzipped (what the web server sends). webpack's performance hints measure raw sizes;
// this plugin measures gzip, fails the build above the budget, and writes bundle-sizes.json
// (every script, raw and gzipped, and each page's initial total) for tests and reports.
const zlib = require("zlib");

/** Gzipped bytes of the scripts a page loads first (entry chunks and boot.js). */
const INITIAL_GZIP_BUDGET = 200 * 1024;

const gzipSize = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;

class GzipBudgetPlugin {
  /** @param {{ budget: number, entries: string[], extra?: Record<string, string[]> }} options */
  constructor(options) {
    this.options = { extra: { taskpane: ["boot.js"] }, ...options };
  }

  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("GzipBudgetPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "GzipBudgetPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const size = (file) => {
            const asset = compilation.getAsset(file);
            if (!asset) return { raw: 0, gzip: 0 };
            const buffer = asset.source.buffer();
            return { raw: buffer.length, gzip: gzipSize(buffer) };
          };
          const scripts = {};
          for (const { name } of compilation.getAssets()) {
            if (name.endsWith(".js") && !name.startsWith("office-js/")) scripts[name] = size(name);
          }
          const initial = {};
          for (const entry of this.options.entries) {
            const point = compilation.entrypoints.get(entry);
            if (!point) continue;
            const files = [...point.getFiles().filter((f) => f.endsWith(".js")), ...(this.options.extra[entry] ?? [])];
            const gzip = files.reduce((n, f) => n + (scripts[f]?.gzip ?? size(f).gzip), 0);
            const raw = files.reduce((n, f) => n + (scripts[f]?.raw ?? size(f).raw), 0);
            initial[entry] = { files, raw, gzip };
            if (gzip > this.options.budget) {
              compilation.errors.push(
                new WebpackError(
                  `GzipBudgetPlugin: the scripts ${entry} loads first are ${gzip} bytes gzipped ` +
                    `(${files.join(", ")}), over the budget of ${this.options.budget} bytes. ` +
                    "Move what the first screen does not need into a lazy chunk (import()).",
                ),
              );
            }
          }
          const report = { budget: this.options.budget, initial, scripts };
          compilation.emitAsset("bundle-sizes.json", new sources.RawSource(JSON.stringify(report, null, 2)));
        },
      );
    });
  }
}

module.exports = { GzipBudgetPlugin, INITIAL_GZIP_BUDGET, gzipSize };
