import { fileURLToPath } from 'node:url';

const FONT_DIR = new URL('../../../assets/fonts/', import.meta.url);
const font = (file: string) => fileURLToPath(new URL(file, FONT_DIR));

/**
 * Noto Sans, shipped in assets/fonts with its OFL licence: it covers every Vietnamese letter with its
 * tone marks, which the PDF standard fonts do not. Italics fall back to the upright faces.
 */
export const PDF_FONTS = {
  NotoSans: {
    normal: font('NotoSans-Regular.ttf'),
    bold: font('NotoSans-Bold.ttf'),
    italics: font('NotoSans-Regular.ttf'),
    bolditalics: font('NotoSans-Bold.ttf'),
  },
};

export const FONT_FILES = new Set(Object.values(PDF_FONTS.NotoSans));
