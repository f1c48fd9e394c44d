import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Button, Popconfirm, Table, type TableProps, Tag, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFrameworkNode } from '../../../contracts/frameworks';
import { formatPoints, ToneTag } from './FrameworkTags';

export interface NodeActions {
  addChild(parent: TFrameworkNode): void;
  move(node: TFrameworkNode, delta: -1 | 1): void;
  remove(node: TFrameworkNode): void;
}

interface Row extends Omit<TFrameworkNode, 'children'> {
  children?: Row[];
  parentCode: string | null;
  position: number;
  siblingCount: number;
  childSum: number | null;
}

function toRows(nodes: TFrameworkNode[], parentCode: string | null): Row[] {
  return nodes.map((n, i) => {
    const kids = n.children ?? [];
    return {
      ...n,
      parentCode,
      position: i,
      siblingCount: nodes.length,
      childSum: kids.length > 0 ? kids.reduce((s, c) => s + c.maxPoints, 0) : null,
      children: kids.length > 0 ? toRows(kids, n.code) : undefined,
    };
  });
}

function parentCodes(nodes: TFrameworkNode[]): string[] {
  return nodes.flatMap((n) => (n.children?.length ? [n.code, ...parentCodes(n.children)] : []));
}

const mismatch = (r: Row) => r.childSum !== null && Math.abs(r.childSum - r.maxPoints) > 1e-9;

/** The tree of a version: per node its maximum against the sum of its children, rule and applicability. */
export function NodeTreeTable({
  nodes,
  onOpen,
  actions,
  busy,
}: {
  nodes: TFrameworkNode[];
  /** Opens a node: its editor, or its details when read-only. */
  onOpen: (node: TFrameworkNode) => void;
  /** Absent: read-only. */
  actions?: NodeActions;
  busy?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const rows = useMemo(() => toRows(nodes, null), [nodes]);
  const allParents = useMemo(() => parentCodes(nodes), [nodes]);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const pts = (n: number) => formatPoints(n, i18n.language);

  const columns: TableProps<Row>['columns'] = [
    { title: t('frameworks.nodeCode'), dataIndex: 'code', className: 'nowrap', width: 130 },
    {
      title: t('frameworks.nodeName'),
      dataIndex: 'name',
      width: 420,
      render: (name: string, r) => (
        <span>
          <Tag style={{ marginInlineEnd: 6 }}>{t(`frameworks.kind_${r.kind}`)}</Tag>
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
            onClick={() => onOpen(r as TFrameworkNode)}
          >
            {name}
          </Button>
        </span>
      ),
    },
    {
      title: t('frameworks.maxPoints'),
      dataIndex: 'maxPoints',
      align: 'right',
      className: 'nowrap',
      render: (m: number) => <strong>{pts(m)}</strong>,
    },
    {
      title: t('frameworks.childSum'),
      key: 'childSum',
      align: 'right',
      className: 'nowrap',
      render: (_: unknown, r) =>
        r.childSum === null ? (
          ''
        ) : mismatch(r) ? (
          <Tooltip title={t('frameworks.sumMismatch', { sum: pts(r.childSum), max: pts(r.maxPoints) })}>
            <span className="fw-mismatch" style={{ color: '#cf1322', fontWeight: 600 }}>
              <WarningOutlined aria-hidden /> {pts(r.childSum)} ≠ {pts(r.maxPoints)}
            </span>
          </Tooltip>
        ) : (
          <span style={{ color: '#237804' }}>{pts(r.childSum)}</span>
        ),
    },
    {
      title: t('frameworks.ruleType'),
      key: 'rule',
      responsive: ['md'],
      className: 'nowrap',
      render: (_: unknown, r) =>
        r.rule ? (
          <ToneTag tone="blue">{t(`frameworks.rule_${r.rule.type}`)}</ToneTag>
        ) : r.children ? (
          ''
        ) : (
          <ToneTag tone="red">{t('frameworks.noRule')}</ToneTag>
        ),
    },
    {
      title: t('frameworks.applicability'),
      key: 'applicability',
      responsive: ['lg'],
      render: (_: unknown, r) => {
        const a = r.applicability;
        const parts = [
          ...(a?.levels ?? []).map((l) => t(`frameworks.level_${l}`)),
          ...(a?.groups?.length ? [t('frameworks.groupsShort', { groups: a.groups.join(', ') })] : []),
        ];
        return (
          <span>
            {parts.length ? parts.join('; ') : t('frameworks.appliesAll')}
            {r.mayBeNotApplicable ? ` · ${t('frameworks.mayBeNaShort')}` : ''}
          </span>
        );
      },
    },
  ];
  if (actions) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      className: 'nowrap',
      render: (_: unknown, r) => (
        <span>
          <Tooltip title={t('common.edit')}>
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              aria-label={`${t('common.edit')} ${r.code}`}
              onClick={() => onOpen(r as TFrameworkNode)}
            />
          </Tooltip>
          <Tooltip title={t('frameworks.addChild')}>
            <Button
              size="small"
              type="text"
              icon={<PlusOutlined />}
              aria-label={`${t('frameworks.addChild')} ${r.code}`}
              onClick={() => actions.addChild(r as TFrameworkNode)}
              disabled={r.kind === 'criterion'}
            />
          </Tooltip>
          <Tooltip title={t('frameworks.moveUp')}>
            <Button
              size="small"
              type="text"
              icon={<ArrowUpOutlined />}
              aria-label={`${t('frameworks.moveUp')} ${r.code}`}
              disabled={busy || r.position === 0}
              onClick={() => actions.move(r as TFrameworkNode, -1)}
            />
          </Tooltip>
          <Tooltip title={t('frameworks.moveDown')}>
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              aria-label={`${t('frameworks.moveDown')} ${r.code}`}
              disabled={busy || r.position === r.siblingCount - 1}
              onClick={() => actions.move(r as TFrameworkNode, 1)}
            />
          </Tooltip>
          <Popconfirm
            title={t('frameworks.deleteConfirm', { code: r.code })}
            description={r.children ? t('frameworks.deleteWithChildren') : undefined}
            okText={t('frameworks.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => actions.remove(r as TFrameworkNode)}
          >
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={`${t('frameworks.delete')} ${r.code}`}
            />
          </Popconfirm>
        </span>
      ),
    });
  }

  return (
    <Table<Row>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      aria-label={t('frameworks.treeLabel')}
      onRow={(r) => (mismatch(r) ? { style: { background: '#fff1f0' } } : {})}
      expandable={{
        expandedRowKeys: allParents.filter((c) => !collapsed.has(c)),
        onExpand: (open, r) =>
          setCollapsed((prev) => {
            const next = new Set(prev);
            if (open) next.delete(r.code);
            else next.add(r.code);
            return next;
          }),
      }}
    />
  );
}
