import { Alert, Button, Modal, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCouncilRow, TEntryView } from '../../../../contracts/cycles';
import { errorText } from '../../../ui/feedback';
import { formatPoints, unitFormPath } from '../domain';
import { finalPoints } from '../form/score';
import { useUnitForm } from '../reviewApi';
import { FinalValueModal } from './FinalValueModal';
import { GapTag } from './GapTag';

/** One unit's indicators with the three scores; the council sets a final value with a reason. */
export function FinalModal({
  cycleId,
  unit,
  canDecide,
  onClose,
}: {
  cycleId: string;
  unit: TCouncilRow | null;
  canDecide: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const form = useUnitForm(cycleId, unit?.unitId ?? null);
  const [editing, setEditing] = useState<TEntryView | null>(null);
  const pts = (n: number | null) => formatPoints(n, i18n.language);

  return (
    <Modal
      open={Boolean(unit)}
      title={t('cycles.finalTitle', { name: unit?.name ?? '' })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      width={1000}
      destroyOnHidden
    >
      {unit && (
        <Typography.Paragraph>
          <Link to={unitFormPath(cycleId, unit.unitId)}>{t('cycles.openUnitForm')}</Link>
        </Typography.Paragraph>
      )}
      {form.isError && <Alert type="error" showIcon title={errorText(form.error)} />}
      {form.isLoading && <Skeleton active />}
      {form.data && (
        <Table<TEntryView>
          rowKey="code"
          size="small"
          dataSource={form.data.entries}
          pagination={{ pageSize: 15, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 820 }}
          columns={[
            {
              title: t('cycles.indicator'),
              key: 'name',
              render: (_: unknown, e) => (
                <>
                  <strong>{e.code}</strong> {e.name}
                  {e.finalReason && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {t('cycles.finalReasonShown', { reason: e.finalReason })}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            { title: t('cycles.maxPoints'), dataIndex: 'maxPoints', width: 70, align: 'right', render: pts },
            { title: t('cycles.self'), dataIndex: 'selfPoints', width: 90, align: 'right', render: pts },
            {
              title: t('cycles.appraised'),
              dataIndex: 'appraisedPoints',
              width: 90,
              align: 'right',
              render: pts,
            },
            {
              title: t('cycles.final'),
              key: 'final',
              width: 90,
              align: 'right',
              render: (_: unknown, e) => pts(finalPoints(e)),
            },
            {
              title: t('cycles.gap'),
              key: 'gap',
              width: 90,
              align: 'right',
              render: (_: unknown, e) => (
                <GapTag
                  gap={
                    e.appraisedPoints === null || e.selfPoints === null
                      ? null
                      : e.appraisedPoints - e.selfPoints
                  }
                  max={e.maxPoints}
                />
              ),
            },
            ...(canDecide
              ? [
                  {
                    title: t('common.actions'),
                    key: 'set',
                    width: 110,
                    render: (_: unknown, e: TEntryView) => (
                      <Button
                        size="small"
                        onClick={() => setEditing(e)}
                        data-testid={`council-final-${unit?.code}-${e.code}`}
                      >
                        {t('cycles.setFinal')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {unit && (
        <FinalValueModal
          key={editing?.code ?? ''}
          cycleId={cycleId}
          unitId={unit.unitId}
          entry={editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Modal>
  );
}
