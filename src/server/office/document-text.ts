/** Text of a văn bản's fixed parts, as Nghị định 30/2020 (Phụ lục I) writes them. */

/**
 * "Ninh Kiều, ngày 05 tháng 3 năm 2020": a leading 0 for days below 10 and for months 1 and 2 (so a
 * date cannot be altered by adding a digit), none for the other months.
 */
export function dateLine(place: string, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = String(d).padStart(2, '0');
  const month = m < 3 ? String(m).padStart(2, '0') : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

/** The date line of a draft: the văn thư fills in the day and month when it issues the document. */
export function blankDateLine(place: string, year: number): string {
  return `${place}, ngày      tháng      năm ${year}`;
}

/** "Số: 05/QĐ-UBND", or "Số:       /QĐ-UBND" before the văn thư gives the number. */
export function numberLine(notation: string, codeNumber?: string): string {
  return codeNumber ? `Số: ${codeNumber}/${notation}` : `Số:        /${notation}`;
}

/**
 * The place name of the body that manages the candidate's agency ("Ủy ban nhân dân thành phố Cần Thơ"
 * → "Cần Thơ"), used on the incoming documents it and its departments send; the agency's own place
 * when there is no such body.
 */
export function parentPlace(parentName: string | undefined, fallback: string): string {
  const m =
    /^(?:Ủy ban nhân dân|UBND)\s+(?:thành phố|tỉnh|quận|huyện|thị xã|phường|xã|thị trấn)\s+(.+)$/iu.exec(
      (parentName ?? '').normalize('NFC').trim(),
    );
  return m?.[1] ?? fallback;
}
