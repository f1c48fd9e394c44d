import { useQueryClient } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TImportResult, TImportRowError } from '../../../../contracts/units';
import { ImportErrorReport } from '../../../ui/import/ImportErrorTable';
import { ImportDone, ImportLayout } from '../../../ui/import/ImportLayout';
import { ImportActions, ImportUploadStep } from '../../../ui/import/ImportUploadStep';
import { useImportFlow } from '../../../ui/import/useImportFlow';
import { TEMPLATE_URL } from '../api';
import { ImportPreviewTable } from './ImportTables';
import { importUnits } from './importUnits';

/** Upload → dry run → preview → confirm → import. Nothing is imported while any row is wrong. */
export function UnitImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const flow = useImportFlow<TImportResult, TImportRowError>({
    send: importUnits,
    onImported: () => void queryClient.invalidateQueries({ queryKey: ['units'] }),
  });
  const { file, preview, rowErrors, failure, done } = flow;

  return (
    <ImportLayout
      title={t('import.title')}
      back={{ to: '/units', label: t('units.title') }}
      steps={[t('import.stepUpload'), t('import.stepPreview'), t('import.stepDone')]}
      step={done ? 2 : preview ? 1 : 0}
      result={
        done && (
          <ImportDone
            title={t('import.done', { count: done.imported })}
            actions={[
              { label: t('import.backToList'), onClick: () => navigate('/units') },
              { label: t('import.startOver'), onClick: flow.startOver },
            ]}
          />
        )
      }
    >
      <ImportUploadStep
        intro={t('import.intro')}
        templateUrl={TEMPLATE_URL}
        templateLabel={t('import.template')}
        prompt={file ? t('import.chosen', { name: file.name }) : t('import.choose')}
        hint={t('import.onlyXlsx')}
        onChoose={flow.choose}
      />
      <ImportActions
        hasFile={Boolean(file)}
        checked={Boolean(preview)}
        pending={flow.pending}
        onCheck={() => flow.check()}
        checkLabel={t('import.check')}
        confirmLabel={t('import.confirm', { count: preview?.total ?? 0 })}
        confirmDisabled={preview?.total === 0}
        onConfirm={() =>
          flow.confirm({
            title: t('import.confirmTitle', { count: preview?.total ?? 0 }),
            content: t('import.confirmText'),
            okText: t('import.confirm', { count: preview?.total ?? 0 }),
          })
        }
      />
      <ImportErrorReport
        failure={failure}
        errors={rowErrors?.map((r) => ({ row: r.rowNumber, column: r.code, message: r.messages })) ?? null}
        title={t('import.errorsTitle', { count: rowErrors?.length ?? 0 })}
        help={t('import.errorsHelp')}
        labels={{ row: t('import.row'), column: t('import.errorCode'), message: t('import.messages') }}
      />
      {preview && (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t('import.previewTitle', { count: preview.total })}
          </Typography.Title>
          <ImportPreviewTable rows={preview.preview} />
        </>
      )}
    </ImportLayout>
  );
}
