import mammoth from 'mammoth';
import sharp from 'sharp';
import type JSZip from 'jszip';
import { FolioError } from '../messages/folio-error.js';
import type { Loss } from './loss-marker.js';
import { plainOrdinaryParagraphs } from './ordinary-styles.js';
import { quoteExcerpt } from './quote-excerpt.js';
import { recordLoss } from './record-loss.js';
import { styleUses } from './style-uses.js';

/** A draft converted to HTML, with its pictures and what the converter said about it. */
export interface Converted {
  readonly html: string;
  /** Pictures by their path in the new manuscript (`images/image-01.png`). */
  readonly images: ReadonlyMap<string, Buffer>;
}

// Formats a PDF (through Chromium) can show as they are; other bitmaps are converted to PNG.
const kept: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/svg+xml': 'svg' };

/**
 * Convert the Word package to HTML with mammoth and the style map, extracting its pictures; pictures in formats
 * Folio cannot place and mammoth's own warnings become losses.
 * @param zip the Word package (with the loss markers in place)
 * @param styleMap style-map lines, the user's first
 * @param losses the import's losses (appended to)
 * @param draftName the draft's file name, for messages
 */
export async function convertDocx(zip: JSZip, styleMap: readonly string[], losses: Loss[], draftName: string): Promise<Converted> {
  const images = new Map<string, Buffer>();
  const convertImage = mammoth.images.imgElement(async (image) => {
    // A picture only linked (TargetMode="External": a file elsewhere or a web address) is not in the draft, and
    // mammoth may not fetch it; its reader throws before it returns a promise when the part is missing. Either
    // way it is a loss to put right, not a damaged draft.
    const bytes = await Promise.resolve()
      .then(() => image.readAsBuffer())
      .catch(() => undefined);
    if (!bytes) return { src: '', alt: recordLoss(losses, 'import-image', 'A picture that is linked to a file or web address instead of inserted in the draft (or missing from it) was not carried over: insert the picture itself in Word (Insert › Pictures › This Device), or save it into images/ and add it here.') };
    const name = `images/image-${String(images.size + 1).padStart(2, '0')}`;
    const extension = kept[image.contentType];
    if (extension) {
      images.set(`${name}.${extension}`, bytes);
      return { src: `${name}.${extension}` };
    }
    const png = await sharp(bytes).png().toBuffer().catch(() => undefined);
    if (png) {
      images.set(`${name}.png`, png);
      return { src: `${name}.png` };
    }
    // An empty source tells the figure step to leave the marker in the picture's place.
    return { src: '', alt: recordLoss(losses, 'import-image', `A picture in ${image.contentType} format (a Windows drawing or another vector format) was not carried over: save it from Word as PNG into images/ and add it here.`) };
  });
  const buffer = await zip.generateAsync({ type: 'nodebuffer' });
  const result = await mammoth.convertToHtml({ buffer }, { styleMap: [...styleMap], convertImage, ignoreEmptyParagraphs: true, transformDocument: plainOrdinaryParagraphs(styleMap) }).catch((error: Error) => {
    throw new FolioError(`${draftName} is damaged: its text cannot be read (${error.message.split('\n')[0]}). Open it in Word or LibreOffice and save it again as .docx.`);
  });
  for (const message of result.messages) {
    // Equations are reported where they were, by markLosses.
    if (/\}oMath(?:Para)?\b/.test(message.message)) continue;
    // Pictures are judged by convertImage above (converted to PNG, or a loss that says what to do).
    if (/^Image of type .* is unlikely to display/.test(message.message)) continue;
    const style = unrecognisedStyle.exec(message.message);
    if (style) {
      const [, kind = '', name = '', id = ''] = style;
      const uses = await styleUses(zip, kind === 'paragraph' ? 'paragraph' : 'run', id);
      const where = uses.first ? ` (${uses.count} ${kind === 'paragraph' ? 'paragraph' : 'passage'}${uses.count === 1 ? '' : 's'}, the first ${quoteExcerpt(uses.first, 40)})` : '';
      recordLoss(losses, 'import-converter', `The ${kind} style “${name}” is not one Folio knows${where}. ${advice(message.message)}`, uses.first);
      continue;
    }
    recordLoss(losses, 'import-converter', `${message.message.replace(/\.?$/, '.')} ${advice(message.message)}`);
  }
  return { html: result.value, images };
}

const unrecognisedStyle = /^Unrecognised (paragraph|run) style: '(.*)' \(Style ID: (.*)\)$/;

/** What to do about one of mammoth's messages. */
function advice(message: string): string {
  if (/paragraph style/i.test(message)) return 'Its paragraphs were carried over as ordinary text; map the style with --style-map to make them a Folio part.';
  if (/run style/i.test(message)) return 'Its text was carried over without the style (bold and italics are kept); map it with --style-map if it means something.';
  return 'Check the text it concerns in the draft.';
}
