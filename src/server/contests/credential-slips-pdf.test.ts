import { describe, expect, it } from 'vitest';
import { readCredentialSlips } from '../testing/credential-slips';
import { type CredentialSlip, credentialSlipsPdf } from './credential-slips-pdf';

const slip = (number: string, password: string, pin?: string): CredentialSlip => ({
  number,
  fullName: 'Nguyễn Thị Phương Thảo',
  unitName: 'Sở Thông tin và Truyền thông',
  password,
  ...(pin ? { pin } : {}),
  sessionName: 'Ca 1',
  room: 'Phòng máy 2',
  scheduledAt: new Date('2026-09-05T01:30:00Z'),
});

describe('credential slips', () => {
  // The widest letters of the password alphabet next to the narrowest: a wide password once ran into
  // the PIN printed on its line, so neither a person nor pdftotext could tell where it ended.
  const passwords = ['WMWmWMWm', 'iiiijjjj', 'mMwWQGmW', 'gv33WQGm', 'NQHGZmR7'];

  it('prints each password and PIN apart, readable back by position, two slips across', async () => {
    const slips = passwords.map((p, i) => slip(`TS-${i + 1}`, p, String(100000 + i * 111_111)));
    const pdf = await credentialSlipsPdf('Hội thi năm 2026', 'https://thuocdo.cantho.gov.vn/exam', slips);
    expect(readCredentialSlips(pdf)).toEqual(
      slips.map((s) => ({ number: s.number, password: s.password, pin: s.pin })),
    );
  });

  it('prints no PIN line for a contest without a practice part', async () => {
    const slips = passwords.map((p, i) => slip(`TS-${i + 1}`, p));
    const pdf = await credentialSlipsPdf('Hội thi năm 2026', 'https://thuocdo.cantho.gov.vn/exam', slips);
    expect(readCredentialSlips(pdf)).toEqual(slips.map((s) => ({ number: s.number, password: s.password })));
  });
});
