/* Runs inside the page before pagination, serialised by Puppeteer: self-contained. */

/**
 * Whether this part of a split document lays out exactly as it would inside the whole document. A part starts
 * at its own page 1, a right-hand first page: that is only the same page when the style gives every page the
 * same margins (no `@page :left`/`:right`) or the part's first chapter opens on a right-hand page anyway (Folio
 * then adds the blank left page before it, as Paged.js would); and no `@page :first` may style the part's first
 * page as the document's first.
 * @returns why the part cannot be laid out on its own (undefined when it can), and whether it opens on a right-hand page
 */
export function splitCheck(): { refusal: string | undefined; opensOnRight: boolean } {
  const selectors: string[] = [];
  const collect = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if (rule instanceof CSSPageRule) selectors.push(rule.selectorText);
      else if (rule instanceof CSSGroupingRule) collect(rule.cssRules);
    }
  };
  for (const sheet of document.styleSheets) collect(sheet.cssRules);
  const first = document.querySelector('main > section');
  const opening = first ? getComputedStyle(first).breakBefore : '';
  const opensOnRight = opening === 'right' || opening === 'recto';
  if (selectors.some((selector) => /(^|\s|,):first/.test(selector))) return { refusal: 'the style has an @page :first rule', opensOnRight };
  const facing = selectors.some((selector) => /:(left|right|recto|verso)\b/.test(selector));
  if (facing && !opensOnRight) return { refusal: `its first chapter opens with break-before: ${opening || 'auto'}, not on a right-hand page`, opensOnRight };
  return { refusal: undefined, opensOnRight };
}
