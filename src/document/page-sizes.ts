/** Trimmed page sizes report.yaml may choose (`page.size`), in millimetres. */
export const pageSizes = {
  A4: { width: 210, height: 297 },
  A5: { width: 148, height: 210 },
  Letter: { width: 215.9, height: 279.4 },
} as const;

/** A page size's name. */
export type PageSizeName = keyof typeof pageSizes;

/**
 * The page rule of an edition: the trimmed size, and for print the bleed around it. Written as explicit
 * dimensions, because Paged.js takes bleed only together with a size, and only from the first stylesheet that
 * names a given size.
 * @param size the trimmed size
 * @param bleed millimetres of bleed, 0 for the screen edition
 */
export function pageRule(size: PageSizeName, bleed: number): string {
  const { width, height } = pageSizes[size];
  return `@page{size:${width}mm ${height}mm${bleed > 0 ? `;bleed:${bleed}mm` : ''}}:root{--page-width:${width}mm;--page-height:${height}mm;--page-bleed:${bleed}mm}`;
}
