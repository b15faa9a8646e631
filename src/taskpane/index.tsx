import { createRoot } from "react-dom/client";
import { OfficeWorkbook } from "../adapters/office/office-workbook";
import { createExcelActions } from "./excel-actions";
import { localIsoDate } from "./local-today";
import { Root } from "./Root";
import { detectHost } from "./office-host";

/* Office.onReady → FluentProvider → App, as in the official Office add-in React template. */
const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  root.render(<Root host={null} />);
  void detectHost().then((host) => {
    const actions =
      host.mode === "excel" ? createExcelActions(new OfficeWorkbook(), () => localIsoDate(new Date())) : undefined;
    root.render(<Root host={host} actions={actions} />);
  });
}
