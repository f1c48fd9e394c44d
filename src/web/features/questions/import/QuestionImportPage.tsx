import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Flex,
  Form,
  Radio,
  Result,
  Select,
  Steps,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TImportFormat, TImportProblem, TQuestionImportResult } from '../../../../contracts/questions';
import { ApiError } from '../../../backend/client';
import { errorText } from '../../../ui/feedback';
import { usePageTitle } from '../../../ui/usePageTitle';
import { importQuestions, TEMPLATE_URL } from '../api';
import { ImportPreviewTable } from './ImportPreviewTable';

const FORMATS: TImportFormat[] = ['xlsx', 'aiken', 'gift', 'moodle_xml'];

/** Upload → read and check every question → preview with every problem → import all at once. */
export function QuestionImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('questions.importTitle'));
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<TImportFormat | undefined>(undefined);
  const [duplicates, setDuplicates] = useState<'skip' | 'import'>('skip');
  const [preview, setPreview] = useState<TQuestionImportResult | null>(null);
  const [done, setDone] = useState<TQuestionImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [commitErrors, setCommitErrors] = useState<TImportProblem[] | null>(null);

  const run = useMutation({
    meta: { handlesError: true },
    mutationFn: ({ f, dryRun }: { f: File; dryRun: boolean }) =>
      importQuestions(f, { dryRun, format, duplicates }),
    onSuccess: (result) => {
      if (result.dryRun) return setPreview(result);
      setDone(result);
      void queryClient.invalidateQueries({ queryKey: ['questions'] });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'import_invalid' && Array.isArray(err.details)) {
        setCommitErrors(err.details as TImportProblem[]);
      }
      setFailure(errorText(err));
    },
  });

  const reset = () => {
    setPreview(null);
    setDone(null);
    setFailure(null);
    setCommitErrors(null);
  };
  const check = (f: File | null = file) => {
    if (!f) return;
    reset();
    run.mutate({ f, dryRun: true });
  };

  const toImport = preview ? preview.total - (duplicates === 'skip' ? preview.duplicates : 0) : 0;
  const confirmImport = () => {
    if (!file || !preview) return;
    modal.confirm({
      title: t('questions.importConfirmTitle', { count: toImport }),
      content: t('questions.importConfirmText'),
      okText: t('questions.importConfirm', { count: toImport }),
      cancelText: t('common.cancel'),
      onOk: () => run.mutateAsync({ f: file, dryRun: false }).catch(() => undefined),
    });
  };

  const errors = preview?.errors ?? [];
  const step = done ? 2 : preview ? 1 : 0;
  return (
    <div className="page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/contest/questions">{t('questions.title')}</Link> },
          { title: t('questions.importTitle') },
        ]}
      />
      <h1 className="page-title" style={{ marginBottom: 16 }}>
        {t('questions.importTitle')}
      </h1>
      <Card>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('questions.importStepUpload') },
            { title: t('questions.importStepPreview') },
            { title: t('questions.importStepDone') },
          ]}
        />
        {done ? (
          <Result
            status="success"
            title={
              <h2 style={{ margin: 0, fontSize: 20 }}>
                {t('questions.importDone', { count: done.imported })}
              </h2>
            }
            subTitle={done.skipped > 0 ? t('questions.importSkipped', { count: done.skipped }) : undefined}
            extra={[
              <Button key="list" type="primary" onClick={() => navigate('/contest/questions')}>
                {t('questions.importBack')}
              </Button>,
              <Button
                key="again"
                onClick={() => {
                  reset();
                  setFile(null);
                }}
              >
                {t('questions.importAgain')}
              </Button>,
            ]}
          />
        ) : (
          <Flex vertical gap={16}>
            <Typography.Paragraph style={{ margin: 0 }}>{t('questions.importIntro')}</Typography.Paragraph>
            <div>
              <Button icon={<DownloadOutlined />} href={TEMPLATE_URL} download>
                {t('questions.template')}
              </Button>
            </div>
            <Form layout="vertical" component={false}>
              <Flex gap={16} wrap>
                <Form.Item label={t('questions.importFormat')} style={{ minWidth: 240, margin: 0 }}>
                  <Select
                    aria-label={t('questions.importFormat')}
                    value={format ?? 'auto'}
                    onChange={(v) => {
                      setFormat(v === 'auto' ? undefined : (v as TImportFormat));
                      reset();
                    }}
                    options={[
                      { value: 'auto', label: t('questions.importFormatAuto') },
                      ...FORMATS.map((f) => ({ value: f, label: t(`questions.format_${f}`) })),
                    ]}
                  />
                </Form.Item>
                <Form.Item label={t('questions.importDuplicates')} style={{ margin: 0 }}>
                  <Radio.Group
                    value={duplicates}
                    onChange={(e) => setDuplicates(e.target.value)}
                    options={[
                      { value: 'skip', label: t('questions.importDuplicatesSkip') },
                      { value: 'import', label: t('questions.importDuplicatesImport') },
                    ]}
                  />
                </Form.Item>
              </Flex>
            </Form>
            <Upload.Dragger
              accept=".xlsx,.txt,.gift,.xml"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(f) => {
                setFile(f);
                check(f);
                return false;
              }}
            >
              <p style={{ fontSize: 32, margin: 0, color: '#1456b8' }}>
                <InboxOutlined aria-hidden />
              </p>
              <p style={{ margin: 0 }}>
                {file ? t('questions.importChosen', { name: file.name }) : t('questions.importChoose')}
              </p>
              <p style={{ margin: 0, color: 'rgba(0,0,0,0.7)' }}>{t('questions.importAccepted')}</p>
            </Upload.Dragger>
            <Flex gap={8} wrap>
              <Button disabled={!file} loading={run.isPending && !preview} onClick={() => check()}>
                {t('questions.importCheck')}
              </Button>
              {preview && (
                <Button
                  type="primary"
                  disabled={errors.length > 0 || toImport === 0}
                  loading={run.isPending}
                  onClick={confirmImport}
                >
                  {t('questions.importConfirm', { count: toImport })}
                </Button>
              )}
            </Flex>
            {failure && (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={failure}
                description={commitErrors?.map((e) => `${e.ref.label}: ${e.messages.join('; ')}`).join('\n')}
                style={{ whiteSpace: 'pre-line' }}
              />
            )}
            {preview && (
              <>
                {errors.length > 0 ? (
                  <Alert
                    type="error"
                    showIcon
                    role="alert"
                    title={t('questions.importErrorsTitle', { count: errors.length })}
                    description={
                      <>
                        <div>{t('questions.importErrorsHelp')}</div>
                        <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                          {errors.map((e) => (
                            <li key={`${e.ref.kind}-${e.ref.number}`}>
                              <strong>{e.ref.label}:</strong> {e.messages.join('; ')}
                            </li>
                          ))}
                        </ul>
                      </>
                    }
                  />
                ) : (
                  <Alert
                    type="success"
                    showIcon
                    // The theme's dark success green derives a murky background: use the light one.
                    style={{ background: '#f6ffed', borderColor: '#b7eb8f' }}
                    title={t('questions.importSummary', {
                      total: preview.total,
                      format: t(`questions.format_${preview.format}`),
                      duplicates: preview.duplicates,
                      count: toImport,
                    })}
                    description={
                      preview.newCategories.length > 0
                        ? t('questions.importNewCategories', { list: preview.newCategories.join('; ') })
                        : undefined
                    }
                  />
                )}
                <ImportPreviewTable rows={preview.preview} />
              </>
            )}
          </Flex>
        )}
      </Card>
    </div>
  );
}
