import { createRoot } from "react-dom/client";
import { localIsoDate, todayFromQuery } from "./local-today";
import { Root } from "./Root";
import { detectHost } from "./office-host";

/* Office.onReady → FluentProvider → App, as in the official Office add-in React template. */
const fixedToday = todayFromQuery(window.location.search);
const today = () => fixedToday ?? localIsoDate(new Date());

/** The standalone page's file opener: the xlsx adapter arrives as a lazy chunk. */
async function openFile(bytes: Uint8Array, name: string) {
  const { openStandalone } = await import(/* webpackChunkName: "standalone" */ "./standalone/standalone-services.js");
  return openStandalone(bytes, name, today);
}

/** The services on the open workbook: the Office adapter arrives as a chunk of its own (the standalone page never needs it). */
async function excelServices() {
  const { openExcel } = await import(/* webpackChunkName: "excel" */ "./excel-services.js");
  return openExcel(today);
}

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  root.render(<Root host={null} />);
  void detectHost().then(async (host) => {
    const services = host.mode === "excel" ? await excelServices() : undefined;
    root.render(<Root host={host} services={services} openFile={openFile} />);
  });
}
