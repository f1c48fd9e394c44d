import {
  Alert,
  Breadcrumb,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Row,
  Select,
  Table,
  type TableProps,
  Tag,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { TFrameworkVersion, TNodeChange } from '../../../contracts/frameworks';
import { LoadError } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';
import { useFrameworkDiff, useFrameworks } from './api';
import { FrameworkTags, ToneTag } from './FrameworkTags';

type Change = TNodeChange & { status: 'added' | 'removed' | 'renamed' | 'changed' };
const COLORS = { added: 'green', removed: 'red', renamed: 'purple', changed: 'orange' } as const;
const BG = { added: '#f6ffed', removed: '#fff1f0', renamed: '#f9f0ff', changed: '#fff7e6' } as const;

/** Two versions side by side: nodes added, removed, renamed and changed. */
export function ComparePage() {
  const { t } = useTranslation();
  usePageTitle(t('frameworks.compareTitle'));
  const [sp, setSp] = useSearchParams();
  const from = sp.get('from') ?? undefined;
  const to = sp.get('to') ?? undefined;
  const versions = useFrameworks({ page: 1, pageSize: 200 });
  const diff = useFrameworkDiff(from, to);

  const label = (v: TFrameworkVersion) =>
    `${v.name} — ${v.year} — ${t('frameworks.versionNo', { n: v.versionNo })}`;
  const options = (versions.data?.items ?? []).map((v) => ({ value: v.id, label: label(v) }));
  const pick = (key: 'from' | 'to', id: string | undefined) => {
    const next = new URLSearchParams(sp);
    if (id) next.set(key, id);
    else next.delete(key);
    setSp(next, { replace: true });
  };

  const d = diff.data;
  const rows: Change[] = d
    ? [
        ...d.removed.map((c) => ({ ...c, status: 'removed' as const })),
        ...d.renamed.map((c) => ({ ...c, status: 'renamed' as const })),
        ...d.changed.map((c) => ({ ...c, status: 'changed' as const })),
        ...d.added.map((c) => ({ ...c, status: 'added' as const })),
      ]
    : [];
  const columns: TableProps<Change>['columns'] = [
    {
      title: t('frameworks.diffStatus'),
      dataIndex: 'status',
      className: 'nowrap',
      render: (s: Change['status']) => <ToneTag tone={COLORS[s]}>{t(`frameworks.diff_${s}`)}</ToneTag>,
    },
    {
      title: d ? t('frameworks.diffOld', { year: d.from.year, n: d.from.versionNo }) : '',
      key: 'old',
      render: (_: unknown, c) =>
        c.status === 'added' ? (
          '—'
        ) : (
          <span>
            <strong>{c.oldCode ?? c.code}</strong> {c.oldName ?? c.name}
          </span>
        ),
    },
    {
      title: d ? t('frameworks.diffNew', { year: d.to.year, n: d.to.versionNo }) : '',
      key: 'new',
      render: (_: unknown, c) =>
        c.status === 'removed' ? (
          '—'
        ) : (
          <span>
            <strong>{c.code}</strong> {c.name}
          </span>
        ),
    },
    {
      title: t('frameworks.diffFields'),
      dataIndex: 'fields',
      render: (fields: string[]) =>
        fields.map((f) => <Tag key={f}>{t(`frameworks.field_${f}`, { defaultValue: f })}</Tag>),
    },
  ];

  return (
    <div className="page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/dti/frameworks">{t('frameworks.title')}</Link> },
          { title: t('frameworks.compareTitle') },
        ]}
      />
      <h1 className="page-title" style={{ marginBottom: 16 }}>
        {t('frameworks.compareTitle')}
      </h1>
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Row gutter={16}>
            {(['from', 'to'] as const).map((key) => (
              <Col xs={24} md={12} key={key}>
                <Form.Item
                  label={t(key === 'from' ? 'frameworks.compareFrom' : 'frameworks.compareTo')}
                  htmlFor={`cmp-${key}`}
                >
                  <Select
                    id={`cmp-${key}`}
                    showSearch={{ optionFilterProp: 'label' }}
                    allowClear
                    loading={versions.isPending}
                    value={key === 'from' ? from : to}
                    onChange={(id) => pick(key, id)}
                    options={options}
                    placeholder={t('frameworks.comparePick')}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Form>
        {d && (
          <Row gutter={16}>
            {[d.from, d.to].map((v) => (
              <Col xs={24} md={12} key={v.id}>
                <Link to={`/dti/frameworks/${v.id}`}>{label(v)}</Link>{' '}
                <FrameworkTags illustrative={v.illustrative} lockedAt={v.lockedAt} />
                <div>{t('frameworks.compareTotals', { nodes: v.nodeCount, total: v.totalMax })}</div>
              </Col>
            ))}
          </Row>
        )}
      </Card>
      {!from || !to ? (
        <Card>
          <Empty description={t('frameworks.comparePickBoth')} />
        </Card>
      ) : diff.isError ? (
        <LoadError error={diff.error} onRetry={() => diff.refetch()} />
      ) : (
        <Card>
          {d && (
            <Flex gap={8} wrap style={{ marginBottom: 12 }} aria-live="polite">
              {(['added', 'removed', 'renamed', 'changed'] as const).map((s) => (
                <ToneTag key={s} tone={COLORS[s]}>
                  {t(`frameworks.diff_${s}`)}: {d[s].length}
                </ToneTag>
              ))}
            </Flex>
          )}
          {d && d.setFields.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('frameworks.setFieldsChanged', {
                fields: d.setFields.map((f) => t(`frameworks.set_${f}`, { defaultValue: f })).join(', '),
              })}
            />
          )}
          {d && rows.length === 0 ? (
            <Alert type="success" showIcon title={t('frameworks.diffNone')} />
          ) : (
            <Table<Change>
              rowKey={(c) => `${c.status}-${c.code}`}
              size="small"
              loading={diff.isFetching}
              columns={columns}
              dataSource={rows}
              pagination={false}
              aria-label={t('frameworks.compareTitle')}
              onRow={(c) => ({ style: { background: BG[c.status] } })}
            />
          )}
        </Card>
      )}
    </div>
  );
}
