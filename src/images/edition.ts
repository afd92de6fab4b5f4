/** A kind of output the same manuscript is built into. */
export interface Edition {
  readonly name: 'screen' | 'print';
  /** Pixels per inch photos get at the size the theme places them (never more than they have). */
  readonly imagePpi: number;
  /** JPEG quality for photos. */
  readonly jpegQuality: number;
}

/** The screen edition: read on screens and sent by e-mail, so photos at 150 ppi. */
export const screenEdition: Edition = { name: 'screen', imagePpi: 150, jpegQuality: 82 };

/** The print edition's image settings: 300 ppi, what offset printing needs. */
export const printEdition: Edition = { name: 'print', imagePpi: 300, jpegQuality: 90 };
