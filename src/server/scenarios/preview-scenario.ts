import type { TPracticeView } from '../../contracts/practice';
import type { Db } from '../db/client';
import { practiceView } from '../office/practice-view';
import { sampleSandbox, scenarioToTry } from './sample-sandbox';

/**
 * What a candidate sees at the start of the scenario, through the same projection as the exam page
 * (own mailbox only, no phishing flags, no checks), seeded for the sample candidate.
 */
export async function previewScenario(
  db: Db,
  code: string,
  draft: unknown,
  now: Date,
): Promise<TPracticeView> {
  const scenario = await scenarioToTry(db, code, draft);
  const state = sampleSandbox(scenario, now);
  return practiceView({ state, scenario, seq: 0, closed: false, certificate: null });
}
