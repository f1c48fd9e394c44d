import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Segmented, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TReviewerRow } from '../../../../contracts/cycles';
import { fieldIssues } from '../../../backend/client';
import { errorText, showSuccess } from '../../../ui/feedback';
import { useSaveReviewers } from '../api';

/** One assignment: a reviewer and either one unit or one pillar (the server's rule). */
interface Row {
  key: number;
  userId: string | null;
  by: 'unit' | 'pillar';
  target: string | null;
}
type Option = { value: string; label: string };

let nextKey = 1;
const toRow = (r: Pick<TReviewerRow, 'userId' | 'unitId' | 'pillarCode'>): Row => ({
  key: nextKey++,
  userId: r.userId || null,
  by: r.pillarCode ? 'pillar' : 'unit',
  target: r.pillarCode ?? r.unitId,
});

/** The editable list of assignments; nothing is saved until "Lưu phân công", which replaces them all. */
export function AssignEditor(props: {
  cycleId: string;
  initial: TReviewerRow[];
  reviewers: Option[];
  units: Option[];
  pillars: Option[];
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [rows, setRows] = useState<Row[]>(() => props.initial.map(toRow));
  const [problems, setProblems] = useState<Map<number, string>>(new Map());
  const save = useSaveReviewers(props.cycleId);
  const patch = (key: number, p: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...p } : r)));

  const check = () => {
    const found = new Map<number, string>();
    rows.forEach((r, i) => {
      if (!r.userId) found.set(i, t('cycles.reviewerRequired'));
      else if (!r.target) found.set(i, t(r.by === 'unit' ? 'cycles.unitRequired' : 'cycles.pillarRequired'));
    });
    setProblems(found);
    return found.size === 0;
  };

  const send = () =>
    save
      .mutateAsync(
        rows.map((r) => ({
          userId: r.userId ?? '',
          unitId: r.by === 'unit' ? r.target : null,
          pillarCode: r.by === 'pillar' ? r.target : null,
        })),
      )
      .then((d) => showSuccess(t('cycles.assignSaved', { count: d.items.length })))
      .catch((err: unknown) => {
        // The server names the rows it refused ("assignments.3"): show each under its row.
        const byRow = new Map<number, string>();
        for (const issue of fieldIssues(err)) {
          const i = Number(issue.path.split('.')[1]);
          if (Number.isInteger(i)) byRow.set(i, issue.message);
        }
        setProblems(byRow);
        if (byRow.size === 0) modal.error({ title: t('cycles.assignFailed'), content: errorText(err) });
      });

  const confirmSave = () => {
    if (!check()) return;
    modal.confirm({
      title: t('cycles.assignSaveConfirm', { count: rows.length }),
      content: t('cycles.assignSaveText'),
      okText: t('cycles.assignSave'),
      cancelText: t('common.cancel'),
      onOk: send,
    });
  };

  const problemOf = (i: number) =>
    problems.get(i) ? (
      <div role="alert" style={{ color: '#a8071a', marginTop: 4 }}>
        {problems.get(i)}
      </div>
    ) : null;

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('cycles.assignIntro')}</Typography.Paragraph>
      <Table<Row>
        rowKey="key"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty description={t('cycles.assignEmpty')} /> }}
        columns={[
          {
            title: t('cycles.reviewer'),
            key: 'user',
            render: (_: unknown, r, i) => (
              <>
                <Select
                  id={`assign-user-${i}`}
                  aria-label={t('cycles.reviewerN', { n: i + 1 })}
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('cycles.reviewer')}
                  value={r.userId ?? undefined}
                  onChange={(v) => patch(r.key, { userId: v })}
                  options={props.reviewers}
                  style={{ width: '100%' }}
                />
                {problemOf(i)}
              </>
            ),
          },
          {
            title: t('cycles.assignBy'),
            key: 'by',
            width: 190,
            render: (_: unknown, r, i) => (
              <Segmented<Row['by']>
                aria-label={t('cycles.assignByN', { n: i + 1 })}
                value={r.by}
                onChange={(by) => patch(r.key, { by, target: null })}
                options={[
                  { value: 'unit', label: t('cycles.unit') },
                  { value: 'pillar', label: t('cycles.pillar') },
                ]}
              />
            ),
          },
          {
            title: t('cycles.assignTarget'),
            key: 'target',
            width: 320,
            render: (_: unknown, r, i) => (
              <Select
                id={`assign-target-${i}`}
                aria-label={t('cycles.assignTargetN', { n: i + 1 })}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={r.by === 'unit' ? t('cycles.unitRequired') : t('cycles.pillarRequired')}
                value={r.target ?? undefined}
                onChange={(v) => patch(r.key, { target: v })}
                options={r.by === 'unit' ? props.units : props.pillars}
                style={{ width: '100%' }}
              />
            ),
          },
          {
            title: t('common.actions'),
            key: 'remove',
            width: 80,
            render: (_: unknown, r, i) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('cycles.assignRemove', { n: i + 1 })}
                onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
              />
            ),
          },
        ]}
      />
      <Flex gap={8} wrap>
        <Button
          icon={<PlusOutlined />}
          onClick={() => setRows((rs) => [...rs, toRow({ userId: '', unitId: null, pillarCode: null })])}
          data-testid="assign-add"
        >
          {t('cycles.assignAdd')}
        </Button>
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={save.isPending}
          onClick={confirmSave}
          data-testid="assign-save"
        >
          {t('cycles.assignSave')}
        </Button>
      </Flex>
    </Flex>
  );
}
