/**
 * A value as a quoted CSS string that nothing inside can end early: every character but letters, digits and a few
 * harmless marks becomes a CSS escape, so quotes, backslashes, new lines, `<` (which would close the `<style>`
 * element the sheet stands in) and `)` cannot break out of the string, the rule or the element.
 * @param value any text (a font family, a file URL)
 */
export function cssString(value: string): string {
  return `"${value.replace(/[^\p{L}\p{N} _.,:/%@+-]/gu, (character) => `\\${(character.codePointAt(0) ?? 0).toString(16)} `)}"`;
}
