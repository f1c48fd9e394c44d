import { existsSync } from 'node:fs';

/** Debian's Chromium (never a downloaded browser); CHROMIUM_PATH overrides the location. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
];

export function chromiumMissingMessage() {
  return existsSync(CHROMIUM_PATH)
    ? null
    : `Không tìm thấy Chromium tại ${CHROMIUM_PATH}. Cài bằng: sudo apt-get install -y chromium fonts-noto-core\n` +
        `Chromium not found at ${CHROMIUM_PATH}. Install it with: sudo apt-get install -y chromium fonts-noto-core ` +
        '(or set CHROMIUM_PATH).';
}
