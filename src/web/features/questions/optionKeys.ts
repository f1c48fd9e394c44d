/** The letter shown for an option at a position (A, B, …). */
export const letterAt = (index: number) => String.fromCharCode(65 + index);

/** A key for a new option: the first lower-case letter no other option uses. */
export function freeKey(used: string[]): string {
  for (let i = 0; i < 26; i++) {
    const key = String.fromCharCode(97 + i);
    if (!used.includes(key)) return key;
  }
  return `o${used.length + 1}`;
}
