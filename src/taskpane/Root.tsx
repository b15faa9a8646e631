import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { isDarkColor, type HostInfo } from "./host-info";
import type { PaneActions } from "./pane-actions";

/** FluentProvider with a theme that follows Office's (dark when Office's body background is dark). */
export function Root({ host, actions }: { readonly host: HostInfo | null; readonly actions?: PaneActions }) {
  const dark = host?.mode === "excel" && isDarkColor(host.themeBackground);
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <App host={host} actions={actions} />
    </FluentProvider>
  );
}
