import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TBlueprintCheck } from '../../../contracts/contests';

/** Per blueprint row: questions needed, available in the bank, and usable once overlaps are counted. */
export function BlueprintCheckTable({ check }: { check: TBlueprintCheck }) {
  const { t } = useTranslation();
  return (
    <div>
      <Alert
        type={check.ok ? 'success' : 'warning'}
        showIcon
        style={{ marginBottom: 8 }}
        title={check.ok ? t('contests.checkOk', { needed: check.needed }) : t('contests.checkShort')}
        description={t('contests.approvedTotal', { count: check.approvedTotal })}
      />
      <Table
        size="small"
        rowKey="index"
        pagination={false}
        dataSource={check.rows}
        columns={[
          { title: t('contests.checkRow'), dataIndex: 'label' },
          { title: t('contests.needed'), dataIndex: 'needed', width: 80, align: 'right' },
          {
            title: t('contests.available'),
            dataIndex: 'available',
            width: 90,
            align: 'right',
            render: (n: number, r) => (
              <Typography.Text type={n < r.needed ? 'danger' : undefined} strong={n < r.needed}>
                {n}
              </Typography.Text>
            ),
          },
          {
            title: t('contests.fillable'),
            dataIndex: 'fillable',
            width: 100,
            align: 'right',
            render: (n: number, r) => (
              <Typography.Text type={r.ok ? 'success' : 'danger'}>{n}</Typography.Text>
            ),
          },
        ]}
      />
    </div>
  );
}
