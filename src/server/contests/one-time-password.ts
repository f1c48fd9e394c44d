import { randomInt } from 'node:crypto';

/** No 0/O, 1/l/I: a password copied from paper must not be misread. */
export const SLIP_PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const SLIP_PASSWORD_LENGTH = 8;

/** A random password for a credential slip (uniform over the alphabet, no modulo bias). */
export function slipPassword(): string {
  let out = '';
  for (let i = 0; i < SLIP_PASSWORD_LENGTH; i++) {
    out += SLIP_PASSWORD_ALPHABET[randomInt(SLIP_PASSWORD_ALPHABET.length)];
  }
  return out;
}
