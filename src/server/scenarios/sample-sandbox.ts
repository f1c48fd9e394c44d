import { randomUUID } from 'node:crypto';
import { seedSandbox } from '../../core/office/sandbox';
import type { Scenario } from '../../core/office/scenario';
import type { SandboxState } from '../../core/office/state';
import type { Db } from '../db/client';
import { candidateAddress } from '../office/candidate-address';
import { findScenario } from '../office/scenario-store';
import { assertValidScenario } from './check-scenario';

/** The sample candidate organisers see a scenario played by. */
export const SAMPLE_CANDIDATE = 'Nguyễn Văn An';

/** A freshly seeded, untouched sandbox of the scenario for the sample candidate. */
export function sampleSandbox(scenario: Scenario, now: Date): SandboxState {
  return seedSandbox(scenario, {
    candidate: { name: SAMPLE_CANDIDATE, email: candidateAddress(scenario, SAMPLE_CANDIDATE) },
    now: now.toISOString(),
    newId: randomUUID,
  });
}

/**
 * The scenario to try: the document being edited when the editor sends one (checked first, nothing is
 * stored), else the stored scenario of that code.
 */
export async function scenarioToTry(db: Db, code: string, draft: unknown): Promise<Scenario> {
  if (draft !== undefined) return assertValidScenario(draft);
  return (await findScenario(db, code)).document;
}
