/*
 * 督办台账 — the first script of every page, in ES5 so that every webview can parse it.
 *
 * Internet Explorer 11 (Trident: volume-licensed Office 2016/2019, Office without WebView2) and
 * Edge Legacy (EdgeHTML: retail Office 2016/2019 on Windows 10 without WebView2) cannot parse the
 * pane's bundle (React 19, Fluent UI v9, ES2020). There this script shows, in Chinese, what is
 * needed and what still works, and never requests the bundle. Elsewhere it loads the bundle
 * named in its data-bundle attribute (html-webpack-plugin writes the file names there).
 *
 * No eval, no inline script (the pages' Content-Security-Policy allows neither); text is set
 * with textContent only.
 */
(function () {
  "use strict";

  var boot = document.getElementById("duban-boot");
  var bundle = boot && boot.getAttribute("data-bundle") ? boot.getAttribute("data-bundle").split(" ") : [];
  var quiet = boot && boot.getAttribute("data-quiet") === "1";
  var ua = window.navigator.userAgent || "";

  /** Trident (IE11 and its "+" webview), MSIE, or EdgeHTML ("Edge/", not Chromium Edge's "Edg/"). */
  function legacyWebview(agent) {
    return agent.indexOf("Trident/") !== -1 || agent.indexOf("MSIE ") !== -1 || / Edge\/\d/.test(agent);
  }

  /** Features the bundle relies on that an old engine lacks even when its user agent is unknown. */
  function missingFeatures() {
    return (
      typeof window.Promise !== "function" ||
      typeof window.Symbol !== "function" ||
      typeof Object.assign !== "function" ||
      typeof window.fetch !== "function"
    );
  }

  function element(tag, text, style) {
    var el = document.createElement(tag);
    if (text) el.textContent = text;
    if (style) el.setAttribute("style", style);
    return el;
  }

  function list(items) {
    var ul = element("ul", "", "margin: 4px 0 12px; padding-left: 20px");
    for (var i = 0; i < items.length; i++) ul.appendChild(element("li", items[i]));
    return ul;
  }

  function standaloneAddress() {
    var href = String(window.location.href).split("?")[0].split("#")[0];
    return href.replace(/(commands|dialog)\.html$/, "taskpane.html");
  }

  function showMessage() {
    var root = document.getElementById("container") || document.body;
    if (!root) return;
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = element(
      "div",
      "",
      "font-family: 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; font-size: 14px; line-height: 1.6; " +
        "color: #242424; padding: 16px; max-width: 40em"
    );
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "legacy-webview");
    box.appendChild(element("h1", "督办台账无法在此版本的 Office 窗口中运行", "font-size: 18px; margin: 0 0 8px"));
    box.appendChild(
      element(
        "p",
        "此 Office 用旧式浏览器组件（Internet Explorer 11 或旧版 Microsoft Edge）显示加载项，督办台账的任务窗格需要较新的组件。",
        "margin: 0 0 8px"
      )
    );
    box.appendChild(element("h2", "需要以下任一环境", "font-size: 15px; margin: 12px 0 0"));
    box.appendChild(
      list([
        "Microsoft 365（订阅版）的 Excel",
        "Office 2021 或更高版本",
        "零售版 Office 2019 并安装 Microsoft Edge WebView2 运行时（批量许可版 Office 2019 始终使用 Internet Explorer 11，无法运行）",
        "Excel 网页版（在 Edge 或 Chrome 浏览器中打开工作簿）",
      ])
    );
    box.appendChild(element("h2", "在此之前仍可使用", "font-size: 15px; margin: 12px 0 0"));
    box.appendChild(
      list([
        "工作簿自带的红黄绿灯、下拉列表和状态公式：不需要加载项，打开即可查看",
        "命令行工具 duban：检查、编号、刷新红黄绿灯、生成通知单等",
        "独立页面：在 Edge 或 Chrome 中打开下面的地址，选择或拖入登记表 .xlsx 文件",
      ])
    );
    box.appendChild(element("p", standaloneAddress(), "margin: 0; word-break: break-all; color: #0f6cbd"));
    root.appendChild(box);
  }

  /** Ribbon buttons on an old webview: say what is needed in a dialog, then end the command. */
  function legacyCommand(event) {
    try {
      var url = standaloneAddress().replace(/taskpane\.html$/, "dialog.html");
      window.Office.context.ui.displayDialogAsync(url, { height: 60, width: 40 });
    } catch (e) {
      // No dialog support: nothing more can be shown from a ribbon command.
      if (window.console) window.console.warn("督办台账：无法打开提示对话框", e);
    }
    if (event && typeof event.completed === "function") event.completed();
  }

  if (legacyWebview(ua) || missingFeatures()) {
    if (window.Office) {
      // Tell Office the add-in has started (the classic, ES5 way), so it does not report a hang.
      window.Office.initialize = function () {};
      if (quiet) {
        window.dubanCheck = legacyCommand;
        window.dubanNumber = legacyCommand;
        window.dubanRefresh = legacyCommand;
      }
    }
    if (!quiet) {
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showMessage);
      else showMessage();
    }
    return;
  }

  var head = document.getElementsByTagName("head")[0];
  for (var i = 0; i < bundle.length; i++) {
    if (!bundle[i]) continue;
    var script = document.createElement("script");
    script.src = bundle[i];
    script.async = false;
    head.appendChild(script);
  }
})();
