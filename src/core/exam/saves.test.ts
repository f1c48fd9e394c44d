import { describe, expect, it } from 'vitest';
import type { PaperItem } from './contest';
import { applySave, type Save, type SaveState } from './saves';

const paper: PaperItem[] = [
  { questionId: 'q1', versionId: 'v1', optionOrder: ['c', 'a', 'b', 'd'], points: 2 },
  { questionId: 'q2', versionId: 'v2', optionOrder: ['d', 's'], points: 2 },
  { questionId: 'q3', versionId: 'v3', optionOrder: ['a', 'b', 'c'], points: 2 },
];
const empty: SaveState = { lastSeq: 0, answers: {}, flagged: [] };

function run(saves: Save[]): SaveState {
  return saves.reduce((state, save) => applySave(state, save, paper).state, empty);
}

describe('applySave', () => {
  const s1: Save = { seq: 1, answers: { v1: ['a'] } };
  const s2: Save = { seq: 2, answers: { v1: ['b'], v2: ['s'] }, flagged: ['v3'] };
  const s3: Save = { seq: 3, answers: { v1: ['b'], v2: ['s'], v3: ['a', 'c'] }, flagged: ['v3'] };

  it('applies a newer save as the full current state', () => {
    const r = applySave(empty, s1, paper);
    expect(r).toMatchObject({ outcome: 'applied', applied: true });
    expect(r.state).toEqual({ lastSeq: 1, answers: { v1: ['a'] }, flagged: [] });
  });

  it('ends in the last state whatever the delivery order or duplicates', () => {
    const inOrder = run([s1, s2, s3]);
    expect(inOrder).toEqual({
      lastSeq: 3,
      answers: { v1: ['b'], v2: ['s'], v3: ['a', 'c'] },
      flagged: ['v3'],
    });
    expect(run([s3, s1, s2])).toEqual(inOrder);
    expect(run([s1, s3, s3, s2, s1])).toEqual(inOrder);
  });

  it('reports a repeated or older save as stale and changes nothing', () => {
    const state = run([s1, s2]);
    const again = applySave(state, s2, paper);
    expect(again).toEqual({ outcome: 'stale', applied: false, state });
    expect(applySave(state, s1, paper).state).toBe(state);
  });

  it('lets the candidate clear an answer (absent or empty means unanswered)', () => {
    const state = run([s2, { seq: 3, answers: { v2: ['s'], v1: [] } }]);
    expect(state.answers).toEqual({ v2: ['s'] });
  });

  it('takes flags from the last save like answers (absent means none)', () => {
    expect(run([s2, { ...s3, flagged: ['v1', 'v3'] }]).flagged).toEqual(['v1', 'v3']);
    expect(run([s2, { seq: 3, answers: s3.answers }]).flagged).toEqual([]);
  });

  it('stores selections in the displayed order without repeats', () => {
    const state = run([{ seq: 1, answers: { v1: ['d', 'c', 'd'] } }]);
    expect(state.answers.v1).toEqual(['c', 'd']);
  });

  it('refuses a question or option not in the paper, changing nothing and keeping the sequence free', () => {
    const state = run([s1]);
    const unknownQ = applySave(state, { seq: 2, answers: { v1: ['a'], v9: ['a'] } }, paper);
    expect(unknownQ).toMatchObject({ outcome: 'refused', reason: 'unknown_question' });
    expect(unknownQ.state).toBe(state);
    const unknownOpt = applySave(state, { seq: 2, answers: { v2: ['x'] } }, paper);
    expect(unknownOpt).toMatchObject({ outcome: 'refused', reason: 'unknown_option' });
    expect(unknownOpt.outcome === 'refused' && unknownOpt.message).toContain('phương án');
    const badFlag = applySave(state, { seq: 2, answers: {}, flagged: ['v9'] }, paper);
    expect(badFlag).toMatchObject({ outcome: 'refused', reason: 'unknown_question' });
    expect(applySave(state, { seq: 2, answers: { v2: ['d'] } }, paper).applied).toBe(true);
  });

  it('refuses a malformed sequence or payload', () => {
    expect(applySave(empty, { seq: 0, answers: {} }, paper)).toMatchObject({ reason: 'bad_seq' });
    expect(applySave(empty, { seq: 1.5, answers: {} }, paper)).toMatchObject({ reason: 'bad_seq' });
    const badShape = { seq: 1, answers: { v1: 'a' } } as unknown as Save;
    expect(applySave(empty, badShape, paper)).toMatchObject({ reason: 'bad_shape' });
    const nullAnswers = { seq: 1, answers: null } as unknown as Save;
    expect(applySave(empty, nullAnswers, paper)).toMatchObject({ reason: 'bad_shape' });
  });
});
