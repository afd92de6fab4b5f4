/** The report's families an SVG's text may be set in. */
export interface SvgFamilies {
  /** The report's sans-serif (display) family: what `sans-serif`, and text that names no family, print in. */
  readonly sans: string;
  /** The report's serif (text) family: what `serif` prints in. */
  readonly serif: string;
  /** The report's monospace (code) family: what `monospace` prints in. */
  readonly mono: string;
}

/** An SVG whose font families are the report's, and what it asked for. */
export interface MappedSvg {
  /** The SVG's text with every font-family list set to one of the report's families. */
  readonly svg: string;
  /** Families the SVG names that the report does not bundle and that nothing in their list maps (in order, once each). */
  readonly unmapped: readonly string[];
  /** Which of the report's families the text now uses, and whether any of it is bold or italic. */
  readonly uses: { readonly sans: boolean; readonly serif: boolean; readonly mono: boolean; readonly bold: boolean; readonly italic: boolean };
}

const sansGenerics = new Set(['sans-serif', 'system-ui', 'ui-sans-serif', '-apple-system']);
const serifGenerics = new Set(['serif', 'ui-serif']);
const monoGenerics = new Set(['monospace', 'ui-monospace']);

/**
 * Set an SVG's text in the report's families. An SVG drawn as an image cannot load the report's fonts (nor any
 * file), so its text would print in whatever the machine has: each font-family list (attributes, `style`
 * attributes, `<style>` rules, the `font` shorthand) becomes the first of its entries the report has (a bundled
 * family, or `sans-serif` / `serif` / `monospace` mapped to the report's), text naming no family is set in the report's sans,
 * and a family declared inside the SVG itself (an `@font-face` with a data URL) is kept. A list with none of
 * these is unmapped: it is set in the report's sans too, and named in `unmapped` for a warning.
 * The faces themselves are added by the caller (`embedSvgFonts`). Nothing else in the file is touched.
 * @param svg the SVG's text (already judged safe by checks/inspect-svg.ts)
 * @param families the report's sans, serif and monospace families
 */
export function mapSvgFonts(svg: string, families: SvgFamilies): MappedSvg {
  const own = new Set([...svg.matchAll(/@font-face\s*{[^}]*?font-family\s*:\s*(['"]?)([^;'"}]+)\1/gi)].map((match) => (match[2] ?? '').trim().toLowerCase()));
  const unmapped: string[] = [];
  const uses = { sans: false, serif: false, mono: false, bold: false, italic: false };
  const mapList = (value: string, quote: string): string => {
    const names = value.split(',').map((name) => name.trim().replace(/^(['"]|&quot;|&apos;)|(['"]|&quot;|&apos;)$/g, '').trim()).filter(Boolean);
    for (const name of names) {
      const lower = name.toLowerCase();
      if (own.has(lower)) return value;
      if (lower === families.sans.toLowerCase() || sansGenerics.has(lower)) return use('sans');
      if (lower === families.serif.toLowerCase() || serifGenerics.has(lower)) return use('serif');
      if (lower === families.mono.toLowerCase() || monoGenerics.has(lower)) return use('mono');
    }
    const named = names.find((name) => !/^(inherit|initial|unset|revert)$/i.test(name));
    if (!named) return value;
    if (!unmapped.includes(named)) unmapped.push(named);
    return use('sans');
    function use(role: 'sans' | 'serif' | 'mono'): string {
      uses[role] = true;
      return `${quote}${families[role]}${quote}`;
    }
  };
  // The quote a family name is written with: the other one than the attribute's own.
  const inAttribute = (delimiter: string) => (delimiter === '"' ? "'" : '"');
  let mapped = svg
    // font-family="…" and font-family='…'
    .replace(/(\sfont-family\s*=\s*)(["'])((?:(?!\2)[\s\S])*)\2/g, (_, before: string, delimiter: string, value: string) => `${before}${delimiter}${mapList(value, inAttribute(delimiter))}${delimiter}`)
    // font-family: … and font: … in style attributes (quotes as the attribute's) and in <style> rules
    .replace(/(\sstyle\s*=\s*)(["'])((?:(?!\2)[\s\S])*)\2/g, (_, before: string, delimiter: string, value: string) => `${before}${delimiter}${mapDeclarations(value, inAttribute(delimiter))}${delimiter}`)
    .replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g, (_, open: string, css: string, close: string) => `${open}${mapDeclarations(css, "'")}${close}`);
  function mapDeclarations(css: string, quote: string): string {
    return css
      .replace(/(@font-face\s*{[^}]*})|((?:^|[;{\s])font-family\s*:\s*)([^;}"]*(?:"[^"]*"[^;}"]*)*)/gi, (whole: string, face: string | undefined, before: string, value: string) => (face ? face : `${before}${mapList(value, quote)}`))
      .replace(/((?:^|[;{\s])font\s*:\s*)([^;}]*?\d[\w.%]*(?:\s*\/\s*[\w.%]+)?\s+)([^;}]+)/gi, (_, before: string, size: string, value: string) => `${before}${size}${mapList(value, quote)}`);
  }
  // Text that names no family: the report's sans, as the root's own presentation attribute (any family the SVG
  // names for an element wins over it).
  const root = /<svg\b[^>]*>/.exec(mapped);
  if (root && !/\sfont-family\s*=/.test(root[0])) {
    const at = root.index + root[0].length - (root[0].endsWith('/>') ? 2 : 1);
    mapped = `${mapped.slice(0, at)} font-family="'${families.sans}'"${mapped.slice(at)}`;
    if (/<text\b/.test(mapped)) uses.sans = true;
  }
  uses.bold = /font-weight\s*(?:=\s*["']|:)\s*(bold|bolder|[5-9]00)\b/i.test(mapped) || /(?:^|[\s;{"'])font\s*:[^;}"']*\b(bold|[5-9]00)\b/i.test(mapped);
  uses.italic = /font-style\s*(?:=\s*["']|:)\s*(italic|oblique)\b/i.test(mapped) || /(?:^|[\s;{"'])font\s*:[^;}"']*\b(italic|oblique)\b/i.test(mapped);
  return { svg: mapped, unmapped, uses };
}
