import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const R = 8;
const P = 1;
const KEYLEN = 32;

/**
 * scrypt cost by kind of password. Staff choose their own passwords and keep them for years: N = 16384
 * (≈ 28 ms of CPU here). A candidate's one-sitting password is 8 random characters of 56 (≈ 46 bits),
 * locked after 5 failures and rate-limited, and lives for one sitting: N = 1024 (≈ 1.5 ms) lets 5,000
 * candidates log in within a minute on two cores and slips for 5,000 be issued in seconds.
 */
export const SCRYPT_COST = { staff: 16384, one_sitting: 1024 } as const;
export type PasswordKind = keyof typeof SCRYPT_COST;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEYLEN, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** Hashes a password with scrypt; the parameters are stored with the hash so they can be raised later. */
export async function hashPassword(password: string, kind: PasswordKind = 'staff'): Promise<string> {
  const n = SCRYPT_COST[kind];
  const salt = randomBytes(16);
  const key = await derive(password, salt, n, R, P);
  return `scrypt$${n}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** A hash of a random password with the cost of `kind`: an unknown account costs as much as a known one. */
export const dummyHash = (kind: PasswordKind) =>
  `scrypt$${SCRYPT_COST[kind]}$${R}$${P}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A readable random password (no look-alike characters). */
export function generatePassword(length = 14): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** Rejects passwords too weak to protect an official account. Returns a Vietnamese reason or null. */
export function passwordWeakness(password: string, username: string): string | null {
  if (password.length < 10) return 'Mật khẩu phải có ít nhất 10 ký tự';
  if (password.toLowerCase().includes(username.toLowerCase()))
    return 'Mật khẩu không được chứa tên đăng nhập';
  if (new Set(password).size < 5) return 'Mật khẩu quá đơn giản';
  return null;
}
