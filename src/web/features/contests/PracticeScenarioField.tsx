import { Alert, Col, Form, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScenarioChoice } from './api';

/**
 * "Đề thực hành": the scenario every candidate plays in the practice part, or none. Its points are
 * scaled to the practice section's; a practice section with points and no scenario is allowed but
 * warned about (the practice then counts 0).
 */
export function PracticeScenarioField({
  scenarios,
  loading,
  selected,
  practicePoints,
}: {
  scenarios: ScenarioChoice[] | undefined;
  loading: boolean;
  selected: string | null;
  practicePoints: number;
}) {
  const { t } = useTranslation();
  const list = scenarios ?? [];
  const chosen = selected ? list.find((s) => s.code === selected) : undefined;
  const options = [
    { value: '', label: t('contests.noPracticeScenario') },
    ...list.map((s) => ({ value: s.code, label: `${s.name} (${s.year})` })),
    // A saved code the list does not know (or a list that could not be read) still shows as chosen.
    ...(selected && !chosen && !loading ? [{ value: selected, label: selected }] : []),
  ];
  return (
    <Row gutter={16} style={{ marginTop: 16 }}>
      <Col xs={24} md={12}>
        <Form.Item
          name="practiceScenario"
          label={t('contests.practiceScenario')}
          getValueProps={(v: string | null | undefined) => ({ value: v ?? '' })}
          normalize={(v: string) => v || null}
        >
          <Select
            loading={loading}
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('contests.practiceScenario')}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} style={{ alignSelf: 'center' }}>
        {chosen && (
          <Typography.Text type="secondary">
            {t('contests.practiceScenarioPoints', {
              name: chosen.name,
              points: chosen.totalPoints,
              section: practicePoints,
            })}
          </Typography.Text>
        )}
        {selected && !chosen && !loading && (
          <Typography.Text type="danger">
            {t('contests.practiceScenarioUnknown', { code: selected })}
          </Typography.Text>
        )}
        {!selected && !loading && list.length === 0 && (
          <Typography.Text type="secondary">{t('contests.practiceScenarioNoList')}</Typography.Text>
        )}
      </Col>
      {!selected && practicePoints > 0 && (
        <Col xs={24}>
          <Alert
            type="warning"
            showIcon
            title={t('contests.practiceScenarioMissing', { points: practicePoints })}
          />
        </Col>
      )}
    </Row>
  );
}
