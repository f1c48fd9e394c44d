import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds, openTestDatabase, type TestDatabase } from '../testing/test-db';
import { loadSecretBox, secretBox } from './secret-box';

describe('secretBox: AES-256-GCM envelopes', () => {
  const box = secretBox(randomBytes(32));

  it('opens what it sealed, and seals the same text differently each time', () => {
    const a = box.seal('mã PIN 123456');
    const b = box.seal('mã PIN 123456');
    expect(a).not.toBe(b);
    expect(box.open(a).toString('utf8')).toBe('mã PIN 123456');
    expect(a).not.toContain('123456');
  });

  it('refuses a changed envelope and one sealed under another secret, in Vietnamese', () => {
    const sealed = box.seal(Buffer.from([1, 2, 3, 4]));
    const parts = sealed.split('.');
    const data = Buffer.from(parts[4]!, 'base64url');
    data[0] = data[0]! ^ 1;
    parts[4] = data.toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow('Dữ liệu khóa bí mật bị hỏng');
    expect(() => secretBox(randomBytes(32)).open(sealed)).toThrow(/THUOCDO_SECRET khác/);
  });
});

describe.each(dbKinds())('loadSecretBox (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('without THUOCDO_SECRET keeps one random secret in the database, the same for every load', async () => {
    const first = await loadSecretBox(database.db, undefined);
    const second = await loadSecretBox(database.db, undefined);
    expect(second.open(first.seal('khóa')).toString()).toBe('khóa');
    // THUOCDO_SECRET, when set, is the key: the stored secret does not open what it sealed.
    const configured = await loadSecretBox(database.db, 'một bí mật đủ dài cho máy chủ thi 2026');
    expect(() => first.open(configured.seal('khóa'))).toThrow();
    const again = await loadSecretBox(database.db, 'một bí mật đủ dài cho máy chủ thi 2026');
    expect(again.open(configured.seal('khóa')).toString()).toBe('khóa');
  });
});
