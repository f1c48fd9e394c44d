import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCycleDetail } from '../../../../contracts/cycles';
import { ToneTag } from '../../proctor/ToneTag';
import { WindowStateTag } from '../CycleTags';
import { formatVnDateTime } from '../domain';
import type { CycleWindow, TWindowStatus } from '../types';
import { EditWindowsModal } from './EditWindowsModal';
import { ExtensionModal } from './ExtensionModal';

type Extension = TCycleDetail['extensions'][number];

/** The five stages with their state now, and the per-unit extensions (gia hạn). */
export function ScheduleTab({ cycle, canWrite }: { cycle: TCycleDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [extending, setExtending] = useState(false);

  return (
    <Flex vertical gap={16}>
      <section aria-labelledby="windows-title">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={2} id="windows-title" style={{ fontSize: 18, margin: 0 }}>
            {t('cycles.windows')}
          </Typography.Title>
          {canWrite && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="windows-edit">
              {t('cycles.editWindows')}
            </Button>
          )}
        </Flex>
        <Table<TWindowStatus>
          rowKey="window"
          size="small"
          style={{ marginTop: 8 }}
          dataSource={cycle.windowStatus}
          pagination={false}
          scroll={{ x: 560 }}
          columns={[
            {
              title: t('cycles.stage'),
              dataIndex: 'window',
              render: (w: CycleWindow) => t(`cycles.window_${w}`),
            },
            { title: t('cycles.opensAt'), dataIndex: 'opensAt', width: 160, render: formatVnDateTime },
            { title: t('cycles.closesAt'), dataIndex: 'closesAt', width: 160, render: formatVnDateTime },
            {
              title: t('cycles.status'),
              dataIndex: 'state',
              width: 170,
              render: (s: TWindowStatus['state'], r) => (
                <>
                  <WindowStateTag state={s} />
                  {r.extended && <ToneTag tone="blue">{t('cycles.extended')}</ToneTag>}
                </>
              ),
            },
          ]}
        />
      </section>
      <section aria-labelledby="extensions-title">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={2} id="extensions-title" style={{ fontSize: 18, margin: 0 }}>
            {t('cycles.extensions')}
          </Typography.Title>
          {canWrite && (
            <Button icon={<PlusOutlined />} onClick={() => setExtending(true)} data-testid="extension-add">
              {t('cycles.addExtension')}
            </Button>
          )}
        </Flex>
        <Table<Extension>
          rowKey={(e) => `${e.unitId}-${e.window}-${e.until}`}
          size="small"
          style={{ marginTop: 8 }}
          dataSource={cycle.extensions}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 720 }}
          locale={{ emptyText: <Empty description={t('cycles.extensionsEmpty')} /> }}
          columns={[
            { title: t('cycles.unit'), dataIndex: 'unitName' },
            {
              title: t('cycles.stage'),
              dataIndex: 'window',
              width: 220,
              render: (w: CycleWindow) => t(`cycles.window_${w}`),
            },
            { title: t('cycles.extensionUntil'), dataIndex: 'until', width: 160, render: formatVnDateTime },
            { title: t('cycles.reason'), dataIndex: 'reason' },
          ]}
        />
      </section>
      {canWrite && (
        <EditWindowsModal
          key={String(editing)}
          cycle={cycle}
          open={editing}
          onClose={() => setEditing(false)}
        />
      )}
      {canWrite && (
        <ExtensionModal
          key={String(extending)}
          cycle={cycle}
          open={extending}
          onClose={() => setExtending(false)}
        />
      )}
    </Flex>
  );
}
