/**
 * The traffic-light colours of the pane: the same fills and fonts the workbook's conditional
 * formats use (domain/registry-plan STATUS_COLOURS, kept equal by a test), so a leader sees the
 * same red in the pane and in the sheet. 办理中 has no fill, as in the workbook.
 */
import type { Status } from "../domain/model";

export const PANE_STATUS_COLOURS: Readonly<Record<Status, { readonly fill: string; readonly font: string } | null>> = {
  逾期: { fill: "#FFC7CE", font: "#9C0006" },
  临期: { fill: "#FFEB9C", font: "#9C5700" },
  办理中: null,
  已办结: { fill: "#C6EFCE", font: "#006100" },
  已终止: { fill: "#D9D9D9", font: "#595959" },
};
