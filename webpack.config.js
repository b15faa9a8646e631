// Builds the task pane, the ribbon function file and their pages. `npm run build` (production)
// also writes dist/manifest.xml with https://localhost:3000/ replaced by ADDIN_PROD_URL.
//
// Weight: the pane is compiled as ES modules (tsconfig.webpack.json) so webpack tree-shakes
// Fluent UI, and package.json's "sideEffects" names the only modules of ours with side effects
// (the entries), so a module imported for an unused export is left out; the Office adapter,
// documents, edits, refresh and the xlsx adapter (standalone page) are lazy chunks. Performance hints are errors: an asset or entry point over budget fails the build,
// and GzipBudgetPlugin fails it when the scripts a page loads first exceed 200 KB gzipped.
//
// Old webviews: taskpane.html loads boot.js (ES5, copied as is) which shows a Chinese message
// on Trident/EdgeHTML and otherwise loads the bundle — the bundle has no <script> tag of its own.
//
// Intranet (政务内网): OFFICE_JS=local serves office.js from the @microsoft/office-js package
// under office-js/ instead of Microsoft's CDN (the default).
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const { DEV_URL: urlDev, DEFAULT_PROD_URL, productionUrl, toProduction } = require("./scripts/manifest-url");
const { GzipBudgetPlugin, INITIAL_GZIP_BUDGET } = require("./scripts/gzip-budget");
const { contentSecurityPolicy, isOfficeJsFile, officeJsSource } = require("./scripts/page-policy");
const { pageHead } = require("./scripts/page-head");

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

/** Where the @microsoft/office-js package keeps office.js and its host scripts. */
const OFFICE_JS_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/** Raw-size budgets behind the performance hints (the gzip budget is checked separately). */
const BUDGET = {
  /** Any one emitted script (the largest is the task pane's entry, ~560 KB raw). */
  maxAssetSize: 600_000,
  /** What a page loads before it can run (raw; ≈ 200 KB gzipped at the usual 3.5:1). */
  maxEntrypointSize: 720_000,
};

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const urlProd = dev ? urlDev : productionUrl();
  const officeJs = officeJsSource(process.env.OFFICE_JS);
  if (!dev && !process.env.ADDIN_PROD_URL) {
    console.warn(`ADDIN_PROD_URL is not set: dist/manifest.xml points at ${DEFAULT_PROD_URL}`);
  }
  const csp = contentSecurityPolicy({ officeJs: officeJs.kind, dev });
  // The templates call head({ title, viewport, quiet }) for their <head> (scripts/page-head.js);
  // a page with a bundle runs in Office: it loads office.js, then boot.js loads the bundle.
  const page = (filename, template, chunks) =>
    new HtmlWebpackPlugin({
      filename,
      template,
      chunks,
      inject: false,
      minify: false,
      templateParameters: (compilation, assets) => ({
        head: ({ quiet, ...options }) =>
          pageHead({
            ...options,
            csp,
            office: assets.js.length > 0 ? { officeJsUrl: officeJs.url, bundle: assets.js, quiet } : undefined,
          }),
      }),
    });
  return {
    // Modern webviews only (old ones get boot.js's message): ES2020 output, and a runtime that
    // uses globalThis instead of webpack's `new Function("return this")` fallback (no eval).
    target: ["web", "es2020"],
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      dialog: "./src/commands/dialog.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // Lazy chunks are imported as "./x.js" (TypeScript's node16 rule for import()): find x.ts.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Types are checked by `npm run typecheck`; the build only transpiles.
            options: { configFile: "tsconfig.webpack.json", onlyCompileBundledFiles: true, transpileOnly: true },
          },
        },
        // chinese-days ships an ES module file that webpack must treat as plain JavaScript.
        { test: /[\\/]node_modules[\\/]chinese-days[\\/].*\.js$/, type: "javascript/auto" },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      page("taskpane.html", "./src/taskpane/taskpane.html", ["taskpane"]),
      page("commands.html", "./src/commands/commands.html", ["commands"]),
      page("dialog.html", "./src/commands/dialog.html", ["dialog"]),
      page("help.html", "./src/taskpane/help.html", []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/boot.js", to: "boot.js" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : toProduction(content.toString(), urlProd)),
          },
          ...(officeJs.kind === "local"
            ? [
                {
                  from: "**/*.js",
                  context: OFFICE_JS_DIST,
                  to: "office-js/",
                  filter: (file) => isOfficeJsFile(path.relative(OFFICE_JS_DIST, file)),
                },
              ]
            : []),
        ],
      }),
      new GzipBudgetPlugin({ budget: INITIAL_GZIP_BUDGET, entries: ["taskpane", "commands", "dialog"] }),
    ],
    // Chunks shared by lazy imports get names that say what they hold (bundle-sizes.json lists them).
    optimization: { chunkIds: "named" },
    performance: {
      hints: dev ? "warning" : "error",
      ...BUDGET,
      // Scripts only: office.js files copied for intranet builds are Microsoft's, not ours.
      assetFilter: (name) => name.endsWith(".js") && !name.startsWith("office-js/"),
    },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await httpsOptions(),
      },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};
