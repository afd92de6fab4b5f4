/* Runs inside the page, serialised by Puppeteer: it must not use imports or anything outside its own body. */

/**
 * Turn every laid-out landscape page a quarter turn into a portrait sheet, its top at the sheet's left edge, so
 * that every page prints on the report's paper size (templates/layout-controls.css). Done after the layout has
 * been measured and checked, which reads positions on the untransformed page. The PDF page is given /Rotate
 * afterwards (src/pdf/rotate-landscape-pages.ts), from the pages' names.
 */
export function turnLandscapePages(): void {
  for (const page of document.querySelectorAll('.pagedjs_page.pagedjs_landscape_page')) page.classList.add('folio-turned');
}
