import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionCategories, questions, questionVersions } from '../db/schema';
import { dbKinds, openTestDatabase, type TestDatabase } from '../testing/test-db';
import { loadDemoQuestions, readDemoBank } from './load-demo-questions';

describe.each(dbKinds())('demo question bank (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  const count = async (table: typeof questions | typeof questionCategories) =>
    Number((await database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n);

  it('loads every demo question with its category path, once', async () => {
    const bank = readDemoBank();
    expect(await loadDemoQuestions(database.db)).toBe(bank.questions.length);
    expect(await count(questions)).toBe(bank.questions.length);
    expect(await count(questionCategories)).toBe(bank.categories.length);
    const first = bank.questions[0]!;
    const [row] = await database.db
      .select({ stem: questionVersions.stem, isDemo: questions.isDemo, status: questions.status })
      .from(questions)
      .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
      .where(eq(questions.code, first.key));
    expect(row).toEqual({ stem: first.stem, isDemo: true, status: first.status ?? 'draft' });

    expect(await loadDemoQuestions(database.db)).toBe(0);
    expect(await count(questions)).toBe(bank.questions.length);
    expect(await count(questionCategories)).toBe(bank.categories.length);
  });
});
