import * as docx from 'docx';
import JSZip from 'jszip';
import sharp from 'sharp';

/** A photo with some detail, wide enough for print at the theme's width. */
async function photo(): Promise<Buffer> {
  const svg = '<svg width="1600" height="1000"><rect width="1600" height="1000" fill="#4a7a3a"/><rect x="300" y="200" width="1000" height="600" fill="#d9b44a"/></svg>';
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const change = { author: 'Ben Editor', date: '2024-02-01T09:00:00Z' };

/**
 * A Word draft made with the `docx` library for the cases an office suite's flat files do not reach: three
 * chapters at Heading 1, footnotes, a table with cells merged across and down, a picture with a Word caption,
 * nested bulleted and numbered lists, a Quote and a Key Takeaways paragraph, a comment, tracked changes, an
 * equation, a SmartArt diagram and a page header.
 */
export async function edgeCaseDraft(): Promise<Buffer> {
  const cell = (text: string, options: Partial<docx.ITableCellOptions> = {}) => new docx.TableCell({ children: [new docx.Paragraph(text)], ...options });
  const document = new docx.Document({
    title: 'Harbour Futures',
    subject: 'Options for the old harbour',
    creator: 'Planning Unit',
    keywords: 'harbour; planning; port',
    styles: {
      paragraphStyles: [
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true } },
        { id: 'KeyTakeaways', name: 'Key Takeaways', basedOn: 'Normal' },
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', run: { size: 18 } },
      ],
    },
    footnotes: {
      1: { children: [new docx.Paragraph('Harbour board minutes, 12 March.')] },
      2: { children: [new docx.Paragraph('Counted on a weekday in May.')] },
    },
    comments: { children: [{ id: 0, author: 'Ben Editor', date: new Date('2024-02-01'), children: [new docx.Paragraph('Source for this figure?')] }] },
    numbering: {
      config: [{ reference: 'steps', levels: [{ level: 0, format: docx.LevelFormat.DECIMAL, text: '%1.' }, { level: 1, format: docx.LevelFormat.LOWER_LETTER, text: '%2)' }] }],
    },
    sections: [
      {
        headers: { default: new docx.Header({ children: [new docx.Paragraph('Harbour Futures: draft for the board')] }) },
        children: [
          new docx.Paragraph({ text: 'Background', heading: docx.HeadingLevel.HEADING_1 }),
          new docx.Paragraph({ children: [new docx.TextRun('The old harbour closed to freight in 1998.'), new docx.FootnoteReferenceRun(1)] }),
          new docx.Paragraph({
            children: [
              new docx.TextRun('About '),
              new docx.CommentRangeStart(0),
              new docx.TextRun('four thousand people'),
              new docx.CommentRangeEnd(0),
              new docx.TextRun({ children: [new docx.CommentReference(0)] }),
              new docx.TextRun(' walk along the quay every day.'),
              new docx.FootnoteReferenceRun(2),
            ],
          }),
          new docx.Paragraph({ text: 'A harbour is a town’s front door.', style: 'Quote' }),
          new docx.Paragraph({ text: 'Options', heading: docx.HeadingLevel.HEADING_1 }),
          new docx.Paragraph({ text: 'Keep the quay open', bullet: { level: 0 } }),
          new docx.Paragraph({ text: 'Repair the north wall', bullet: { level: 1 } }),
          new docx.Paragraph({ text: 'Build a footbridge', bullet: { level: 0 } }),
          new docx.Paragraph({ text: 'Consult the residents', numbering: { reference: 'steps', level: 0 } }),
          new docx.Paragraph({ text: 'Hold two evening meetings', numbering: { reference: 'steps', level: 1 } }),
          new docx.Paragraph({ text: 'Publish the plan', numbering: { reference: 'steps', level: 0 } }),
          new docx.Paragraph({ children: [new docx.ImageRun({ type: 'png', data: await photo(), transformation: { width: 500, height: 312 }, altText: { name: 'Quay', title: 'Quay', description: 'The north quay at low tide' } })] }),
          new docx.Paragraph({ text: 'Figure 1: The north quay, where the footbridge would land', style: 'Caption' }),
          new docx.Table({
            rows: [
              new docx.TableRow({ children: [cell('Option'), cell('Cost'), cell('Years')] }),
              new docx.TableRow({ children: [cell('Quay and wall', { verticalMerge: docx.VerticalMergeType.RESTART }), cell('4.2 million'), cell('3')] }),
              new docx.TableRow({ children: [cell('', { verticalMerge: docx.VerticalMergeType.CONTINUE }), cell('0.8 million upkeep'), cell('10')] }),
              new docx.TableRow({ children: [cell('Footbridge alone, without the quay works', { columnSpan: 2 }), cell('2')] }),
            ],
          }),
          new docx.Paragraph({ text: 'Money', heading: docx.HeadingLevel.HEADING_1 }),
          new docx.Paragraph({
            children: [
              new docx.TextRun('The council can borrow '),
              new docx.InsertedTextRun({ id: 1, ...change, text: 'up to ' }),
              new docx.DeletedTextRun({ id: 2, ...change, text: 'exactly ' }),
              new docx.TextRun('five million.'),
            ],
          }),
          new docx.Paragraph({ children: [new docx.TextRun('Repayments follow the rule '), new docx.Math({ children: [new docx.MathRun('r = L / n')] }), new docx.TextRun(' over the loan’s life.')] }),
          new docx.Paragraph({ text: 'Borrowing is cheapest before the autumn.', style: 'KeyTakeaways' }),
          new docx.Paragraph('The budget diagram follows.'),
        ],
      },
    ],
  });
  return withSmartArt(await docx.Packer.toBuffer(document));
}

/** A draft of plain paragraphs: no Title, no headings. */
export async function noHeadingsDraft(): Promise<Buffer> {
  const document = new docx.Document({
    title: 'Notes from the Field Visit',
    sections: [{ children: [new docx.Paragraph('We left the depot at seven and reached the first village by nine.'), new docx.Paragraph('The pump there had been repaired in January and was working.'), new docx.Paragraph('The second village still carries water from the river.')] }],
  });
  return docx.Packer.toBuffer(document);
}

/** Put a SmartArt drawing (as Word writes one: a graphic frame of the diagram kind) after the last paragraph. */
async function withSmartArt(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const drawing = '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="5486400" cy="3200400"/><wp:docPr id="90" name="Diagram 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram"><dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:dm="rIdDm" r:lo="rIdLo" r:qs="rIdQs" r:cs="rIdCs"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';
  zip.file('word/document.xml', xml.replace(/<w:sectPr/, `${drawing}<w:sectPr`));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A draft whose first page is typed in the Normal style (no Title style, no properties): title and date are guesses. */
export async function typedTitlePageDraft(): Promise<Buffer> {
  const document = new docx.Document({
    sections: [
      {
        children: [
          new docx.Paragraph({ children: [new docx.TextRun({ text: 'Annual Review of the Water Board', bold: true, size: 48 })] }),
          new docx.Paragraph('12 May 2024'),
          new docx.Paragraph({ text: 'The Year in Brief', heading: docx.HeadingLevel.HEADING_1 }),
          new docx.Paragraph('Three new wells opened and two old ones closed.'),
        ],
      },
    ],
  });
  return docx.Packer.toBuffer(document);
}

/**
 * A draft in Word's everyday styles: Body Text paragraphs, bullets in List Paragraph (as Word makes them), and one
 * style of the institute's own ("Sidebar") that Folio does not know.
 */
export async function styledBodyDraft(): Promise<Buffer> {
  const document = new docx.Document({
    title: 'Ferry Timetable Review',
    styles: {
      paragraphStyles: [
        { id: 'BodyText', name: 'Body Text', basedOn: 'Normal' },
        { id: 'ListParagraph', name: 'List Paragraph', basedOn: 'Normal' },
        { id: 'Sidebar', name: 'Sidebar', basedOn: 'Normal', run: { italics: true } },
      ],
    },
    sections: [
      {
        children: [
          new docx.Paragraph({ text: 'Crossings', heading: docx.HeadingLevel.HEADING_1 }),
          new docx.Paragraph({ text: 'The ferry crosses eleven times a day in summer.', style: 'BodyText' }),
          new docx.Paragraph({ text: 'Early boats are full', style: 'ListParagraph', bullet: { level: 0 } }),
          new docx.Paragraph({ text: 'Late boats are empty', style: 'ListParagraph', bullet: { level: 0 } }),
          new docx.Paragraph({ text: 'Passengers asked for a later last boat on Fridays.', style: 'Sidebar' }),
          new docx.Paragraph({ text: 'Winter crossings are fewer.', style: 'BodyText' }),
        ],
      },
    ],
  });
  return docx.Packer.toBuffer(document);
}

/**
 * A draft with text before its first Heading 1 and a later chapter called Introduction: the text opens with a
 * heading typed by hand in bold ("Executive Summary") or, when `typedHeading` is false, with none.
 */
export async function openingTextDraft(typedHeading: boolean): Promise<Buffer> {
  const document = new docx.Document({
    title: 'Ferry Review',
    sections: [
      {
        children: [
          ...(typedHeading ? [new docx.Paragraph({ children: [new docx.TextRun({ text: 'Executive Summary', bold: true })] })] : []),
          new docx.Paragraph('Ferries carry nine hundred people a day across the bay.'),
          new docx.Paragraph({ text: 'Introduction', heading: docx.HeadingLevel.HEADING_1 }),
          new docx.Paragraph('The review began in spring.'),
          new docx.Paragraph({ text: 'Findings', heading: docx.HeadingLevel.HEADING_1 }),
          new docx.Paragraph('Most passengers travel to work.'),
        ],
      },
    ],
  });
  return docx.Packer.toBuffer(document);
}

/**
 * A first page as a new user types it: the title in the Normal style (in bold, or plain), a series line, a byline
 * and a date;
 * File › Properties holds a stale title ("Draft3").
 */
export async function seriesTitlePageDraft({ bold }: { bold: boolean }): Promise<Buffer> {
  const document = new docx.Document({
    title: 'Draft3',
    sections: [
      {
        children: [
          new docx.Paragraph({ children: [new docx.TextRun({ text: 'Ferries of the Outer Bay', bold })] }),
          new docx.Paragraph('Issue Brief No. 7'),
          new docx.Paragraph('By Amina Yusuf and Omar Farooq'),
          new docx.Paragraph('3 June 2025'),
          new docx.Paragraph({ text: 'Crossings', heading: docx.HeadingLevel.HEADING_1 }),
          new docx.Paragraph('The ferry crosses eleven times a day in summer.'),
        ],
      },
    ],
  });
  return docx.Packer.toBuffer(document);
}
