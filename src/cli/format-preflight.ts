import type { PreflightReport } from '../preflight/preflight.js';

/**
 * A preflight report as a print shop would read it.
 * @param report what preflight found
 */
export function formatPreflight(report: PreflightReport): string {
  const fontTypes = [...new Set(report.fonts.map((font) => font.type))].join(', ');
  const embedded = report.fonts.filter((font) => font.embedded).length;
  const lines = [
    `${report.file}`,
    `  pages         ${report.pages}`,
    `  trim          ${report.trim ? `${report.trim.width} × ${report.trim.height} mm, bleed ${report.trim.bleed} mm` : report.pagesWithoutBoxes.length === report.pages ? 'no TrimBox/BleedBox' : `missing on pages ${report.pagesWithoutBoxes.join(', ')}`}`,
    `  fonts         ${report.fonts.length} (${embedded} embedded; ${fontTypes || 'none'})`,
    `  images        ${report.images.count}${report.images.count > 0 ? `, ${report.images.minPpi}–${report.images.maxPpi} ppi, colour: ${report.images.colourSpaces.join(', ')}` : ''}`,
    `  PDF/X         ${report.pdfx.version ?? 'no'}${report.pdfx.outputIntent ? `, output intent ${report.pdfx.outputIntent}` : ''}`,
    `  RGB           ${report.unmanagedRgb.length === 0 ? 'all managed (ICC)' : `unmanaged: ${report.unmanagedRgb.length} place(s)`}`,
    `  text          ${report.pages - report.pagesWithoutText.length} of ${report.pages} pages have extractable text${report.rasterisedPages.length > 0 ? `; rasterised: ${report.rasterisedPages.join(', ')}` : ''}`,
  ];
  for (const note of report.notes) lines.push(`  note          ${note}`);
  for (const fault of report.faults) lines.push(`  FAULT         ${fault}`);
  lines.push(report.faults.length === 0 ? '✓ passes preflight' : `✖ ${report.faults.length} fault${report.faults.length === 1 ? '' : 's'}: a print shop would reject this file`);
  return `${lines.join('\n')}\n`;
}
