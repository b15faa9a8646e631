import { contractSuite } from "./contract-suite";
import { ledgerScenario } from "./ledger-scenario";
import { officeHarness } from "./harness";

contractSuite(officeHarness);
ledgerScenario(officeHarness);
