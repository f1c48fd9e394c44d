/** JSON text of the editor: parsed with the parser's message on a syntax error. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The document as the editor shows it: two-space indentation, as the shipped files are written. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/**
 * The JSON box's text: the page font (common monospace fonts draw Vietnamese stacked diacritics
 * badly), a little smaller, lines not wrapped so the indentation shows the structure.
 */
export const JSON_STYLE = {
  fontSize: 13,
  whiteSpace: 'pre',
  overflowWrap: 'normal',
  overflowX: 'auto',
} as const;
