import { CheckOutlined, CopyOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Flex, Form, Input, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, fieldIssues } from '../../backend/client';
import { showSuccess } from '../../ui/feedback';
import { LoadError } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';
import { useCheckScenario, useSaveScenario, useScenarioDocument, useScenarioItem } from './api';
import { CreateScenarioModal } from './CreateScenarioModal';
import { DryRunTable } from './DryRunTable';
import { MetadataForm } from './MetadataForm';
import { ProblemList } from './ProblemList';
import { ScenarioPreview } from './ScenarioPreview';
import { ScenarioSummary } from './ScenarioSummary';
import { formatJson, JSON_STYLE, parseJson } from './scenarioJson';
import type { TScenarioDoc, TScenarioProblem } from './types';

const TABS = ['edit', 'summary', 'preview', 'dry-run'] as const;

/** One scenario: its JSON with a form for the general fields, a summary, the candidate's view, a trial grading. */
export function ScenarioPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const document = useScenarioDocument(code);
  const { item, ...list } = useScenarioItem(code);
  usePageTitle(item?.name ?? t('scenarios.title'));
  const [search, setSearch] = useSearchParams();
  const tab = TABS.find((k) => k === search.get('tab')) ?? 'edit';

  if (document.isError) return <LoadError error={document.error} onRetry={() => document.refetch()} />;
  if (!document.data || list.isLoading) return <Skeleton active />;
  return (
    <Editor
      key={code}
      code={code}
      stored={document.data}
      version={item?.version}
      shipped={item?.shipped ?? false}
      name={item?.name ?? document.data.name ?? code}
      tab={tab}
      onTab={(key) => setSearch({ tab: key }, { replace: true })}
    />
  );
}

function Editor(props: {
  code: string;
  stored: TScenarioDoc;
  version: number | undefined;
  shipped: boolean;
  name: string;
  tab: (typeof TABS)[number];
  onTab: (tab: string) => void;
}) {
  const { t } = useTranslation();
  const { code } = props;
  const [baseline, setBaseline] = useState(() => formatJson(props.stored));
  const [text, setText] = useState(baseline);
  const [version, setVersion] = useState(props.version);
  const [problems, setProblems] = useState<TScenarioProblem[]>([]);
  const [checkedOk, setCheckedOk] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [copying, setCopying] = useState(false);
  const check = useCheckScenario();
  const save = useSaveScenario(code);

  const parsed = useMemo(() => parseJson(text), [text]);
  const doc =
    parsed.ok && typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value)
      ? (parsed.value as TScenarioDoc)
      : null;
  const dirty = text !== baseline;
  // Preview and dry run try what is being edited; the stored scenario when nothing changed.
  const draft = dirty && parsed.ok ? parsed.value : undefined;

  const edit = (next: string) => {
    setText(next);
    setCheckedOk(false);
    setSaveError(null);
  };
  const syntaxProblem = (): TScenarioProblem[] =>
    parsed.ok ? [] : [{ path: '', message: t('scenarios.jsonSyntax', { message: parsed.error }) }];

  const runCheck = () => {
    setSaveError(null);
    if (!parsed.ok) {
      setProblems(syntaxProblem());
      return;
    }
    check.mutate(parsed.value, {
      onSuccess: (r) => {
        setProblems(r.problems);
        setCheckedOk(r.problems.length === 0);
      },
      onError: (err) => setSaveError(err.message),
    });
  };

  const runSave = () => {
    setCheckedOk(false);
    setSaveError(null);
    if (!parsed.ok) {
      setProblems(syntaxProblem());
      return;
    }
    save.mutate(
      { doc: parsed.value, ...(version !== undefined ? { version } : {}) },
      {
        onSuccess: (item) => {
          setVersion(item.version);
          setBaseline(text);
          setProblems([]);
          showSuccess(t('scenarios.saved'));
        },
        onError: (err) => {
          const issues = fieldIssues(err);
          if (err instanceof ApiError && err.code === 'validation_failed' && issues.length > 0) {
            setProblems(issues);
          } else {
            setProblems([]);
            setSaveError(err.message);
          }
        },
      },
    );
  };

  const editTab = (
    <Flex vertical gap={16}>
      <Card title={t('scenarios.metadata')} size="small">
        <MetadataForm doc={doc} onChange={(next) => edit(formatJson(next))} disabled={false} />
      </Card>
      <Card size="small" title={t('scenarios.json')}>
        <Form layout="vertical">
          <Form.Item label={t('scenarios.json')} htmlFor="scenario-json" extra={t('scenarios.jsonHint')}>
            <Input.TextArea
              id="scenario-json"
              value={text}
              onChange={(e) => edit(e.target.value)}
              autoSize={{ minRows: 16, maxRows: 32 }}
              spellCheck={false}
              style={JSON_STYLE}
            />
          </Form.Item>
        </Form>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Button icon={<CheckOutlined />} onClick={runCheck} loading={check.isPending}>
            {t('scenarios.check')}
          </Button>
          <Button type="primary" icon={<SaveOutlined />} onClick={runSave} loading={save.isPending}>
            {t('scenarios.save')}
          </Button>
          {dirty && <Tag>{t('scenarios.unsaved')}</Tag>}
        </Flex>
        {checkedOk && (
          <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('scenarios.checkedOk')} />
        )}
        {saveError && (
          <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={saveError} />
        )}
        <ProblemList problems={problems} />
      </Card>
    </Flex>
  );

  return (
    <div className="page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/contest/scenarios">{t('scenarios.title')}</Link> }, { title: code }]}
      />
      <div className="page-header">
        <div>
          <h1 className="page-title">{props.name}</h1>
          <Flex gap={8} wrap style={{ marginTop: 4 }}>
            <Typography.Text type="secondary">{code}</Typography.Text>
            {props.shipped && <Tag color="blue">{t('scenarios.shipped')}</Tag>}
          </Flex>
        </div>
        <Button icon={<CopyOutlined />} onClick={() => setCopying(true)}>
          {t('scenarios.copy')}
        </Button>
      </div>
      {props.shipped && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('scenarios.shippedNotice')} />
      )}
      <Tabs
        activeKey={props.tab}
        onChange={props.onTab}
        items={[
          { key: 'edit', label: t('scenarios.tabEdit'), children: editTab },
          { key: 'summary', label: t('scenarios.tabSummary'), children: <ScenarioSummary doc={doc} /> },
          {
            key: 'preview',
            label: t('scenarios.tabPreview'),
            children: <ScenarioPreview code={code} draft={draft} />,
          },
          {
            key: 'dry-run',
            label: t('scenarios.tabDryRun'),
            children: <DryRunTable code={code} draft={draft} />,
          },
        ]}
      />
      <CreateScenarioModal
        open={copying}
        onClose={() => setCopying(false)}
        scenarios={[]}
        copyOf={{ code, name: props.name }}
      />
    </div>
  );
}
