import { contractSuite } from "./contract-suite";
import { xlsxHarness } from "./harness";

contractSuite(xlsxHarness);
