/**
 * Folio's style map: Word paragraph styles → the HTML that the import turns into Folio's parts (mammoth's
 * style-map syntax, https://github.com/mwilliamson/mammoth.js#writing-style-maps). A user's own lines
 * (`folio import --style-map FILE`) come first and win. The targets Folio understands:
 * `blockquote > p:fresh` a block quote, `div.takeaways > p:fresh` a :::takeaways box (`div.takeaways > p.label`
 * its title, `div.takeaways > ul > li:fresh` its points), `p.caption` the caption of the image before it,
 * `p.title`, `p.subtitle` the report's title and subtitle, and `!` to leave a style's paragraphs out.
 * Word's and LibreOffice's styles for ordinary text and table cells are read as plain paragraphs (`ordinaryStyles`).
 */
export const defaultStyleMap: readonly string[] = [
  "p[style-name='Title'] => p.title:fresh",
  "p[style-name='Subtitle'] => p.subtitle:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='Figure Caption'] => p.caption:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  // LibreOffice's name for the quotation style.
  "p[style-name='Quotations'] => blockquote > p:fresh",
  "p[style-name='Key Takeaways Title'] => div.takeaways > p.label:fresh",
  "p[style-name='Key Takeaways Bullet'] => div.takeaways > ul > li:fresh",
  "p[style-name='Key Takeaways'] => div.takeaways > p:fresh",
  // LibreOffice's styles for text-box paragraphs and note numbers carry nothing Folio needs.
  "p[style-name='Frame Contents'] => p:fresh",
  "r[style-name='Footnote Characters'] => span",
  "r[style-name='Endnote Characters'] => span",
];
