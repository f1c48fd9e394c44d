import { Card, Segmented } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardHeading } from './CardTitle';

/**
 * A card that shows a chart or the same figures as a table: every chart's numbers stay readable
 * without it (screen readers, printing, copying into a report).
 */
export function ChartCard({
  id,
  title,
  chart,
  table,
  extra,
}: {
  id: string;
  title: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card
      data-testid={`results-${id}`}
      title={
        <CardHeading
          id={`results-${id}-title`}
          title={title}
          extra={
            <Segmented<'chart' | 'table'>
              size="small"
              value={view}
              onChange={setView}
              aria-label={t('results.viewAs')}
              options={[
                { value: 'chart', label: t('results.viewChart') },
                { value: 'table', label: t('results.viewTable') },
              ]}
            />
          }
        />
      }
    >
      {extra}
      {view === 'chart' ? chart : table}
    </Card>
  );
}
