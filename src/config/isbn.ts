/**
 * An ISBN as printed: ISBN-13 with the author's hyphens, an ISBN-10 turned into its ISBN-13 (978 prefix, new
 * check digit), or undefined when the check digit is wrong or the digits are not 10 or 13.
 * @param written the ISBN as written in report.yaml (hyphens or spaces allowed)
 */
export function isbn13(written: string): string | undefined {
  const groups = written.trim().toUpperCase().split(/[-\s]+/);
  const digits = groups.join('');
  if (/^97[89]\d{10}$/.test(digits)) return checkDigit13(digits.slice(0, 12)) === digits[12] ? groups.join('-') : undefined;
  if (!/^\d{9}[\dX]$/.test(digits)) return undefined;
  // ISBN-10: weights 10 down to 1, sum divisible by 11 (X stands for 10).
  const sum = [...digits].reduce((total, digit, index) => total + (digit === 'X' ? 10 : Number(digit)) * (10 - index), 0);
  if (sum % 11 !== 0) return undefined;
  const body = `978${digits.slice(0, 9)}`;
  // Keep the author's grouping when the check digit stands alone, as in 0-306-40615-2.
  const kept = groups.length > 1 && groups.at(-1)?.length === 1 ? groups.slice(0, -1).join('-') : digits.slice(0, 9);
  return `978-${kept}-${checkDigit13(body)}`;
}

/** The ISBN-13/EAN-13 check digit of twelve digits (weights 1, 3, 1, 3, …). */
function checkDigit13(twelve: string): string {
  const sum = [...twelve].reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return String((10 - (sum % 10)) % 10);
}
