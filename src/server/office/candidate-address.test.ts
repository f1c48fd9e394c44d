import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../core/office/scenario';
import { candidateAddress } from './candidate-address';

const scenario = JSON.parse(
  readFileSync(
    resolve(import.meta.dirname, '../../../templates/contest/scenarios/cantho-2022-quan.json'),
    'utf8',
  ),
) as Scenario;

describe('candidateAddress', () => {
  it('makes an official-style address at the văn thư’s domain from the full name', () => {
    expect(scenario.actors.clerk.email).toMatch(/@cantho\.gov\.vn$/);
    expect(candidateAddress(scenario, 'Nguyễn Văn Thí')).toBe('nvthi@cantho.gov.vn');
    expect(candidateAddress(scenario, 'Đặng Quốc Việt')).toBe('dqviet@cantho.gov.vn');
  });

  it('adds a number when the scenario already has that mailbox', () => {
    const taken = scenario.actors.people[0]!;
    const copy: Scenario = {
      ...scenario,
      actors: { ...scenario.actors, people: [{ ...taken, email: 'nvthi@cantho.gov.vn' }] },
    };
    expect(candidateAddress(copy, 'Nguyễn Văn Thí')).toBe('nvthi2@cantho.gov.vn');
  });
});
