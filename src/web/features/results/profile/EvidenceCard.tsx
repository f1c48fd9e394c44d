import { Card, Progress, Typography } from 'antd';
import type { TUnitProfile } from '../../../../contracts/results';
import { useProfileText } from './text';

/** How many of the indicators that need evidence have it, as a bar and in words. */
export function EvidenceCard({ profile: p }: { profile: TUnitProfile }) {
  const { pt } = useProfileText();
  const e = p.evidence;
  const percent = e.share === null ? 0 : Math.round(e.share * 100);
  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{pt('evidenceTitle')}</h2>}
      data-testid="profile-evidence"
    >
      {e.required === 0 ? (
        <Typography.Text>{pt('evidenceNone')}</Typography.Text>
      ) : (
        <>
          <Typography.Text id="profile-evidence-label">{pt('evidenceLabel')}</Typography.Text>
          <Progress
            percent={percent}
            aria-labelledby="profile-evidence-label"
            status={e.missing > 0 ? 'normal' : 'success'}
            strokeColor={e.missing > 0 ? '#d46b08' : undefined}
          />
          <Typography.Paragraph data-testid="profile-evidence-line" style={{ marginTop: 8 }}>
            {pt('evidenceLine', { provided: e.provided, required: e.required, missing: e.missing })}
          </Typography.Paragraph>
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 0 }}>
        {pt('evidenceNote')}
      </Typography.Paragraph>
    </Card>
  );
}
