/**
 * Whether a directive's on/off attribute is on: written alone (`{float}`) or with any value but no, false or off.
 * @param value the attribute's value as remark-directive read it (`''` when written alone), or nothing
 */
export function directiveFlag(value: string | null | undefined): boolean {
  return value !== undefined && value !== null && !/^(no|false|off)$/i.test(value.trim());
}
