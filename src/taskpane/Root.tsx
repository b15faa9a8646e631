import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { isDarkColor, type HostInfo } from "./host-info";

/** FluentProvider with a theme that follows Office's (dark when Office's body background is dark). */
export function Root({ host }: { readonly host: HostInfo | null }) {
  const dark = host?.mode === "excel" && isDarkColor(host.themeBackground);
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <App host={host} />
    </FluentProvider>
  );
}
