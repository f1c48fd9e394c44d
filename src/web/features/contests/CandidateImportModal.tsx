import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCandidateImportError, TCandidateImportResult } from '../../../contracts/contests';
import { ApiError } from '../../backend/client';
import { errorText, showSuccess } from '../../ui/feedback';
import { importCandidates, templateUrl } from './api';

const rowErrorsOf = (err: unknown): TCandidateImportError[] | null =>
  err instanceof ApiError && err.code === 'import_invalid' && Array.isArray(err.details)
    ? (err.details as TCandidateImportError[])
    : null;

/** Upload → check (dry run) → preview with the numbers to be given → confirm → import. */
export function CandidateImportModal({
  contestId,
  open,
  onClose,
}: {
  contestId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TCandidateImportResult | null>(null);
  const [rowErrors, setRowErrors] = useState<TCandidateImportError[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setRowErrors(null);
    setFailure(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const run = useMutation({
    meta: { handlesError: true },
    mutationFn: ({ f, dryRun }: { f: File; dryRun: boolean }) => importCandidates(contestId, f, dryRun),
    onSuccess: (result) => {
      if (result.dryRun) return setPreview(result);
      showSuccess(t('contests.imported', { count: result.imported }));
      void qc.invalidateQueries({ queryKey: ['contests'] });
      close();
    },
    onError: (err) => {
      const rows = rowErrorsOf(err);
      if (rows) setRowErrors(rows);
      setFailure(errorText(err));
    },
  });

  const confirm = () => {
    if (!file || !preview) return;
    modal.confirm({
      title: t('contests.importConfirm', { count: preview.total }),
      okText: t('contests.confirmImport', { count: preview.total }),
      cancelText: t('common.cancel'),
      onOk: () => run.mutateAsync({ f: file, dryRun: false }).catch(() => undefined),
    });
  };

  return (
    <Modal
      open={open}
      title={t('contests.importTitle')}
      onCancel={close}
      footer={null}
      width={960}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('contests.importIntro')}</Typography.Paragraph>
        <div>
          <Button icon={<DownloadOutlined />} href={templateUrl(contestId)} download>
            {t('contests.template')}
          </Button>
        </div>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            reset();
            setFile(f);
            return false;
          }}
        >
          <p style={{ fontSize: 28, margin: 0, color: '#1456b8' }}>
            <InboxOutlined aria-hidden />
          </p>
          <p style={{ margin: 0 }}>
            {file ? t('contests.chosen', { name: file.name }) : t('contests.chooseFile')}
          </p>
        </Upload.Dragger>
        <Flex gap={8} wrap>
          <Button
            type={preview ? 'default' : 'primary'}
            disabled={!file}
            loading={run.isPending && !preview}
            onClick={() => {
              if (!file) return;
              setPreview(null);
              setRowErrors(null);
              setFailure(null);
              run.mutate({ f: file, dryRun: true });
            }}
          >
            {t('contests.checkFile')}
          </Button>
          {preview && (
            <Button type="primary" loading={run.isPending} onClick={confirm}>
              {t('contests.confirmImport', { count: preview.total })}
            </Button>
          )}
        </Flex>
        {failure && <Alert type="error" showIcon role="alert" title={failure} />}
        {rowErrors && rowErrors.length > 0 && (
          <Table<TCandidateImportError>
            size="small"
            rowKey={(e) => `${e.rowNumber}-${e.column}-${e.message}`}
            title={() => t('contests.rowErrors')}
            dataSource={rowErrors}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 600 }}
            columns={[
              { title: t('contests.row'), dataIndex: 'rowNumber', width: 70 },
              { title: t('contests.column'), dataIndex: 'column', width: 200 },
              { title: t('contests.problem'), dataIndex: 'message' },
            ]}
          />
        )}
        {preview && (
          <Table
            size="small"
            rowKey="rowNumber"
            title={() => t('contests.previewTitle', { count: preview.total })}
            dataSource={preview.preview}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 800 }}
            columns={[
              { title: t('contests.row'), dataIndex: 'rowNumber', width: 60 },
              { title: t('contests.number'), dataIndex: 'number', width: 110 },
              { title: t('contests.fullName'), dataIndex: 'fullName' },
              { title: t('contests.unit'), dataIndex: 'unitName' },
              {
                title: t('contests.level'),
                dataIndex: 'level',
                render: (l: 'so' | 'huyen' | 'xa') => t(`contests.level_${l}`),
              },
              {
                title: t('contests.session'),
                dataIndex: 'sessionName',
                render: (s: string | null) => s ?? '—',
              },
              { title: t('contests.extraMinutes'), dataIndex: 'extraMinutes', width: 90 },
            ]}
          />
        )}
      </Flex>
    </Modal>
  );
}
