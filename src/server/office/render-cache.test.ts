import { describe, expect, it } from 'vitest';
import { cachedRender } from './render-cache';

describe('cachedRender', () => {
  it('renders an input once, renders a changed input again, and forgets a failure', async () => {
    let calls = 0;
    const render = async () => ++calls;
    expect(await cachedRender({ key: 'cv-1', body: 'a' }, render)).toBe(1);
    expect(await cachedRender({ key: 'cv-1', body: 'a' }, render)).toBe(1);
    expect(await cachedRender({ key: 'cv-1', body: 'b' }, render)).toBe(2);
    await expect(cachedRender({ key: 'hỏng' }, () => Promise.reject(new Error('pdfmake')))).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 0));
    expect(await cachedRender({ key: 'hỏng' }, render)).toBe(3);
  });
});
