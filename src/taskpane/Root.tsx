import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App, type AppProps } from "./App";
import { isDarkColor } from "./host-info";

/** FluentProvider with a theme that follows Office's (dark when Office's body background is dark). */
export function Root(props: AppProps) {
  const host = props.host;
  const dark = host?.mode === "excel" && isDarkColor(host.themeBackground);
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <App {...props} />
    </FluentProvider>
  );
}
