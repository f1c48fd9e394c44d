import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Flex, Result, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TImportResult, TImportRowError } from '../../../../contracts/units';
import { errorText } from '../../../ui/feedback';
import { usePageTitle } from '../../../ui/usePageTitle';
import { TEMPLATE_URL } from '../api';
import { ImportErrorsTable, ImportPreviewTable } from './ImportTables';
import { importRowErrors, importUnits } from './importUnits';

/** Upload → dry run → preview → confirm → import. Nothing is imported while any row is wrong. */
export function UnitImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('import.title'));
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TImportResult | null>(null);
  const [rowErrors, setRowErrors] = useState<TImportRowError[] | null>(null);
  const [done, setDone] = useState<TImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = useMutation({
    meta: { handlesError: true },
    mutationFn: ({ f, dryRun }: { f: File; dryRun: boolean }) => importUnits(f, dryRun),
    onSuccess: (result) => {
      if (result.dryRun) return setPreview(result);
      setDone(result);
      void queryClient.invalidateQueries({ queryKey: ['units'] });
    },
    onError: (err) => {
      const rows = importRowErrors(err);
      if (rows) setRowErrors(rows);
      else setFailure(errorText(err));
    },
  });

  const reset = () => {
    setFile(null);
    setPreview(null);
    setRowErrors(null);
    setDone(null);
    setFailure(null);
  };

  // Any file is sent: the server checks the type and answers 415 with its own message.
  const choose = (f: File) => {
    reset();
    setFile(f);
    return false; // keep the file here; it is sent by "Kiểm tra tệp"
  };

  const confirmImport = () => {
    if (!file || !preview) return;
    modal.confirm({
      title: t('import.confirmTitle', { count: preview.total }),
      content: t('import.confirmText'),
      okText: t('import.confirm', { count: preview.total }),
      cancelText: t('common.cancel'),
      onOk: () => run.mutateAsync({ f: file, dryRun: false }).catch(() => undefined),
    });
  };

  const step = done ? 2 : preview ? 1 : 0;
  return (
    <div className="page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/units">{t('units.title')}</Link> }, { title: t('import.title') }]}
      />
      <h1 className="page-title" style={{ marginBottom: 16 }}>
        {t('import.title')}
      </h1>
      <Card>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('import.stepUpload') },
            { title: t('import.stepPreview') },
            { title: t('import.stepDone') },
          ]}
        />
        {done ? (
          <Result
            status="success"
            title={<h2 style={{ margin: 0, fontSize: 20 }}>{t('import.done', { count: done.imported })}</h2>}
            extra={[
              <Button key="list" type="primary" onClick={() => navigate('/units')}>
                {t('import.backToList')}
              </Button>,
              <Button key="again" onClick={reset}>
                {t('import.startOver')}
              </Button>,
            ]}
          />
        ) : (
          <Flex vertical gap={16}>
            <Typography.Paragraph style={{ margin: 0 }}>{t('import.intro')}</Typography.Paragraph>
            <div>
              <Button icon={<DownloadOutlined />} href={TEMPLATE_URL} download>
                {t('import.template')}
              </Button>
            </div>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              showUploadList={false}
              beforeUpload={choose}
            >
              <p style={{ fontSize: 32, margin: 0, color: '#1456b8' }}>
                <InboxOutlined aria-hidden />
              </p>
              <p style={{ margin: 0 }}>
                {file ? t('import.chosen', { name: file.name }) : t('import.choose')}
              </p>
              <p style={{ margin: 0, color: 'rgba(0,0,0,0.7)' }}>{t('import.onlyXlsx')}</p>
            </Upload.Dragger>
            <Flex gap={8} wrap>
              <Button
                type={preview ? 'default' : 'primary'}
                disabled={!file}
                loading={run.isPending && !preview}
                onClick={() => {
                  if (!file) return;
                  setFailure(null);
                  setRowErrors(null);
                  setPreview(null);
                  run.mutate({ f: file, dryRun: true });
                }}
              >
                {t('import.check')}
              </Button>
              {preview && (
                <Button
                  type="primary"
                  disabled={preview.total === 0}
                  loading={run.isPending}
                  onClick={confirmImport}
                >
                  {t('import.confirm', { count: preview.total })}
                </Button>
              )}
            </Flex>
            {failure && <Alert type="error" showIcon role="alert" title={failure} />}
            {rowErrors && (
              <>
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  title={t('import.errorsTitle', { count: rowErrors.length })}
                  description={t('import.errorsHelp')}
                />
                <ImportErrorsTable rows={rowErrors} />
              </>
            )}
            {preview && (
              <>
                <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                  {t('import.previewTitle', { count: preview.total })}
                </Typography.Title>
                <ImportPreviewTable rows={preview.preview} />
              </>
            )}
          </Flex>
        )}
      </Card>
    </div>
  );
}
