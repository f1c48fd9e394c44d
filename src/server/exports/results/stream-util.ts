import type { Writable } from 'node:stream';

/**
 * Waits until the reply has taken what was written: the workbook writer never waits by itself, so a
 * slow client would otherwise make the whole file pile up in memory. Returns false when the reply was
 * closed (the client went away), so the writer stops reading.
 */
export async function drained(out: Writable): Promise<boolean> {
  // Let the zip and deflate stages pass the page on first.
  await new Promise((resolve) => setImmediate(resolve));
  while (out.writableNeedDrain && !out.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.once('drain', done);
      out.once('close', done);
    });
  }
  return !out.destroyed;
}
