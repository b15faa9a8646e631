import { createRoot } from "react-dom/client";
import { Root } from "./Root";
import { detectHost } from "./office-host";

/* Office.onReady → FluentProvider → App, as in the official Office add-in React template. */
const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  root.render(<Root host={null} />);
  void detectHost().then((host) => root.render(<Root host={host} />));
}
