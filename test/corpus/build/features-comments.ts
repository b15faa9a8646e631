/**
 * Comments on the registry: notes (legacy comments) with their authors, one shown always;
 * threaded comments with their persons, and the legacy copies Excel writes beside them.
 */
import { escapeXml } from "../ooxml/xml";
import { parseRef } from "./sheet";
import { CT, NS, REL, XML_DECL } from "./package-builder";
import { registryWorkbook } from "./registry";
import type { WorkbookBuilder } from "./workbook-builder";
import type { SheetBuilder } from "./sheet";

interface Note {
  readonly ref: string;
  readonly author: string;
  readonly text: string;
  readonly visible: boolean;
}

function commentsXml(notes: readonly Note[]): string {
  const authors = [...new Set(notes.map((n) => n.author))];
  const list = notes.map((n) => {
    const head = n.author.startsWith("tc=")
      ? ""
      : `<r><rPr><b/><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr><t>${escapeXml(n.author)}:</t></r>`;
    const body = `<r><rPr><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">${head ? "\n" : ""}${escapeXml(n.text)}</t></r>`;
    return `<comment ref="${n.ref}" authorId="${authors.indexOf(n.author)}" shapeId="0"><text>${head}${body}</text></comment>`;
  });
  return `${XML_DECL}<comments xmlns="${NS.main}"><authors>${authors.map((a) => `<author>${escapeXml(a)}</author>`).join("")}</authors><commentList>${list.join("")}</commentList></comments>`;
}

function noteShape(n: Note, k: number): string {
  const [row, col] = parseRef(n.ref);
  const visibility = n.visible ? "visible" : "hidden";
  return [
    `<v:shape id="_x0000_s${1025 + k}" type="#_x0000_t202" style='position:absolute;margin-left:400pt;margin-top:${20 + 60 * k}pt;width:120pt;height:55pt;z-index:${k + 1};visibility:${visibility}' fillcolor="#ffffe1" o:insetmode="auto">`,
    '<v:fill color2="#ffffe1"/><v:shadow color="black" obscured="t"/><v:path o:connecttype="none"/>',
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>',
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col}, 15, ${row - 1}, 10, ${col + 2}, 15, ${row + 3}, 4</x:Anchor>`,
    `<x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column>${n.visible ? "<x:Visible/>" : ""}</x:ClientData></v:shape>`,
  ].join("");
}

function vmlXml(notes: readonly Note[]): string {
  return [
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">',
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>',
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>',
    ...notes.map(noteShape),
    "</xml>",
  ].join("");
}

/** Adds comments1.xml and its VML drawing to the registry sheet. */
function addNotes(wb: WorkbookBuilder, sheet: SheetBuilder, notes: readonly Note[]): void {
  const { pkg } = wb;
  pkg.setDefault("vml", CT.vml);
  pkg.put("xl/comments1.xml", commentsXml(notes), CT.comments);
  pkg.put("xl/drawings/vmlDrawing1.vml", vmlXml(notes));
  pkg.relate(sheet.part, REL.comments, "xl/comments1.xml");
  sheet.add(
    "legacyDrawing",
    `<legacyDrawing r:id="${pkg.relate(sheet.part, REL.vmlDrawing, "xl/drawings/vmlDrawing1.vml")}"/>`,
  );
}

/** notes.xlsx: two notes by two authors; the one on the overdue item is always shown. */
export function notesWorkbook(): Uint8Array {
  const { wb, registry } = registryWorkbook();
  addNotes(wb, registry, [
    { ref: "C3", author: "张敏", text: "1月12日已签收，3月28日报送办结材料。", visible: false },
    { ref: "M4", author: "李华", text: "已逾期：11月21日电话催办，承办科室称月底前办结。", visible: true },
  ]);
  return wb.finish().toZip();
}

const PERSONS = [
  { name: "张敏", id: "{6F1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}", user: "zhangmin@jjjw.example.cn" },
  { name: "李华", id: "{0A1B2C3D-4E5F-4061-8273-9A8B7C6D5E4F}", user: "lihua@jjjw.example.cn" },
];
const THREAD = [
  {
    id: "{11111111-2222-4333-8444-555566667777}",
    person: 0,
    time: "2026-11-21T09:30:00.00",
    text: "已逾期，请承办科室说明原因。",
  },
  {
    id: "{22222222-3333-4444-8555-666677778888}",
    person: 1,
    time: "2026-11-21T15:02:00.00",
    text: "经费核算需财务科复核，预计11月30日前办结。",
  },
  {
    id: "{33333333-4444-4555-8666-777788889999}",
    person: 0,
    time: "2026-11-24T10:15:00.00",
    text: "请书面报告并抄送分管领导。",
  },
];

/** threaded-comments.xlsx: a three-message thread on 督办结果 of the overdue item, with persons. */
export function threadedCommentsWorkbook(): Uint8Array {
  const { wb, registry } = registryWorkbook();
  const { pkg } = wb;
  const ref = "M4";
  const comments = THREAD.map(
    (c, k) =>
      `<threadedComment ref="${ref}" dT="${c.time}" personId="${PERSONS[c.person].id}" id="${c.id}"${k > 0 ? ` parentId="${THREAD[0].id}"` : ""}><text>${escapeXml(c.text)}</text></threadedComment>`,
  );
  const tcNs = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments";
  pkg.put(
    "xl/threadedComments/threadedComment1.xml",
    `${XML_DECL}<ThreadedComments xmlns="${tcNs}" xmlns:x="${NS.main}">${comments.join("")}</ThreadedComments>`,
    CT.threadedComments,
  );
  pkg.relate(registry.part, REL.threadedComment, "xl/threadedComments/threadedComment1.xml");
  const persons = PERSONS.map(
    (p) => `<person displayName="${p.name}" id="${p.id}" userId="${p.user}" providerId="AD"/>`,
  );
  pkg.put(
    "xl/persons/person.xml",
    `${XML_DECL}<personList xmlns="${tcNs}" xmlns:x="${NS.main}">${persons.join("")}</personList>`,
    CT.person,
  );
  pkg.relate(wb.workbookPart, REL.person, "xl/persons/person.xml");
  const legacy = [
    "[线程批注]",
    "你的Excel版本可读取此线程批注; 但如果在更新版本的Excel中打开文件，则对批注所作的任何改动都将被删除。了解详细信息: https://go.microsoft.com/fwlink/?linkid=870924",
    ...THREAD.map((c) => `${c.person === 0 ? "批注" : "回复"}:\n    ${c.text}`),
  ].join("\n");
  addNotes(wb, registry, [{ ref, author: `tc=${THREAD[0].id}`, text: legacy, visible: false }]);
  return wb.finish().toZip();
}
