/**
 * Issue 10: `duban refresh` with -o and --in-place on every corpus workbook keeps every part it had
 * no reason to change, byte for byte (see harness/policy.ts for what it may change), and
 * LibreOffice recalculates the workbook's own formulas in the output to the same values.
 */
import { describeWritingCommand } from "./harness/suite";

describeWritingCommand("refresh");
