import {
  documentForm,
  finishDocument,
  footNote,
  PAIR_COLUMNS,
  type DocumentKind,
} from "../../../src/domain/documents/common";
import { ITEM } from "./fixtures";

describe("the parts every document shares", () => {
  it.each<[DocumentKind, readonly number[], string, string]>([
    ["notice", PAIR_COLUMNS, "督办事项通知单", "通知单〔2021〕3号"],
    ["remind", PAIR_COLUMNS, "督办事项催办提示单", "催办提示单〔2021〕3号"],
    ["report", [16, 13, 11, 17, 11, 16], "督办书面报告", "书面报告〔2021〕3号"],
  ])("a %s opens with its title across the form and lands on its own sheet", (kind, columns, title, sheet) => {
    const f = documentForm(kind, columns, 20);
    const layout = finishDocument(f, kind, ITEM, {}, []);
    expect(layout.name).toBe(sheet);
    expect(layout.title).toBe(title);
    const cell = layout.cells.find((c) => c.field === "title");
    expect(cell?.value).toBe(title);
    expect(layout.merges).toContainEqual({ top: 2, left: 1, bottom: 2, right: columns.length });
  });

  it("the headroom is the height of the first row", () => {
    expect(finishDocument(documentForm("notice", PAIR_COLUMNS, 36), "notice", ITEM, {}, []).rowHeights[0]).toBe(36);
  });

  it("a sheet name the caller gives wins over the kind's own", () => {
    const f = documentForm("report", PAIR_COLUMNS, 20);
    expect(finishDocument(f, "report", ITEM, { sheetName: "书面报告(2)" }, []).name).toBe("书面报告(2)");
  });

  it("a foot note spans the whole form after a gap", () => {
    const f = documentForm("remind", PAIR_COLUMNS, 20);
    footNote(f, "备注：一式两份。", "note");
    const layout = finishDocument(f, "remind", ITEM, {}, []);
    const note = layout.cells.find((c) => c.field === "note");
    expect(note?.value).toBe("备注：一式两份。");
    expect(layout.merges).toContainEqual({ top: 5, left: 1, bottom: 5, right: 4 });
  });
});
