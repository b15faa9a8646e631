import { contractSuite } from "./contract-suite";
import { ledgerScenario } from "./ledger-scenario";
import { xlsxHarness } from "./harness";

contractSuite(xlsxHarness);
ledgerScenario(xlsxHarness);
