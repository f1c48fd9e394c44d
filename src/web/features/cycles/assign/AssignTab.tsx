import { Alert, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TCycleDetail } from '../../../../contracts/cycles';
import { LoadError } from '../../../ui/StatusPages';
import { useBoard, useReviewerAccounts, useReviewers } from '../api';
import { usePillars } from '../usePillars';
import { AssignEditor } from './AssignEditor';

/** Who reviews what: reviewers by unit, by pillar or both; saving replaces every assignment. */
export function AssignTab({ cycle }: { cycle: TCycleDetail }) {
  const { t } = useTranslation();
  const current = useReviewers(cycle.id);
  const users = useReviewerAccounts(cycle.id);
  const board = useBoard(cycle.id);
  const { pillars } = usePillars(cycle);

  if (current.isError) return <LoadError error={current.error} onRetry={() => current.refetch()} />;
  if (!current.data) return <Skeleton active />;

  // Reviewers already assigned stay choosable even when the user list cannot be read.
  const people = new Map<string, string>();
  for (const r of current.data.items) people.set(r.userId, r.fullName);
  for (const u of users.data?.items ?? []) people.set(u.id, `${u.fullName} (${u.username})`);

  return (
    <>
      {users.isError && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('cycles.reviewersLoadFailed', { message: users.error.message })}
        />
      )}
      <AssignEditor
        key={current.dataUpdatedAt}
        cycleId={cycle.id}
        initial={current.data.items}
        reviewers={[...people].map(([value, label]) => ({ value, label }))}
        units={(board.data?.units ?? []).map((u) => ({ value: u.unitId, label: `${u.name} (${u.code})` }))}
        pillars={pillars.map((p) => ({ value: p.code, label: `${p.code}. ${p.name}` }))}
      />
    </>
  );
}
