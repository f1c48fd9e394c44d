import { Typography } from 'antd';
import type { RuleOutcome } from '../../../../contracts/framework-domain';
import { formatPoints } from './format';
import { useFormText } from './text';

/** "Điểm tự chấm: 3,5 / 5", recomputed as the user types. */
export function LiveScore({ code, outcome, max }: { code: string; outcome: RuleOutcome; max: number }) {
  const { ft, lang } = useFormText();
  let text: string;
  let type: 'secondary' | 'danger' | undefined;
  switch (outcome.status) {
    case 'scored':
      text = ft('selfScore', { points: formatPoints(outcome.points, lang), max: formatPoints(max, lang) });
      break;
    case 'not_applicable':
      text = ft('selfScoreNa');
      type = 'secondary';
      break;
    case 'missing':
      text = ft('selfScoreMissing');
      type = 'secondary';
      break;
    default:
      text = ft('selfScoreInvalid');
      type = 'danger';
  }
  return (
    <Typography.Text
      strong={outcome.status === 'scored'}
      type={type}
      data-testid={`self-score-${code}`}
      data-points={outcome.status === 'scored' ? outcome.points : undefined}
      aria-live="polite"
      style={{ whiteSpace: 'nowrap', fontSize: outcome.status === 'scored' ? 15 : 13 }}
    >
      {text}
    </Typography.Text>
  );
}
