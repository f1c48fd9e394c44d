import {
  CopyOutlined,
  DiffOutlined,
  DownloadOutlined,
  LockOutlined,
  PlusOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Descriptions, Dropdown, Flex, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TFrameworkNode } from '../../../contracts/frameworks';
import { useHasRole } from '../../backend/session';
import { showError, showSuccess } from '../../ui/feedback';
import { LoadError, PageLoading } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';
import { exportJsonUrl, exportXlsxUrl, useDeleteNode, useFramework, useMoveNode } from './api';
import { CloneModal } from './CloneModal';
import { FrameworkMetaDrawer } from './FrameworkMetaDrawer';
import { FrameworkTags, formatPoints } from './FrameworkTags';
import { NodeEditorDrawer, type NodeTarget } from './NodeEditorDrawer';
import { NodeTreeTable } from './NodeTreeTable';
import { ValidationPanel } from './ValidationPanel';

/** One version: its tree, totals and validation; editable unless locked. */
export function FrameworkPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const query = useFramework(id);
  const v = query.data;
  usePageTitle(v?.name ?? t('frameworks.title'));
  const canWrite = useHasRole('admin', 'organiser');
  const editable = canWrite && Boolean(v) && !v?.lockedAt;
  const [target, setTarget] = useState<NodeTarget | null>(null);
  const [cloning, setCloning] = useState(false);
  const [editingMeta, setEditingMeta] = useState(false);
  const del = useDeleteNode(id);
  const move = useMoveNode(id);

  if (query.isPending) return <PageLoading />;
  if (!v) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  const pts = (n: number) => formatPoints(n, i18n.language);

  const actions = editable
    ? {
        addChild: (parent: TFrameworkNode) => setTarget({ mode: 'add', parent }),
        move: (node: TFrameworkNode, delta: -1 | 1) => {
          const parentCode = findParent(v.document.nodes, node.code);
          const siblings = parentCode
            ? (findNode(v.document.nodes, parentCode)?.children ?? [])
            : v.document.nodes;
          const index = siblings.findIndex((s) => s.code === node.code) + delta;
          move.mutate({ code: node.code, to: { parentCode, index } }, { onError: showError });
        },
        remove: (node: TFrameworkNode) =>
          del.mutate(node.code, {
            onSuccess: () => showSuccess(t('frameworks.deleted', { code: node.code })),
            onError: showError,
          }),
      }
    : undefined;

  return (
    <div className="page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/dti/frameworks">{t('frameworks.title')}</Link> }, { title: v.name }]}
      />
      <div className="page-header">
        <div>
          <h1 className="page-title" style={{ marginBottom: 4 }}>
            {v.name}
          </h1>
          <FrameworkTags illustrative={v.illustrative} lockedAt={v.lockedAt} lockedReason={v.lockedReason} />
        </div>
        <Flex gap={8} wrap>
          {editable && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setTarget({ mode: 'add', parent: null })}
            >
              {t('frameworks.addTop')}
            </Button>
          )}
          <Button icon={<SettingOutlined />} onClick={() => setEditingMeta(true)}>
            {t('frameworks.metaOpen')}
          </Button>
          {canWrite && (
            <Button icon={<CopyOutlined />} onClick={() => setCloning(true)}>
              {t('frameworks.clone')}
            </Button>
          )}
          <Button
            icon={<DiffOutlined />}
            onClick={() =>
              navigate(`/dti/frameworks/compare?${v.basedOnId ? `from=${v.basedOnId}&` : ''}to=${v.id}`)
            }
          >
            {t('frameworks.compare')}
          </Button>
          <Dropdown
            menu={{
              items: [
                {
                  key: 'xlsx',
                  label: (
                    <a href={exportXlsxUrl(v.id)} download>
                      {t('frameworks.exportExcel')}
                    </a>
                  ),
                },
                {
                  key: 'json',
                  label: (
                    <a href={exportJsonUrl(v.id)} download>
                      {t('frameworks.exportJson')}
                    </a>
                  ),
                },
              ],
            }}
          >
            <Button icon={<DownloadOutlined />}>{t('frameworks.export')}</Button>
          </Dropdown>
        </Flex>
      </div>
      {v.lockedAt && (
        <Alert
          type="info"
          showIcon
          icon={<LockOutlined />}
          style={{ marginBottom: 16 }}
          title={t('frameworks.lockedTitle')}
          description={t('frameworks.lockedText', { reason: v.lockedReason ?? '' })}
        />
      )}
      {v.illustrative && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('frameworks.illustrativeHelp')}
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={24} wrap align="flex-start">
          <Statistic
            title={t('frameworks.totalOfNodes')}
            value={pts(v.totalMax)}
            styles={{ content: { color: v.totalMax === v.nominalMax ? undefined : '#cf1322' } }}
          />
          <Statistic title={t('frameworks.nominalMax')} value={pts(v.nominalMax)} />
          <Statistic title={t('frameworks.nodeCount')} value={v.nodeCount} />
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            style={{ flex: '1 1 320px' }}
            items={[
              { key: 'year', label: t('frameworks.year'), children: v.year },
              { key: 'level', label: t('frameworks.level'), children: t(`frameworks.level_${v.level}`) },
              {
                key: 'ver',
                label: t('frameworks.version'),
                children: t('frameworks.versionNo', { n: v.versionNo }),
              },
              { key: 'code', label: t('frameworks.code'), children: v.code },
              ...(v.document.source
                ? [{ key: 'src', label: t('frameworks.source'), children: v.document.source, span: 2 }]
                : []),
              ...(v.basedOn
                ? [
                    {
                      key: 'based',
                      label: t('frameworks.basedOn'),
                      span: 2,
                      children: (
                        <Link to={`/dti/frameworks/${v.basedOn.id}`}>
                          {v.basedOn.name} ({v.basedOn.year},{' '}
                          {t('frameworks.versionNo', { n: v.basedOn.versionNo })})
                        </Link>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Flex>
      </Card>
      <div style={{ marginBottom: 16 }}>
        <ValidationPanel errors={v.validation.errors} warnings={v.validation.warnings} />
      </div>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('frameworks.treeTitle')}</h2>}>
        <NodeTreeTable
          nodes={v.document.nodes}
          onOpen={(node) => setTarget({ mode: 'edit', node })}
          actions={actions}
          busy={move.isPending || del.isPending}
        />
      </Card>
      <NodeEditorDrawer
        frameworkId={v.id}
        level={v.level}
        groups={v.document.groups}
        target={target}
        readOnly={!editable}
        onClose={() => setTarget(null)}
      />
      <FrameworkMetaDrawer
        version={v}
        open={editingMeta}
        readOnly={!editable}
        onClose={() => setEditingMeta(false)}
      />
      {canWrite && <CloneModal open={cloning} version={v} onClose={() => setCloning(false)} />}
    </div>
  );
}

function findNode(nodes: TFrameworkNode[], code: string): TFrameworkNode | undefined {
  for (const n of nodes) {
    if (n.code === code) return n;
    const found = n.children && findNode(n.children, code);
    if (found) return found;
  }
  return undefined;
}

function findParent(nodes: TFrameworkNode[], code: string, parent: string | null = null): string | null {
  for (const n of nodes) {
    if (n.code === code) return parent;
    if (n.children) {
      const found = findParent(n.children, code, n.code);
      if (found !== null) return found;
    }
  }
  return null;
}
