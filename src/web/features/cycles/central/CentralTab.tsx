import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCycleDetail } from '../../../../contracts/cycles';
import { ImportErrorReport } from '../../../ui/import/ImportErrorTable';
import { ImportActions, ImportUploadStep } from '../../../ui/import/ImportUploadStep';
import { useImportFlow } from '../../../ui/import/useImportFlow';
import { CYCLES_KEY } from '../api';
import { centralTemplateUrl, importCentral } from '../councilApi';
import { LEVELS, type Level } from '../domain';

const ACCEPT = '.xlsx,.csv,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
type FileProblem = { sheet?: string; row: number | null; column?: string; message: string };

/**
 * Central data (số liệu tập trung): values the province measures itself, for one level, with their
 * source. Upload → check every row (nothing written) → confirm → written for every unit, or not at all.
 */
export function CentralTab({ cycle }: { cycle: TCycleDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const levels = LEVELS.filter((l) => cycle.frameworks.some((f) => f.level === l));
  const [level, setLevel] = useState<Level | undefined>(levels[0]);
  const [source, setSource] = useState('');
  const sourceOk = source.trim().length >= 3;
  const flow = useImportFlow<Awaited<ReturnType<typeof importCentral>>, FileProblem>({
    send: (f, dryRun) => importCentral(cycle.id, f, dryRun, { level: level ?? 'so', source: source.trim() }),
    onImported: () => void qc.invalidateQueries({ queryKey: [...CYCLES_KEY, cycle.id] }),
  });
  const { file, preview, done, rowErrors, failure } = flow;
  const shown = done ?? preview;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <ImportUploadStep
        intro={t('cycles.centralIntro')}
        templateUrl={centralTemplateUrl(cycle.id)}
        templateLabel={t('cycles.centralTemplate')}
        prompt={file ? t('cycles.centralChosen', { name: file.name }) : t('cycles.centralChoose')}
        hint={t('cycles.centralHint')}
        accept={ACCEPT}
        onChoose={flow.choose}
        compact
      >
        <Form layout="vertical" requiredMark={false} component="div">
          <Flex gap={12} wrap>
            <Form.Item label={t('cycles.level')} htmlFor="central-level" style={{ minWidth: 220, margin: 0 }}>
              <Select<Level>
                id="central-level"
                value={level}
                onChange={(l) => {
                  setLevel(l);
                  flow.clearResults();
                }}
                options={levels.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
              />
            </Form.Item>
            <Form.Item
              label={t('cycles.centralSource')}
              htmlFor="central-source"
              style={{ flex: '1 1 320px', margin: 0 }}
              validateStatus={source && !sourceOk ? 'error' : undefined}
              help={source && !sourceOk ? t('cycles.centralSourceRequired') : t('cycles.centralSourceHelp')}
            >
              <Input
                id="central-source"
                value={source}
                maxLength={300}
                placeholder={t('cycles.centralSourcePlaceholder')}
                onChange={(e) => {
                  setSource(e.target.value);
                  flow.clearResults();
                }}
              />
            </Form.Item>
          </Flex>
        </Form>
      </ImportUploadStep>
      {!done && (
        <ImportActions
          hasFile={Boolean(file) && sourceOk && Boolean(level)}
          checked={Boolean(preview)}
          pending={flow.pending}
          onCheck={() => flow.check()}
          checkLabel={t('cycles.centralCheck')}
          confirmLabel={t('cycles.centralImport')}
          onConfirm={() =>
            flow.confirm({
              title: t('cycles.centralConfirm', { rows: preview?.rows ?? 0, units: preview?.units ?? 0 }),
              content: t('cycles.centralConfirmText'),
              okText: t('cycles.centralImport'),
            })
          }
        />
      )}
      <ImportErrorReport
        failure={failure}
        errors={rowErrors?.map((e) => ({ ...e, row: e.row || null, column: e.column || null })) ?? null}
        title={t('cycles.centralErrors', { count: rowErrors?.length ?? 0 })}
        help={t('cycles.centralErrorsHelp')}
        labels={{ row: t('cycles.row'), column: t('cycles.column'), message: t('cycles.problem') }}
        pageSize={20}
      />
      {shown && (
        <Alert
          type={done ? 'success' : 'info'}
          showIcon
          role="status"
          title={
            done
              ? t('cycles.centralDone', { rows: done.rows, units: done.units })
              : t('cycles.centralPreview', {
                  rows: shown.rows,
                  units: shown.units,
                  indicators: shown.indicators.length,
                })
          }
          description={`${t('cycles.centralIndicators')}: ${shown.indicators.join(', ') || t('common.none')}`}
        />
      )}
      {done && (
        <div>
          <Button onClick={flow.startOver}>{t('cycles.centralAgain')}</Button>
        </div>
      )}
    </Flex>
  );
}
