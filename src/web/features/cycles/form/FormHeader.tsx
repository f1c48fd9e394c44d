import { Card, Col, Flex, Progress, Row, Typography } from 'antd';
import type { TUnitForm } from '../../../../contracts/cycles';
import type { FormAccess } from './access';
import { formatInstant, formatPoints } from './format';
import { SubmitBar } from './SubmitBar';
import { UnitStateTag } from './Tags';
import { useFormText } from './text';
import { WindowLine } from './WindowLine';

function Total({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div style={{ minWidth: 70 }}>
      <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.68)' }}>{label}</div>
      <div style={{ fontSize: 20, fontWeight: 600, lineHeight: 1.3 }} data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

/** Unit, cycle, state, windows, progress, the three totals and the submit actions. */
export function FormHeader({
  form,
  access,
  onGoTo,
}: {
  form: TUnitForm;
  access: FormAccess;
  onGoTo: (code: string) => void;
}) {
  const { ft, lang } = useFormText();
  const percent = Math.round(form.progress * 100);
  const points = (n: number | null) => (n === null ? '—' : formatPoints(n, lang));
  const answering = form.state !== 'draft' && access.openRequests > 0;
  return (
    <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
      <Row gutter={[24, 12]}>
        <Col xs={24} lg={14}>
          <Flex align="center" gap={8} wrap style={{ marginBottom: 4 }}>
            <h1 className="page-title">{form.unit.name}</h1>
            <UnitStateTag state={form.state} />
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
            {form.cycleName} · {form.framework.name}
            {form.submittedAt && ` · ${ft('submittedAt', { at: formatInstant(form.submittedAt) })}`}
          </Typography.Text>
          <WindowLine form={form} window="self_assessment" label="windowSelf" />
          {answering && <WindowLine form={form} window="explanation" label="windowExplanation" />}
          <div style={{ marginTop: 8, maxWidth: 520 }}>
            <Typography.Text id="form-progress-label" style={{ fontSize: 13 }}>
              {ft('progressLabel', { percent })}
            </Typography.Text>
            <Progress
              percent={percent}
              aria-labelledby="form-progress-label"
              data-testid="form-progress"
              strokeColor="#1456b8"
            />
          </div>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={12} align="stretch">
            <section aria-label={ft('totals')}>
              <Flex gap={12} wrap>
                <Total label={ft('totalSelf')} value={points(form.totals.self)} testId="total-self" />
                <Total
                  label={ft('totalAppraised')}
                  value={points(form.totals.appraised)}
                  testId="total-appraised"
                />
                <Total label={ft('totalFinal')} value={points(form.totals.final)} testId="total-final" />
                <Total label={ft('totalMax')} value={points(form.totals.max)} testId="total-max" />
              </Flex>
            </section>
            <SubmitBar form={form} access={access} onGoTo={onGoTo} />
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}
