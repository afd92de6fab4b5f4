import { type LoadOptions, ParseSpeeds, type SaveOptions } from 'pdf-lib';
import { fastPdfNames } from './fast-pdf-names.js';

// Every PDF Folio reads or writes is loaded with these options: names are looked up fast from here on.
fastPdfNames();

/**
 * How Folio has pdf-lib read and write files. By default pdf-lib pauses for a timer tick every 50 objects (to keep
 * a page responsive in a browser); in Node each pause costs a millisecond, which made writing a 627-page report
 * 1.4 s of waiting. Folio reads and writes in one go, keeps the document information it sets itself, and writes
 * no object streams (plain objects: what print shops' tools read best).
 */
export const loadOptions: LoadOptions = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest };

export const saveOptions: SaveOptions = { useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY };
