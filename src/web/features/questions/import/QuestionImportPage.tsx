import { useQueryClient } from '@tanstack/react-query';
import { Alert, Flex, Form, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TImportFormat, TImportProblem, TQuestionImportResult } from '../../../../contracts/questions';
import { ImportDone, ImportLayout } from '../../../ui/import/ImportLayout';
import { ImportActions, ImportUploadStep } from '../../../ui/import/ImportUploadStep';
import { useImportFlow } from '../../../ui/import/useImportFlow';
import { importQuestions, TEMPLATE_URL } from '../api';
import { ImportPreviewTable } from './ImportPreviewTable';

const FORMATS: TImportFormat[] = ['xlsx', 'aiken', 'gift', 'moodle_xml'];

/** Upload → read and check every question → preview with every problem → import all at once. */
export function QuestionImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<TImportFormat | undefined>(undefined);
  const [duplicates, setDuplicates] = useState<'skip' | 'import'>('skip');
  const flow = useImportFlow<TQuestionImportResult, TImportProblem>({
    send: (f, dryRun) => importQuestions(f, { dryRun, format, duplicates }),
    onImported: () => void queryClient.invalidateQueries({ queryKey: ['questions'] }),
  });
  const { file, preview, rowErrors: commitErrors, failure, done } = flow;

  const toImport = preview ? preview.total - (duplicates === 'skip' ? preview.duplicates : 0) : 0;
  const errors = preview?.errors ?? [];
  return (
    <ImportLayout
      title={t('questions.importTitle')}
      back={{ to: '/contest/questions', label: t('questions.title') }}
      steps={[
        t('questions.importStepUpload'),
        t('questions.importStepPreview'),
        t('questions.importStepDone'),
      ]}
      step={done ? 2 : preview ? 1 : 0}
      result={
        done && (
          <ImportDone
            title={t('questions.importDone', { count: done.imported })}
            subTitle={done.skipped > 0 ? t('questions.importSkipped', { count: done.skipped }) : undefined}
            actions={[
              { label: t('questions.importBack'), onClick: () => navigate('/contest/questions') },
              { label: t('questions.importAgain'), onClick: flow.startOver },
            ]}
          />
        )
      }
    >
      <ImportUploadStep
        intro={t('questions.importIntro')}
        templateUrl={TEMPLATE_URL}
        templateLabel={t('questions.template')}
        prompt={file ? t('questions.importChosen', { name: file.name }) : t('questions.importChoose')}
        hint={t('questions.importAccepted')}
        accept=".xlsx,.txt,.gift,.xml"
        onChoose={(f) => {
          flow.choose(f);
          flow.check(f);
        }}
      >
        <Form layout="vertical" component={false}>
          <Flex gap={16} wrap>
            <Form.Item label={t('questions.importFormat')} style={{ minWidth: 240, margin: 0 }}>
              <Select
                aria-label={t('questions.importFormat')}
                value={format ?? 'auto'}
                onChange={(v) => {
                  setFormat(v === 'auto' ? undefined : (v as TImportFormat));
                  flow.clearResults();
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
      </ImportUploadStep>
      <ImportActions
        hasFile={Boolean(file)}
        checked={Boolean(preview)}
        pending={flow.pending}
        onCheck={() => flow.check()}
        checkLabel={t('questions.importCheck')}
        checkPrimary={false}
        confirmLabel={t('questions.importConfirm', { count: toImport })}
        confirmDisabled={errors.length > 0 || toImport === 0}
        onConfirm={() =>
          flow.confirm({
            title: t('questions.importConfirmTitle', { count: toImport }),
            content: t('questions.importConfirmText'),
            okText: t('questions.importConfirm', { count: toImport }),
          })
        }
      />
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
    </ImportLayout>
  );
}
