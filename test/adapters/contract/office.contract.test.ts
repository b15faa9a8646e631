import { contractSuite } from "./contract-suite";
import { officeHarness } from "./harness";

contractSuite(officeHarness);
