// Lets a bench script `require` the project's TypeScript directly (test fakes, the Office
// adapter): each .ts file is transpiled on load with the project's compiler options, without type
// checking (`npm run typecheck` does that). For scripts only; the product never loads this.
"use strict";
const fs = require("fs");
const ts = require("typescript");

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2020,
  esModuleInterop: true,
  jsx: ts.JsxEmit.ReactJSX,
  sourceMap: false,
};

require.extensions[".ts"] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
