import { PDFArray, type PDFContext, PDFDict, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

/** A signature field of the document, with its signature dictionary when it is signed. */
export interface TSignatureField {
  /** Fully qualified field name (parents' /T joined with "."). */
  name: string;
  field: PDFDict;
  signature: PDFDict | null;
}

/** The AcroForm of the document's catalog, when there is one. */
export function lookupAcroForm(context: PDFContext): PDFDict | undefined {
  const catalog = context.lookupMaybe(context.trailerInfo.Root as PDFRef, PDFDict);
  return catalog?.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
}

/** Every field's fully qualified name, signature or not, so a new field gets a fresh one. */
export function fieldNames(context: PDFContext): Set<string> {
  return new Set(walkFields(context).map((f) => f.name));
}

/** The signature fields (/FT /Sig, possibly inherited) in form order. */
export function signatureFields(context: PDFContext): TSignatureField[] {
  return walkFields(context)
    .filter((f) => f.type === 'Sig')
    .map(({ name, field }) => ({
      name,
      field,
      signature: field.lookupMaybe(PDFName.of('V'), PDFDict) ?? null,
    }));
}

interface TWalked {
  name: string;
  type: string | undefined;
  field: PDFDict;
}

function walkFields(context: PDFContext): TWalked[] {
  const fields = lookupAcroForm(context)?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const out: TWalked[] = [];
  const seen = new Set<PDFDict>();
  const visit = (item: unknown, parentName: string, parentType: string | undefined, depth: number) => {
    const field = item instanceof PDFRef ? context.lookupMaybe(item, PDFDict) : item;
    if (!(field instanceof PDFDict) || seen.has(field) || depth > 32) return;
    seen.add(field);
    const partial = textOf(field.lookup(PDFName.of('T')));
    const name = partial === null ? parentName : parentName ? `${parentName}.${partial}` : partial;
    const ft = field.lookupMaybe(PDFName.of('FT'), PDFName);
    const type = ft ? ft.decodeText() : parentType;
    const kids = field.lookupMaybe(PDFName.of('Kids'), PDFArray);
    // A field whose kids are only widgets (no /T) is itself the terminal field.
    const kidFields = kids?.asArray().filter((k) => {
      const d = k instanceof PDFRef ? context.lookupMaybe(k, PDFDict) : k;
      return d instanceof PDFDict && d.has(PDFName.of('T'));
    });
    if (kidFields && kidFields.length > 0) {
      for (const kid of kidFields) visit(kid, name, type, depth + 1);
    } else if (partial !== null || parentName) {
      out.push({ name, type, field });
    }
  };
  for (const item of fields?.asArray() ?? []) visit(item, '', undefined, 0);
  return out;
}

function textOf(value: unknown): string | null {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return null;
}
