import { createHash } from 'node:crypto';

/** Renderings kept per instance: a sitting plays one or two scenarios, each with a handful of files. */
const LIMIT = 200;
const cache = new Map<string, Promise<unknown>>();

/**
 * The rendering of an input, made once per instance: the incoming documents and attachments of a
 * scenario are the same for every candidate, and pdfmake takes a few hundred milliseconds per file.
 * Keyed by the input itself, so an edited scenario never gets an old rendering. A failed rendering is
 * not kept.
 */
export function cachedRender<T>(input: unknown, render: () => Promise<T>): Promise<T> {
  const key = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  const hit = cache.get(key);
  if (hit) return hit as Promise<T>;
  if (cache.size >= LIMIT) cache.clear();
  const made = render();
  cache.set(key, made);
  made.catch(() => cache.delete(key));
  return made;
}
