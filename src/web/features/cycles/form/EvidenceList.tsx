import { DeleteOutlined, FileOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEvidence } from '../../../../contracts/cycles';
import { formatDate } from '../../../ui/dates';
import { showSuccess } from '../../../ui/feedback';
import { evidenceFileUrl, useDeleteEvidence } from './api';
import { EvidenceModal } from './EvidenceModal';
import { formatSize } from './format';
import { useFormText } from './text';

function EvidenceItem({
  ev,
  href,
  editable,
  onDelete,
  deleting,
}: {
  ev: TEvidence;
  href: string;
  editable: boolean;
  onDelete: () => Promise<unknown>;
  deleting: boolean;
}) {
  const { t } = useTranslation();
  const { ft, lang } = useFormText();
  return (
    <li data-testid={`evidence-${ev.id}`}>
      <Flex justify="space-between" align="start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>
            {ft('evidenceDoc', { number: ev.docNumber, date: formatDate(ev.docDate) })}
          </Typography.Text>
          <div style={{ overflowWrap: 'anywhere' }}>{ev.summary}</div>
          {ev.file && (
            <a
              href={href}
              download={ev.file.filename}
              aria-label={ft('download', { name: ev.file.filename })}
            >
              <FileOutlined aria-hidden /> {ev.file.filename} ({formatSize(ev.file.size, lang)})
            </a>
          )}
          {ev.url && (
            <a href={ev.url} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
              <LinkOutlined aria-hidden /> {ev.url}
            </a>
          )}
        </div>
        {editable && (
          <Popconfirm
            title={ft('deleteEvidenceConfirm', { doc: ev.docNumber })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, loading: deleting }}
            onConfirm={onDelete}
          >
            <Button
              type="text"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={ft('deleteEvidence', { doc: ev.docNumber })}
            />
          </Popconfirm>
        )}
      </Flex>
    </li>
  );
}

/** The indicator's evidence entries, with add (file or link) and delete where the unit may change them. */
export function EvidenceList({
  cycleId,
  unitId,
  code,
  items,
  editable,
}: {
  cycleId: string;
  unitId: string;
  code: string;
  items: TEvidence[];
  editable: boolean;
}) {
  const { ft } = useFormText();
  const [adding, setAdding] = useState(false);
  const remove = useDeleteEvidence(cycleId, unitId, code);
  const headingId = `evidence-heading-${code}`;
  return (
    <div style={{ marginTop: 12 }}>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 4 }}>
        <h4 id={headingId} style={{ margin: 0, fontSize: 14 }}>
          {ft('evidenceCount', { count: items.length })}
        </h4>
        {editable && (
          <Button
            size="small"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setAdding(true)}
            aria-label={ft('addEvidenceFor', { code })}
            data-testid={`add-evidence-${code}`}
          >
            {ft('addEvidence')}
          </Button>
        )}
      </Flex>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{ft('evidenceEmpty')}</Typography.Text>
      ) : (
        <ul className="link-list">
          {items.map((ev) => (
            <EvidenceItem
              key={ev.id}
              ev={ev}
              href={evidenceFileUrl(cycleId, unitId, ev.id)}
              editable={editable}
              deleting={remove.isPending && remove.variables === ev.id}
              onDelete={() =>
                remove
                  .mutateAsync(ev.id)
                  .then(() => showSuccess(ft('evidenceDeleted')))
                  .catch(() => undefined)
              }
            />
          ))}
        </ul>
      )}
      {editable && (
        <EvidenceModal
          cycleId={cycleId}
          unitId={unitId}
          code={code}
          open={adding}
          onClose={() => setAdding(false)}
        />
      )}
    </div>
  );
}
