/** Jest: node environment for domain, app, adapters, CLI and manifest; jsdom for the task pane UI. */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.jest.json" }];
const common = {
  transform: { "^.+\\.tsx?$": tsJest },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // office-addin-mock requires office-addin-manifest's entry, which pulls its whole CLI chain;
  // it only needs the OfficeApp enum, so send it to that file.
  // Lazy imports name TypeScript modules as "./x.js" (node16's rule for import()); jest finds x.ts.
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
    "^(\\.{1,2}/.*)\\.js$": "$1",
  },
};
module.exports = {
  projects: [
    {
      ...common,
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["<rootDir>/test/ui/", "<rootDir>/test/browser/"],
    },
    {
      ...common,
      displayName: "ui",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/ui/**/*.test.ts?(x)"],
      setupFiles: ["<rootDir>/test/ui/setup.ts"],
    },
    {
      ...common,
      displayName: "browser",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/browser/**/*.test.ts"],
    },
  ],
};
