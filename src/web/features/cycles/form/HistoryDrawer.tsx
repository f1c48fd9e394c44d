import { Drawer, Empty, Grid, Spin, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { THistoryEntry, TUnitForm } from '../../../../contracts/cycles';
import { LoadError } from '../../../ui/StatusPages';
import { useEntryHistory } from './api';
import { formatInstant } from './format';
import { show, type ValueContext } from './historyValue';
import { type FormKey, useFormText } from './text';

/** Every change of one indicator: who, when, what, old → new, why. */
export function HistoryDrawer({
  form,
  code,
  onClose,
}: {
  form: TUnitForm;
  code: string | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { ft, lang } = useFormText();
  const history = useEntryHistory(form.cycleId, form.unit.id, code);
  const phone = Grid.useBreakpoint().md === false;
  const vctx: ValueContext = {
    lang,
    yes: t('common.yes'),
    no: t('common.no'),
    person: (id) => form.staff.find((s) => s.id === id)?.fullName,
    review: (s) =>
      i18n.exists(`cycleForm.reviewState_${s}`) ? ft(`reviewState_${s}` as FormKey) : undefined,
  };
  const change = (h: THistoryEntry) => `${show(h.field, h.before, vctx)} → ${show(h.field, h.after, vctx)}`;
  const fieldLabel = (field: string) => {
    const key = `field_${field}` as FormKey;
    return i18n.exists(`cycleForm.${key}`) ? ft(key) : field;
  };
  const rows = (history.data?.items ?? []).map((h, i) => ({ ...h, key: i }));
  const columns: TableProps<THistoryEntry & { key: number }>['columns'] = [
    {
      title: ft('historyAt'),
      dataIndex: 'at',
      width: 140,
      render: (d: string) => formatInstant(d),
    },
    {
      title: ft('historyActor'),
      dataIndex: 'actor',
      width: 150,
      render: (a: string | null) => a ?? ft('historySystem'),
    },
    { title: ft('historyField'), dataIndex: 'field', width: 140, render: fieldLabel },
    {
      title: ft('historyChange'),
      key: 'change',
      render: (_: unknown, h) => <span style={{ overflowWrap: 'anywhere' }}>{change(h)}</span>,
    },
    { title: ft('historyReason'), dataIndex: 'reason', width: 180, render: (r: string | null) => r ?? '' },
  ];
  return (
    <Drawer
      open={code !== null}
      onClose={onClose}
      size={Math.min(860, window.innerWidth)}
      title={code ? ft('historyTitle', { code }) : ''}
    >
      {history.isError ? (
        <LoadError error={history.error} onRetry={() => history.refetch()} />
      ) : phone ? (
        <Spin spinning={history.isLoading}>
          {rows.length === 0 && !history.isLoading && <Empty description={ft('historyEmpty')} />}
          <ul className="link-list" data-testid="history-table">
            {rows.map((h) => (
              <li key={h.key}>
                <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.68)' }}>
                  {formatInstant(h.at)} · {h.actor ?? ft('historySystem')}
                </div>
                <div style={{ overflowWrap: 'anywhere' }}>
                  <strong>{fieldLabel(h.field)}:</strong> {change(h)}
                </div>
                {h.reason && <div>{`${ft('historyReason')}: ${h.reason}`}</div>}
              </li>
            ))}
          </ul>
        </Spin>
      ) : (
        <Table
          rowKey="key"
          size="small"
          loading={history.isLoading}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 720 }}
          locale={{ emptyText: <Empty description={ft('historyEmpty')} /> }}
          data-testid="history-table"
        />
      )}
    </Drawer>
  );
}
