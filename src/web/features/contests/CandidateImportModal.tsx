import { useQueryClient } from '@tanstack/react-query';
import { Alert, Flex, Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TCandidateImportError, TCandidateImportResult } from '../../../contracts/contests';
import { showSuccess } from '../../ui/feedback';
import { ImportErrorTable } from '../../ui/import/ImportErrorTable';
import { ImportActions, ImportUploadStep } from '../../ui/import/ImportUploadStep';
import { useImportFlow } from '../../ui/import/useImportFlow';
import { importCandidates, templateUrl } from './api';

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
  const qc = useQueryClient();
  const flow = useImportFlow<TCandidateImportResult, TCandidateImportError>({
    send: (f, dryRun) => importCandidates(contestId, f, dryRun),
    onImported: (result) => {
      showSuccess(t('contests.imported', { count: result.imported }));
      void qc.invalidateQueries({ queryKey: ['contests'] });
      close();
    },
  });
  const { file, preview, rowErrors, failure } = flow;
  const close = () => {
    flow.startOver();
    onClose();
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
        <ImportUploadStep
          intro={t('contests.importIntro')}
          templateUrl={templateUrl(contestId)}
          templateLabel={t('contests.template')}
          prompt={file ? t('contests.chosen', { name: file.name }) : t('contests.chooseFile')}
          onChoose={flow.choose}
          compact
        />
        <ImportActions
          hasFile={Boolean(file)}
          checked={Boolean(preview)}
          pending={flow.pending}
          onCheck={() => flow.check()}
          checkLabel={t('contests.checkFile')}
          confirmLabel={t('contests.confirmImport', { count: preview?.total ?? 0 })}
          onConfirm={() =>
            flow.confirm({
              title: t('contests.importConfirm', { count: preview?.total ?? 0 }),
              okText: t('contests.confirmImport', { count: preview?.total ?? 0 }),
            })
          }
        />
        {failure && <Alert type="error" showIcon role="alert" title={failure} />}
        {rowErrors && rowErrors.length > 0 && (
          <ImportErrorTable
            errors={rowErrors.map((e) => ({ row: e.rowNumber, column: e.column, message: e.message }))}
            title={t('contests.rowErrors')}
            labels={{ row: t('contests.row'), column: t('contests.column'), message: t('contests.problem') }}
            pageSize={10}
            scrollX={600}
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
