/** Corpus features drawn on sheets: a chart on 统计 and a chart sheet; a picture in the page header. */
import { deflateSync } from "zlib";
import { CT, NS, REL, XML_DECL } from "./package-builder";
import { STATS, SECTIONS, registryWorkbook } from "./registry";

/** A bar or pie chart of the counts by section on 统计 (A3:B6). */
function chartXml(kind: "bar" | "pie", title: string): string {
  const cat = `<c:cat><c:strRef><c:f>${STATS}!$A$3:$A$6</c:f><c:strCache><c:ptCount val="4"/>${SECTIONS.map(
    (s, i) => `<c:pt idx="${i}"><c:v>${s}</c:v></c:pt>`,
  ).join("")}</c:strCache></c:strRef></c:cat>`;
  const val = `<c:val><c:numRef><c:f>${STATS}!$B$3:$B$6</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="4"/>${[
    3, 2, 2, 1,
  ]
    .map((n, i) => `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>`)
    .join("")}</c:numCache></c:numRef></c:val>`;
  const ser = `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>${STATS}!$B$2</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>事项数</c:v></c:pt></c:strCache></c:strRef></c:tx>${cat}${val}</c:ser>`;
  const plot =
    kind === "bar"
      ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${ser}<c:gapWidth val="150"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>` +
        '<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>' +
        '<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>'
      : `<c:pieChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/></c:pieChart>`;
  return [
    XML_DECL,
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>`,
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${title}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`,
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>`,
    '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart></c:chartSpace>',
  ].join("");
}

/** A drawing holding one chart: anchored on a sheet, or absolute (a chart sheet's drawing). */
function drawingXml(rid: string, anchored: boolean): string {
  const frame = `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/>`;
  const anchor = anchored
    ? `<xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${frame}</xdr:twoCellAnchor>`
    : `<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8666667" cy="6293556"/>${frame}</xdr:absoluteAnchor>`;
  return `${XML_DECL}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchor}</xdr:wsDr>`;
}

/** chart.xlsx: a column chart on 统计 and a chart sheet 事项分布图 with a pie chart. */
export function chartWorkbook(): Uint8Array {
  const { wb, stats } = registryWorkbook();
  const { pkg } = wb;
  pkg.put("xl/drawings/drawing1.xml", "", CT.drawing);
  pkg.put("xl/charts/chart1.xml", chartXml("bar", "各科室督办事项数"), CT.chart);
  pkg.put(
    "xl/drawings/drawing1.xml",
    drawingXml(pkg.relate("xl/drawings/drawing1.xml", REL.chart, "xl/charts/chart1.xml"), true),
  );
  stats.add("drawing", `<drawing r:id="${pkg.relate(stats.part, REL.drawing, "xl/drawings/drawing1.xml")}"/>`);
  const sheetPart = "xl/chartsheets/sheet1.xml";
  pkg.put("xl/drawings/drawing2.xml", "", CT.drawing);
  pkg.put("xl/charts/chart2.xml", chartXml("pie", "督办事项科室分布"), CT.chart);
  pkg.put(
    "xl/drawings/drawing2.xml",
    drawingXml(pkg.relate("xl/drawings/drawing2.xml", REL.chart, "xl/charts/chart2.xml"), false),
  );
  const drawingRid = pkg.relate(sheetPart, REL.drawing, "xl/drawings/drawing2.xml");
  wb.addChartsheet(
    "事项分布图",
    `${XML_DECL}<chartsheet xmlns="${NS.main}" xmlns:r="${NS.r}"><sheetPr/><sheetViews><sheetView zoomScale="100" workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="${drawingRid}"/></chartsheet>`,
  );
  return wb.finish().toZip();
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** A small PNG: a red seal-like square on white (the bureau's mark in the page header). */
export function pngImage(size = 24): Uint8Array {
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const edge = x < 3 || y < 3 || x >= size - 3 || y >= size - 3;
      const centre = Math.abs(x - size / 2) < 3 && Math.abs(y - size / 2) < 3;
      const o = y * (size * 3 + 1) + 1 + x * 3;
      raw[o] = edge || centre ? 0xc8 : 0xff;
      raw[o + 1] = edge || centre ? 0x10 : 0xff;
      raw[o + 2] = edge || centre ? 0x2e : 0xff;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** header-footer-picture.xlsx: the registry prints the bureau's mark at the centre of its header. */
export function headerPictureWorkbook(): Uint8Array {
  const { wb, registry } = registryWorkbook();
  const { pkg } = wb;
  const vml = "xl/drawings/vmlDrawing1.vml";
  pkg.setDefault("vml", CT.vml).setDefault("png", CT.png);
  pkg.put(vml, "");
  pkg.put("xl/media/image1.png", pngImage());
  const imageRid = pkg.relate(vml, REL.image, "xl/media/image1.png");
  pkg.put(
    vml,
    [
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">',
      '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>',
      '<v:shapetype id="_x0000_t75" coordsize="21600,21600" o:spt="75" o:preferrelative="t" path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f"><v:stroke joinstyle="miter"/><v:path o:extrusionok="f" gradientshapeok="t" o:connecttype="rect"/><o:lock v:ext="edit" aspectratio="t"/></v:shapetype>',
      `<v:shape id="CH" o:spid="_x0000_s1025" type="#_x0000_t75" style='position:absolute;margin-left:0;margin-top:0;width:18pt;height:18pt;z-index:1'><v:imagedata o:relid="${imageRid}" o:title="单位标志"/><o:lock v:ext="edit" rotation="t"/></v:shape>`,
      "</xml>",
    ].join(""),
  );
  registry.add(
    "headerFooter",
    "<headerFooter><oddHeader>&amp;C&amp;G</oddHeader><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>",
  );
  registry.add("legacyDrawingHF", `<legacyDrawingHF r:id="${pkg.relate(registry.part, REL.vmlDrawing, vml)}"/>`);
  return wb.finish().toZip();
}
