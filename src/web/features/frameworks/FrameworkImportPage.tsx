import { useQueryClient } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TFrameworkImportError, TFrameworkImportResult } from '../../../contracts/frameworks';
import { ImportErrorReport } from '../../ui/import/ImportErrorTable';
import { ImportDone, ImportLayout } from '../../ui/import/ImportLayout';
import { ImportActions, ImportUploadStep } from '../../ui/import/ImportUploadStep';
import { useImportFlow } from '../../ui/import/useImportFlow';
import { IMPORT_TEMPLATE_URL, importFramework } from './api';

/** Upload → check (every error by sheet, row and column) → confirm → a new version. All or nothing. */
export function FrameworkImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const flow = useImportFlow<TFrameworkImportResult, TFrameworkImportError>({
    send: importFramework,
    onImported: () => void queryClient.invalidateQueries({ queryKey: ['frameworks'] }),
  });
  const { file, preview, rowErrors: errors, failure, done } = flow;

  return (
    <ImportLayout
      title={t('frameworks.importTitle')}
      back={{ to: '/dti/frameworks', label: t('frameworks.title') }}
      result={
        done?.id ? (
          <ImportDone
            title={t('frameworks.importDone')}
            subTitle={`${done.name} — ${done.year} — ${t('frameworks.versionNo', { n: done.versionNo })}`}
            actions={[
              { label: t('frameworks.importOpen'), onClick: () => navigate(`/dti/frameworks/${done.id}`) },
            ]}
          />
        ) : undefined
      }
    >
      <ImportUploadStep
        intro={t('frameworks.importIntro')}
        templateUrl={IMPORT_TEMPLATE_URL}
        templateLabel={t('frameworks.importTemplate')}
        prompt={file ? t('frameworks.fileChosen', { name: file.name }) : t('frameworks.importChoose')}
        onChoose={flow.choose}
      />
      <ImportActions
        hasFile={Boolean(file)}
        checked={Boolean(preview)}
        pending={flow.pending}
        onCheck={() => flow.check()}
        checkLabel={t('frameworks.importCheck')}
        confirmLabel={t('frameworks.importConfirm')}
        onConfirm={() =>
          preview &&
          flow.confirm({
            title: t('frameworks.importConfirm'),
            content: t('frameworks.importConfirmText', {
              n: preview.versionNo,
              code: preview.code,
              year: preview.year,
              nodes: preview.nodeCount,
            }),
            okText: t('frameworks.importConfirm'),
          })
        }
      />
      <ImportErrorReport
        failure={failure}
        errors={errors}
        title={t('frameworks.importErrors', { count: errors?.length ?? 0 })}
        help={t('frameworks.importErrorsHelp')}
        ariaLabel={t('frameworks.importErrors', { count: errors?.length ?? 0 })}
        labels={{
          sheet: t('frameworks.sheet'),
          row: t('frameworks.row'),
          column: t('frameworks.column'),
          message: t('frameworks.message'),
        }}
      />
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
    </ImportLayout>
  );
}
