import type { Scenario } from '../../core/office/scenario';
import { foldVietnamese } from '../../core/shared/text';

/**
 * The candidate's mailbox in the sandbox, made as Vietnamese agencies make official addresses: the
 * initials of the family and middle names and the given name, at the domain of the agency's văn thư
 * ("Nguyễn Văn Thí" → nvthi@cantho.gov.vn). A number is added if the scenario already uses it.
 */
export function candidateAddress(scenario: Scenario, fullName: string): string {
  const words = foldVietnamese(fullName)
    .split(' ')
    .map((w) => w.replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  const local =
    words.length === 0
      ? 'thisinh'
      : `${words
          .slice(0, -1)
          .map((w) => w[0])
          .join('')}${words.at(-1)}`;
  const domain = scenario.actors.clerk.email.split('@')[1] ?? 'thuocdo.test';
  const { clerk, units, people, agencies } = scenario.actors;
  const taken = new Set(
    [clerk, ...units, ...people, ...agencies, ...scenario.mails.map((m) => m.from)].map((a) =>
      a.email.toLowerCase(),
    ),
  );
  for (let n = 1; ; n++) {
    const address = `${local}${n === 1 ? '' : n}@${domain}`;
    if (!taken.has(address)) return address;
  }
}
