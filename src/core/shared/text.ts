/** Folds Vietnamese text for comparison: lower case, no diacritics, đ → d, single spaces. */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalises user-entered text: NFC, trimmed, inner runs of white space collapsed. */
export function cleanText(input: string): string {
  return input.normalize('NFC').replace(/\s+/g, ' ').trim();
}
