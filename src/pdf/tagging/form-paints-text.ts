import { decodePDFRawStream, PDFDict, type PDFDocument, PDFName, type PDFObject, PDFRawStream } from 'pdf-lib';
import { contentOperations } from '../content/content-operations.js';

const showsText = new Set(['Tj', 'TJ', "'", '"']);

/**
 * Whether a Form XObject shows text, itself or in the forms it draws. A form is read once however many pages share
 * it: `seen` keeps the answers.
 * @param doc the PDF
 * @param form the form's stream
 * @param seen answers so far, by form
 */
export function formPaintsText(doc: PDFDocument, form: PDFRawStream, seen: Map<PDFRawStream, boolean>): boolean {
  const known = seen.get(form);
  if (known !== undefined) return known;
  seen.set(form, false); // a form that draws itself paints nothing more
  const forms = form.dict.lookupMaybe(PDFName.of('Resources'), PDFDict)?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  let answer = false;
  for (const { operator, operands } of contentOperations(decodePDFRawStream(form).decode(), doc.context)) {
    if (showsText.has(operator)) answer = true;
    else if (operator === 'Do') {
      const inner = xObject(forms, operands[0]);
      answer = inner !== undefined && inner.dict.get(PDFName.of('Subtype')) === PDFName.of('Form') && formPaintsText(doc, inner, seen);
    }
    if (answer) break;
  }
  seen.set(form, answer);
  return answer;
}

/**
 * The XObject a `Do` names in a resource dictionary's /XObject.
 * @param forms the /XObject dictionary
 * @param name the operand of `Do`
 */
export function xObject(forms: PDFDict | undefined, name: PDFObject | undefined): PDFRawStream | undefined {
  const found = name instanceof PDFName ? forms?.lookup(name) : undefined;
  return found instanceof PDFRawStream ? found : undefined;
}
