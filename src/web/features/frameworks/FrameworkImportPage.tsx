import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Flex, Result, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TFrameworkImportError, TFrameworkImportResult } from '../../../contracts/frameworks';
import { ApiError } from '../../backend/client';
import { errorText } from '../../ui/feedback';
import { usePageTitle } from '../../ui/usePageTitle';
import { IMPORT_TEMPLATE_URL, importFramework } from './api';

function fileErrors(err: unknown): TFrameworkImportError[] | null {
  if (!(err instanceof ApiError) || err.code !== 'import_invalid' || !Array.isArray(err.details)) return null;
  return err.details as TFrameworkImportError[];
}

/** Upload → check (every error by sheet, row and column) → confirm → a new version. All or nothing. */
export function FrameworkImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('frameworks.importTitle'));
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TFrameworkImportResult | null>(null);
  const [errors, setErrors] = useState<TFrameworkImportError[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<TFrameworkImportResult | null>(null);

  const run = useMutation({
    meta: { handlesError: true },
    mutationFn: ({ f, dryRun }: { f: File; dryRun: boolean }) => importFramework(f, dryRun),
    onSuccess: (r) => {
      if (r.dryRun) return setPreview(r);
      setDone(r);
      void queryClient.invalidateQueries({ queryKey: ['frameworks'] });
    },
    onError: (err) => {
      const list = fileErrors(err);
      if (list) setErrors(list);
      else setFailure(errorText(err));
    },
  });

  const reset = () => {
    setPreview(null);
    setErrors(null);
    setFailure(null);
    setDone(null);
  };

  const confirm = () => {
    if (!file || !preview) return;
    modal.confirm({
      title: t('frameworks.importConfirm'),
      content: t('frameworks.importConfirmText', {
        n: preview.versionNo,
        code: preview.code,
        year: preview.year,
        nodes: preview.nodeCount,
      }),
      okText: t('frameworks.importConfirm'),
      cancelText: t('common.cancel'),
      onOk: () => run.mutateAsync({ f: file, dryRun: false }).catch(() => undefined),
    });
  };

  return (
    <div className="page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/dti/frameworks">{t('frameworks.title')}</Link> },
          { title: t('frameworks.importTitle') },
        ]}
      />
      <h1 className="page-title" style={{ marginBottom: 16 }}>
        {t('frameworks.importTitle')}
      </h1>
      <Card>
        {done?.id ? (
          <Result
            status="success"
            title={<h2 style={{ margin: 0, fontSize: 20 }}>{t('frameworks.importDone')}</h2>}
            subTitle={`${done.name} — ${done.year} — ${t('frameworks.versionNo', { n: done.versionNo })}`}
            extra={[
              <Button key="open" type="primary" onClick={() => navigate(`/dti/frameworks/${done.id}`)}>
                {t('frameworks.importOpen')}
              </Button>,
            ]}
          />
        ) : (
          <Flex vertical gap={16}>
            <Typography.Paragraph style={{ margin: 0 }}>{t('frameworks.importIntro')}</Typography.Paragraph>
            <div>
              <Button icon={<DownloadOutlined />} href={IMPORT_TEMPLATE_URL} download>
                {t('frameworks.importTemplate')}
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
              <p style={{ fontSize: 32, margin: 0, color: '#1456b8' }}>
                <InboxOutlined aria-hidden />
              </p>
              <p style={{ margin: 0 }}>
                {file ? t('frameworks.fileChosen', { name: file.name }) : t('frameworks.importChoose')}
              </p>
            </Upload.Dragger>
            <Flex gap={8} wrap>
              <Button
                type={preview ? 'default' : 'primary'}
                disabled={!file}
                loading={run.isPending && !preview}
                onClick={() => {
                  if (!file) return;
                  reset();
                  run.mutate({ f: file, dryRun: true });
                }}
              >
                {t('frameworks.importCheck')}
              </Button>
              {preview && (
                <Button type="primary" loading={run.isPending} onClick={confirm}>
                  {t('frameworks.importConfirm')}
                </Button>
              )}
            </Flex>
            {failure && <Alert type="error" showIcon role="alert" title={failure} />}
            {errors && (
              <>
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  title={t('frameworks.importErrors', { count: errors.length })}
                  description={t('frameworks.importErrorsHelp')}
                />
                <Table<TFrameworkImportError>
                  rowKey={(e) => `${e.sheet}-${e.row}-${e.column}-${e.message}`}
                  size="small"
                  pagination={errors.length > 50 ? { pageSize: 50 } : false}
                  dataSource={errors}
                  scroll={{ x: 'max-content' }}
                  aria-label={t('frameworks.importErrors', { count: errors.length })}
                  columns={[
                    { title: t('frameworks.sheet'), dataIndex: 'sheet' },
                    {
                      title: t('frameworks.row'),
                      dataIndex: 'row',
                      align: 'right',
                      render: (r: number | null) => r || '',
                    },
                    {
                      title: t('frameworks.column'),
                      dataIndex: 'column',
                      render: (c: string | null) => c ?? '',
                    },
                    { title: t('frameworks.message'), dataIndex: 'message' },
                  ]}
                />
              </>
            )}
            {preview && (
              <Alert
                type="success"
                showIcon
                title={t('frameworks.importPreview', {
                  name: preview.name,
                  year: preview.year,
                  nodes: preview.nodeCount,
                  total: preview.totalMax,
                  n: preview.versionNo,
                })}
                description={
                  preview.warnings.length > 0
                    ? preview.warnings.map((w) => (
                        <div key={`${w.path}${w.message}`}>
                          {w.path}: {w.message}
                        </div>
                      ))
                    : undefined
                }
              />
            )}
          </Flex>
        )}
      </Card>
    </div>
  );
}
