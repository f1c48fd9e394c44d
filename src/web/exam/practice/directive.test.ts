import { describe, expect, it } from 'vitest';
import { checkDirective, handlers } from './directive';
import { incomingList, outgoingList } from './office-docs';
import { practiceView } from './view-fixture';

const ok = { text: 'Giao Công an phường chủ trì', lead: 'cap', cooperating: ['tp'], deadline: '2023-07-10' };

describe('bút phê', () => {
  it('offers units and people only: not the candidate, the clerk or other agencies', () => {
    const keys = handlers(practiceView().directory).map((d) => d.key);
    expect(keys).toEqual(['bp-van-hoa', 'bp-tu-phap', 'cc-van-hoa', 'cc-ke-toan', 'cc-linh-2']);
  });

  it('accepts a complete directive', () => {
    expect(checkDirective(ok, '2023-06-19')).toEqual([]);
    // The deadline may be the arrival day itself.
    expect(checkDirective({ ...ok, deadline: '2023-06-19' }, '2023-06-19')).toEqual([]);
  });

  it('says what is missing', () => {
    const errors = checkDirective({ text: ' ', lead: '', cooperating: [], deadline: '' }, '2023-06-19');
    expect(errors).toEqual([
      'Nhập ý kiến chỉ đạo.',
      'Chọn đơn vị hoặc cá nhân chủ trì xử lý.',
      'Chọn hạn xử lý.',
    ]);
  });

  it('refuses a lead that also co-operates, and a deadline before the arrival', () => {
    expect(checkDirective({ ...ok, cooperating: ['cap'] }, '2023-06-19')).toHaveLength(1);
    expect(checkDirective({ ...ok, deadline: '2023-06-18' }, '2023-06-19')).toEqual([
      'Hạn xử lý không được trước ngày văn bản đến (19/06/2023).',
    ]);
  });
});

const common = { subject: 'S', fileId: 'f', holderName: 'X', history: [], type: 'cong_van' as const };
const incoming = (id: string, over: object) => ({
  ...common,
  id,
  direction: 'incoming' as const,
  numberSymbol: `${id}/UBND`,
  issuedDate: '2023-06-01',
  issuerName: 'UBND quận',
  arrivalNumber: 1,
  arrivalDate: '2023-06-05',
  urgency: 'thuong' as const,
  status: 'cho_xu_ly' as const,
  holder: 'candidate',
  ...over,
});

describe('the incoming register', () => {
  const docs = [
    incoming('old', {
      arrivalDate: '2023-06-05',
      arrivalNumber: 312,
      status: 'dang_xu_ly',
      holder: 'cc-ke-toan',
    }),
    incoming('new', { arrivalDate: '2023-06-19', arrivalNumber: 356 }),
    incoming('urgent', { arrivalDate: '2023-06-10', arrivalNumber: 330, urgency: 'hoa_toc' }),
    incoming('sameday', { arrivalDate: '2023-06-19', arrivalNumber: 357 }),
    {
      ...common,
      id: 'out',
      direction: 'outgoing' as const,
      holder: 'candidate',
      recipients: [],
      status: 'cho_ky' as const,
      signatures: [],
    },
  ];

  it('lists incoming documents newest arrival first', () => {
    expect(incomingList(docs, false).map((d) => d.id)).toEqual(['sameday', 'new', 'urgent', 'old']);
  });

  it('"Chờ xử lý" keeps those waiting for the candidate, the most urgent first', () => {
    expect(incomingList(docs, true).map((d) => d.id)).toEqual(['urgent', 'sameday', 'new']);
  });

  it('lists outgoing documents apart', () => {
    expect(outgoingList(docs).map((d) => d.id)).toEqual(['out']);
  });
});
