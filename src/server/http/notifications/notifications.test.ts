import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TNotification } from '../../../contracts/cycles';
import { notifications } from '../../db/schema';
import { INBOX_SIZE } from '../../notifications/inbox';
import { notify } from '../../notifications/notify';
import { type Agent, createTestApp, type TestApp } from '../../testing/test-app';
import { dbKinds } from '../../testing/test-db';

type Inbox = { items: TNotification[]; unread: number };

describe.each(dbKinds())('notifications API (%s)', (kind) => {
  let t: TestApp;
  let lan: Agent;
  let minh: Agent;
  let lanId: string;
  let minhId: string;

  const inbox = async (agent: Agent): Promise<Inbox> => {
    const res = await agent.request('GET', '/api/notifications');
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const unitId = await t.addUnit('TB-1', 'Phường Thông Báo');
    lanId = await t.addUser('lan', 'reporter', unitId);
    minhId = await t.addUser('minh', 'reviewer');
    lan = await t.login('lan');
    minh = await t.login('minh');
    await notify(t.database.db, [
      { userId: lanId, kind: 'returned', title: 'Hồ sơ cần bổ sung', body: 'Chỉ số 2.1', link: '/cycles/c' },
      { userId: lanId, kind: 'published', title: 'Đã công bố kết quả', body: 'Kỳ 2026' },
      { userId: minhId, kind: 'returned', title: 'Thông báo của Minh', body: 'riêng' },
    ]);
  });
  afterAll(() => t.close());

  it("lists the caller's own notices, newest first, with the unread count", async () => {
    const mine = await inbox(lan);
    expect(mine.items.map((n) => n.title)).toEqual(['Đã công bố kết quả', 'Hồ sơ cần bổ sung']);
    expect(mine.unread).toBe(2);
    expect(mine.items[1]).toMatchObject({
      kind: 'returned',
      body: 'Chỉ số 2.1',
      link: '/cycles/c',
      readAt: null,
    });
    expect(Number.isNaN(Date.parse(mine.items[0]!.createdAt))).toBe(false);
    expect((await inbox(minh)).items.map((n) => n.title)).toEqual(['Thông báo của Minh']);
  });

  it('refuses anonymous callers', async () => {
    const res = await t.anonymous().request('GET', '/api/notifications');
    expect(res.statusCode).toBe(401);
  });

  it("marks one's own notice read, once; another user's notice is not found and stays unread", async () => {
    const minhsNotice = (await inbox(minh)).items[0]!;
    const foreign = await lan.request('POST', `/api/notifications/${minhsNotice.id}/read`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('not_found');
    expect((await inbox(minh)).items[0]!.readAt).toBeNull();

    const target = (await inbox(lan)).items.find((n) => n.title === 'Hồ sơ cần bổ sung')!;
    const res = await lan.request('POST', `/api/notifications/${target.id}/read`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    const after = await inbox(lan);
    expect(after.unread).toBe(1);
    const readAt = after.items.find((n) => n.id === target.id)!.readAt;
    expect(readAt).not.toBeNull();
    // A second click keeps the time it was first read.
    await lan.request('POST', `/api/notifications/${target.id}/read`);
    expect((await inbox(lan)).items.find((n) => n.id === target.id)!.readAt).toBe(readAt);

    expect((await lan.request('POST', '/api/notifications/999999999/read')).statusCode).toBe(404);
    expect((await lan.request('POST', '/api/notifications/abc/read')).statusCode).toBe(400);
  });

  it("marks all of the caller's notices read, and no one else's", async () => {
    const res = await lan.request('POST', '/api/notifications/read-all');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ read: 1 });
    const mine = await inbox(lan);
    expect(mine.unread).toBe(0);
    expect(mine.items.every((n) => n.readAt !== null)).toBe(true);
    expect((await inbox(minh)).unread).toBe(1);
  });

  it('needs the CSRF token to mark notices read', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read-all',
      headers: { cookie: minh.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    expect((await inbox(minh)).unread).toBe(1);
  });

  it(`shows the latest ${INBOX_SIZE} while counting every unread notice`, async () => {
    const extra = INBOX_SIZE + 5;
    await notify(
      t.database.db,
      Array.from({ length: extra }, (_, i) => ({
        userId: minhId,
        kind: 'returned',
        title: `Số ${i}`,
        body: 'b',
      })),
    );
    const all = await t.database.db.select().from(notifications).where(eq(notifications.userId, minhId));
    const unreadInDb = all.filter((n) => n.readAt === null).length;
    const list = await inbox(minh);
    expect(list.items).toHaveLength(INBOX_SIZE);
    expect(list.unread).toBe(unreadInDb);
    expect(list.unread).toBe(extra + 1);
    const newest = [...all].sort((a, b) => b.id - a.id)[0]!;
    expect(list.items[0]!.id).toBe(newest.id);
  });
});
