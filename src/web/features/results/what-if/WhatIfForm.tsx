import { Alert, Button, Card, Flex, Form, InputNumber, Radio, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TWhatIfInput } from '../../../../contracts/results';
import { CardTitle } from '../dashboard/CardTitle';
import { formatPoints } from '../dashboard/format';

export interface MainIndex {
  code: string;
  name: string;
  maxPoints: number;
}

type NaChoice = 'keep' | 'rescale' | 'rank_separately';

/**
 * The scenario: a new maximum for any main index, another not-applicable policy, and N (a unit
 * "moves" when its rank changes by more than N places). Only the maxima that differ are sent.
 */
export function WhatIfForm({
  mains,
  running,
  onRun,
}: {
  mains: readonly MainIndex[];
  running: boolean;
  onRun: (body: Omit<TWhatIfInput, 'level' | 'version'>) => void;
}) {
  const { t, i18n } = useTranslation();
  const [max, setMax] = useState<Record<string, number | null>>({});
  const [na, setNa] = useState<NaChoice>('keep');
  const [places, setPlaces] = useState<number>(2);
  const [problem, setProblem] = useState<string>();

  const run = () => {
    const mainMax: Record<string, number> = {};
    for (const m of mains) {
      const v = max[m.code];
      if (v !== null && v !== undefined && v !== m.maxPoints) mainMax[m.code] = v;
    }
    if (Object.keys(mainMax).length === 0 && na === 'keep') {
      setProblem(t('results.whatIfNothing'));
      return;
    }
    setProblem(undefined);
    onRun({
      places,
      ...(Object.keys(mainMax).length > 0 ? { mainMax } : {}),
      ...(na !== 'keep' ? { notApplicable: na } : {}),
    });
  };
  const reset = () => {
    setMax({});
    setNa('keep');
    setProblem(undefined);
  };

  return (
    <Card title={<CardTitle>{t('results.whatIfScenario')}</CardTitle>} data-testid="what-if-form">
      <Form layout="vertical" onFinish={run}>
        <Table<MainIndex>
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={[...mains]}
          aria-label={t('results.whatIfMainMax')}
          scroll={{ y: 420 }}
          style={{ marginBottom: 16 }}
          columns={[
            { title: t('results.mainCode'), dataIndex: 'code', width: 64 },
            { title: t('results.mainName'), dataIndex: 'name' },
            {
              title: t('results.currentMax'),
              dataIndex: 'maxPoints',
              align: 'right',
              width: 100,
              // On a phone the input's placeholder shows the current maximum.
              responsive: ['sm'],
              render: (v: number) => formatPoints(v, i18n.language),
            },
            {
              title: t('results.newMax'),
              key: 'new',
              width: 116,
              render: (_: unknown, m) => (
                <InputNumber<number>
                  aria-label={t('results.newMaxOf', { code: m.code })}
                  data-testid={`what-if-max-${m.code}`}
                  min={0}
                  max={10_000}
                  step={1}
                  decimalSeparator={i18n.language.startsWith('en') ? '.' : ','}
                  placeholder={formatPoints(m.maxPoints, i18n.language)}
                  value={max[m.code] ?? null}
                  onChange={(v) => setMax((x) => ({ ...x, [m.code]: v }))}
                  style={{ width: '100%' }}
                />
              ),
            },
          ]}
        />
        <Form.Item label={t('results.naPolicy')}>
          <Radio.Group
            value={na}
            onChange={(e) => setNa(e.target.value as NaChoice)}
            aria-label={t('results.naPolicy')}
            options={(['keep', 'rescale', 'rank_separately'] as const).map((v) => ({
              value: v,
              label: t(`results.na_${v}`),
            }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          />
        </Form.Item>
        <Form.Item label={t('results.places')} htmlFor="what-if-places" extra={t('results.placesHelp')}>
          <InputNumber<number>
            id="what-if-places"
            min={0}
            max={10_000}
            precision={0}
            value={places}
            onChange={(v) => setPlaces(v ?? 0)}
          />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Typography.Paragraph type="secondary">{t('results.whatIfSandbox')}</Typography.Paragraph>
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" loading={running} data-testid="what-if-run">
            {t('results.whatIfRun')}
          </Button>
          <Button onClick={reset}>{t('results.whatIfReset')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
