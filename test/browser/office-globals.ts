/**
 * The `Office` and `Excel` globals a browser test injects into the page (before any page script)
 * in place of office.js: Office.onReady answers "Excel", requirement sets are the fake's, and
 * Excel.run runs batches on the fake Excel (test/adapters/office/fake-excel.ts), which keeps
 * Office.js's batching rules. The fake is `window.__fake` for the test to look into.
 */
export function officeGlobalsScript(sheets: Record<string, unknown[][]>, excelApi = "1.9"): string {
  return `(function () {
  var fake = new window.DubanFake.FakeExcel(${JSON.stringify(sheets)});
  window.__fake = fake;
  var have = ${JSON.stringify(excelApi)}.split(".").map(Number);
  function supported(name, version) {
    if (name !== "ExcelApi") return false;
    var want = String(version).split(".").map(Number);
    return have[0] > want[0] || (have[0] === want[0] && have[1] >= (want[1] || 0));
  }
  window.Excel = {
    run: function (a, b) {
      if (typeof a === "function") return fake.run({}, a);
      if (a && a.workbook) return b(a);
      return fake.run(a, b);
    },
  };
  window.Office = {
    onReady: function (cb) {
      var info = { host: "Excel", platform: "OfficeOnline" };
      if (cb) cb(info);
      return Promise.resolve(info);
    },
    context: {
      requirements: { isSetSupported: supported },
      officeTheme: { bodyBackgroundColor: "#ffffff" },
    },
  };
})();`;
}
