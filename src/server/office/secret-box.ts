import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error';
import type { Db } from '../db/client';
import { queryRows } from '../db/sql-rows';

/** Seals and opens small secrets (private keys, PINs) with AES-256-GCM. */
export interface SecretBox {
  seal(plain: Uint8Array | string): string;
  open(sealed: string): Buffer;
}

const META_KEY = 'office_secret';
const VERSION = 'v1';

/** A 256-bit key from the secret (HKDF-SHA256; the info string pins it to this use). */
function deriveKey(secret: string | Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'thuocdo', 'office-keys-v1', 32));
}

/** Names the key in every envelope, so a key sealed under another secret is reported, not garbled. */
function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/**
 * The secret when THUOCDO_SECRET is absent: 32 random bytes stored once in `app_meta`. Chosen over a
 * file in DATA_DIR because every app instance on one PostgreSQL and every restored backup must open the
 * same keys; the price is that whoever holds the whole database holds the key too, so production
 * should set THUOCDO_SECRET (the keys are exam-only certificates of a CA nothing else trusts).
 */
async function storedSecret(db: Db): Promise<Buffer> {
  const fresh = randomBytes(32).toString('base64');
  await queryRows(
    db,
    sql`insert into app_meta (key, value) values (${META_KEY}, ${JSON.stringify({ secret: fresh })}::jsonb)
        on conflict (key) do nothing`,
  );
  const [row] = await queryRows<{ value: { secret: string } }>(
    db,
    sql`select value from app_meta where key = ${META_KEY}`,
  );
  return Buffer.from(row!.value.secret, 'base64');
}

/**
 * The box for this server: keyed by THUOCDO_SECRET when set, else by the secret in the database.
 * Envelopes read `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
export async function loadSecretBox(db: Db, secret: string | undefined): Promise<SecretBox> {
  return secretBox(secret ? Buffer.from(secret, 'utf8') : await storedSecret(db));
}

/** A box keyed by the given secret. */
export function secretBox(secret: Buffer): SecretBox {
  const key = deriveKey(secret);
  const id = keyId(key);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(`${VERSION}.${id}`));
      const data = Buffer.concat([cipher.update(plain), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
      return [VERSION, id, ...parts].join('.');
    },
    open(sealed) {
      const [version, kid, iv, tag, data] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || data === undefined) {
        throw new AppError('internal_error', 'Dữ liệu khóa bí mật bị hỏng');
      }
      if (kid !== id) {
        throw new AppError(
          'internal_error',
          'Khóa bí mật được mã hóa bằng một THUOCDO_SECRET khác với cấu hình hiện tại của máy chủ',
        );
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(`${VERSION}.${kid}`));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]);
      } catch {
        throw new AppError('internal_error', 'Dữ liệu khóa bí mật bị hỏng');
      }
    },
  };
}
