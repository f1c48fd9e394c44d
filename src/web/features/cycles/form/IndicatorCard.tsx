import { CaretDownOutlined, CaretRightOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Divider, Flex, Typography } from 'antd';
import type { Rounding } from '../../../../contracts/cycle-domain';
import type { TEntryView, TUnitForm } from '../../../../contracts/cycles';
import { AssigneeField } from './AssigneeField';
import { entryAccess, type FormAccess } from './access';
import { EvidenceList } from './EvidenceList';
import { formatInstant, formatPoints } from './format';
import { Guidance } from './Guidance';
import { LiveScore } from './LiveScore';
import { NotApplicableField } from './NotApplicableField';
import { RequestPanel } from './RequestPanel';
import { RuleInputs } from './RuleInputs';
import { SaveStatus } from './SaveStatus';
import { ScoreTriple } from './ScoreTriple';
import { hasReviewScores, liveOutcome } from './score';
import { EntryStatusTag, ReviewTag } from './Tags';
import { useFormText } from './text';
import { useEntryDraft } from './useEntryDraft';

interface Props {
  form: TUnitForm;
  entry: TEntryView;
  access: FormAccess;
  rounding: Rounding;
  expanded: boolean;
  onToggle: (code: string) => void;
  onHistory: (code: string) => void;
}

/** One indicator: what it asks, the figures its rule needs, the live self-score, evidence and review. */
export function IndicatorCard({ form, entry, access, rounding, expanded, onToggle, onHistory }: Props) {
  const { ft, lang } = useFormText();
  const draft = useEntryDraft(form.cycleId, form.unit.id, entry);
  const can = entryAccess(access, entry, new Date());
  const outcome = liveOutcome(entry, draft.inputs, draft.na, rounding);
  const code = entry.code;
  const bodyId = `entry-body-${code}`;
  const liveErrors = outcome.status === 'invalid' ? outcome.errors : [];
  const problems = form.state === 'draft' ? entry.problems.filter((p) => !liveErrors.includes(p)) : [];

  return (
    <Card
      size="small"
      id={`entry-${code}`}
      data-testid={`entry-${code}`}
      style={{ marginBottom: 12, scrollMarginTop: 72 }}
      styles={{ body: { padding: '12px 16px' } }}
    >
      <Flex justify="space-between" align="start" gap={8} wrap>
        <h4 style={{ margin: 0, flex: '1 1 320px', minWidth: 0, fontSize: 15 }}>
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls={bodyId}
            onClick={() => onToggle(code)}
            style={{
              display: 'flex',
              gap: 6,
              padding: 0,
              border: 0,
              background: 'none',
              font: 'inherit',
              color: 'inherit',
              lineHeight: 1.4,
              textAlign: 'start',
              cursor: 'pointer',
            }}
          >
            {expanded ? <CaretDownOutlined aria-hidden /> : <CaretRightOutlined aria-hidden />}
            <span>
              <strong style={{ marginInlineEnd: 6 }}>{code}</strong>
              <span style={{ fontWeight: 500 }}>{entry.name}</span>
            </span>
          </button>
        </h4>
        <Flex vertical align="end" gap={2} style={{ marginInlineStart: 'auto' }}>
          <LiveScore code={code} outcome={outcome} max={entry.maxPoints} />
          <SaveStatus code={code} state={draft.save} onRetry={() => void draft.retry()} />
        </Flex>
      </Flex>
      <Flex gap={8} wrap align="center" style={{ marginTop: 6, paddingInlineStart: 20 }}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {ft('maxPoints', { max: formatPoints(entry.maxPoints, lang) })}
        </Typography.Text>
        <EntryStatusTag status={entry.status} code={code} />
        {entry.review && <ReviewTag review={entry.review} />}
      </Flex>

      <div id={bodyId} hidden={!expanded} style={{ marginTop: 12 }}>
        <Guidance entry={entry} />
        {entry.central && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 8 }}
            title={
              <>
                <strong>{ft('central')}.</strong>{' '}
                {ft('centralHelp', {
                  source: entry.central.source,
                  at: formatInstant(entry.central.importedAt),
                })}
              </>
            }
          />
        )}
        <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <legend className="visually-hidden">{ft('inputs')}</legend>
          <RuleInputs
            code={code}
            rule={entry.rule}
            values={(entry.central?.inputs ?? draft.inputs) as typeof draft.inputs}
            editable={can.inputs && draft.na === null}
            onChange={draft.setInput}
          />
          {liveErrors.length > 0 && (
            <Typography.Text type="danger" style={{ display: 'block' }} role="alert">
              {liveErrors.join('; ')}
            </Typography.Text>
          )}
          {entry.mayBeNotApplicable && !entry.central && (
            <NotApplicableField
              code={code}
              value={draft.na}
              editable={can.inputs}
              onChange={draft.setNotApplicable}
            />
          )}
        </fieldset>
        {problems.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            title={
              <>
                <strong>{ft('problems')}:</strong> {problems.join('; ')}
              </>
            }
            data-testid={`problems-${code}`}
          />
        )}
        {(entry.requestComment || entry.explanation) && (
          <RequestPanel
            cycleId={form.cycleId}
            unitId={form.unit.id}
            entry={entry}
            editable={can.explanation}
          />
        )}
        {hasReviewScores(entry) && <ScoreTriple entry={entry} />}
        <EvidenceList
          cycleId={form.cycleId}
          unitId={form.unit.id}
          code={code}
          items={entry.evidence}
          editable={can.evidence}
        />
        <Divider style={{ margin: '12px 0' }} />
        <Flex justify="space-between" align="center" gap={8} wrap>
          <AssigneeField form={form} code={code} assigneeId={entry.assigneeId} editable={can.assignee} />
          <Button
            icon={<HistoryOutlined aria-hidden />}
            onClick={() => onHistory(code)}
            aria-label={ft('historyFor', { code })}
            data-testid={`history-${code}`}
          >
            {ft('history')}
          </Button>
        </Flex>
      </div>
    </Card>
  );
}
