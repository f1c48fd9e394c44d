import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

describe('configuration', () => {
  it('uses the documented defaults', () => {
    const env = readEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', THUOCDO_DEMO: '1', COOKIE_SECURE: 'auto' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('treats an empty variable as not set', () => {
    const env = readEnv({ THUOCDO_ADMIN_PASSWORD: '', DATABASE_URL: '', PORT: '' });
    expect(env.THUOCDO_ADMIN_PASSWORD).toBeUndefined();
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it('refuses bad values with a message naming each variable', () => {
    expect(() =>
      readEnv({ PORT: 'abc', THUOCDO_ADMIN_PASSWORD: 'short', DATABASE_URL: 'not a url' }),
    ).toThrow(/PORT[\s\S]*THUOCDO_ADMIN_PASSWORD|THUOCDO_ADMIN_PASSWORD[\s\S]*PORT/);
    expect(() => readEnv({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });
});
