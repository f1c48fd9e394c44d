import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from '../../backend/client';
import type { TScenarioProblem } from './types';

/** Every problem of a scenario, each with its path in the document ("tasks.2.checks.0.document"). */
export function ProblemList({ problems }: { problems: TScenarioProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      title={t('scenarios.problemsTitle', { count: problems.length })}
      description={
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two problems may share a path and a message
            <li key={i}>
              <code>{p.path || t('scenarios.problemRoot')}</code>: {p.message}
            </li>
          ))}
        </ol>
      }
    />
  );
}

/** A refused request: the scenario problems it lists, or else its message. */
export function ProblemOrError({ error }: { error: unknown }) {
  const problems = fieldIssues(error);
  if (problems.length > 0) return <ProblemList problems={problems} />;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      title={error instanceof Error ? error.message : String(error)}
    />
  );
}
