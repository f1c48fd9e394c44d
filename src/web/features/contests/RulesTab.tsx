import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TContest, TContestRules } from '../../../contracts/contests';
import { fieldIssues } from '../../backend/client';
import { errorText, showSuccess } from '../../ui/feedback';
import { useBlueprintCheck, useCategoryChoices, useScenarioChoices, useUpdateContest } from './api';
import { BlueprintCheckTable } from './BlueprintCheckTable';
import { PracticeScenarioField } from './PracticeScenarioField';

const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

/** Empty choices are sent as absent filters: the rules validator refuses an empty tag. */
function cleanRules(v: TContestRules): TContestRules {
  return {
    ...v,
    practiceScenario: v.practiceScenario || null,
    blueprint: v.blueprint.map((row) => ({
      count: row.count,
      ...(row.categoryId ? { categoryId: row.categoryId } : {}),
      ...(row.difficulty ? { difficulty: row.difficulty } : {}),
      ...(row.tag?.trim() ? { tag: row.tag.trim() } : {}),
    })),
  };
}

/** Quy chế: duration, scale and sections, the blueprint with its availability, shuffles, threshold. */
export function RulesTab({ contest, canWrite }: { contest: TContest; canWrite: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TContestRules>();
  const editable = canWrite && contest.status === 'draft';
  const categories = useCategoryChoices(canWrite);
  const scenarios = useScenarioChoices(canWrite);
  const save = useUpdateContest(contest.id);
  const check = useBlueprintCheck(contest.id);
  const [problems, setProblems] = useState<string[]>([]);
  const sections = Form.useWatch('sections', form) ?? contest.rules.sections;
  const blueprint = Form.useWatch('blueprint', form) ?? contest.rules.blueprint;
  const scale = Form.useWatch('scale', form) ?? contest.rules.scale;
  const practiceScenario = Form.useWatch('practiceScenario', form) ?? contest.rules.practiceScenario;
  const total = sections.reduce((s, x) => s + (Number(x?.points) || 0), 0);
  const practicePoints = Number(sections.find((x) => x?.code === 'practice')?.points) || 0;
  const questions = blueprint.reduce((s, x) => s + (Number(x?.count) || 0), 0);

  useEffect(() => {
    form.setFieldsValue(contest.rules);
  }, [contest.rules, form]);

  // The availability of the saved blueprint is shown at once; "Đối chiếu" rechecks the edited one.
  const { mutate: runCheck } = check;
  useEffect(() => {
    if (canWrite) runCheck(contest.rules);
  }, [canWrite, contest.rules, runCheck]);

  const submit = (values: TContestRules) => {
    setProblems([]);
    const rules = cleanRules(values);
    save.mutate(
      { rules },
      {
        onSuccess: () => {
          showSuccess(t('contests.rulesSaved'));
          check.mutate(rules);
        },
        onError: (err) => {
          const issues = fieldIssues(err).map((i) => i.message);
          setProblems(issues.length ? issues : [errorText(err)]);
        },
      },
    );
  };

  const categoryOptions = (categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));

  return (
    <Form form={form} layout="vertical" disabled={!editable} onFinish={submit} initialValues={contest.rules}>
      <Flex vertical gap={16}>
        <Card title={t('contests.tabRules')} size="small">
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item name="durationMinutes" label={t('contests.duration')} rules={[{ required: true }]}>
                <InputNumber min={1} max={600} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="graceSeconds"
                label={t('contests.grace')}
                tooltip={t('contests.graceHelp')}
                rules={[{ required: true }]}
              >
                <InputNumber min={0} max={600} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="scale" label={t('contests.scale')} rules={[{ required: true }]}>
                <InputNumber min={1} max={1000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="passThreshold"
                label={t('contests.passThreshold')}
                tooltip={t('contests.passThresholdHelp')}
                rules={[{ required: true }]}
              >
                <InputNumber min={0} max={1000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('contests.sections')}
          </Typography.Title>
          <Form.List name="sections">
            {(fields) =>
              fields.map((field) => (
                <Row gutter={16} key={field.key}>
                  <Form.Item name={[field.name, 'code']} hidden>
                    <Input />
                  </Form.Item>
                  <Col xs={16} md={12}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t(
                        `contests.${sections[field.name]?.code === 'practice' ? 'practice' : 'theory'}`,
                      )}
                      rules={[{ required: true, whitespace: true }]}
                    >
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={4}>
                    <Form.Item
                      name={[field.name, 'points']}
                      label={t('contests.sectionPoints')}
                      rules={[{ required: true }]}
                    >
                      <InputNumber min={0} max={1000} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
              ))
            }
          </Form.List>
          <Typography.Text type={total === scale ? 'secondary' : 'danger'}>
            {t('contests.sectionsTotal', { total, scale })}
          </Typography.Text>
          <PracticeScenarioField
            scenarios={scenarios.data}
            loading={scenarios.isLoading}
            selected={practiceScenario ?? null}
            practicePoints={practicePoints}
          />
          <Divider />
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="shuffleQuestions"
                label={t('contests.shuffleQuestions')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="shuffleOptions" label={t('contests.shuffleOptions')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="multipleScoring" label={t('contests.multipleScoring')}>
                <Select
                  options={(['all_or_nothing', 'partial'] as const).map((v) => ({
                    value: v,
                    label: t(`contests.scoring_${v}`),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('contests.blueprint')} size="small">
          <Typography.Paragraph type="secondary">{t('contests.blueprintHelp')}</Typography.Paragraph>
          <Form.List name="blueprint">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Row gutter={8} key={field.key} align="bottom">
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[field.name, 'categoryId']}
                        label={i === 0 ? t('contests.category') : undefined}
                      >
                        <Select
                          allowClear
                          showSearch={{ optionFilterProp: 'label' }}
                          placeholder={t('contests.anyCategory')}
                          aria-label={`${t('contests.category')} ${i + 1}`}
                          options={categoryOptions}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item
                        name={[field.name, 'difficulty']}
                        label={i === 0 ? t('contests.difficulty') : undefined}
                      >
                        <Select
                          allowClear
                          placeholder={t('contests.anyDifficulty')}
                          aria-label={`${t('contests.difficulty')} ${i + 1}`}
                          options={DIFFICULTIES.map((d) => ({
                            value: d,
                            label: t(`contests.difficulty_${d}`),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item name={[field.name, 'tag']} label={i === 0 ? t('contests.tag') : undefined}>
                        <Input maxLength={60} aria-label={`${t('contests.tag')} ${i + 1}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={16} md={4}>
                      <Form.Item
                        name={[field.name, 'count']}
                        label={i === 0 ? t('contests.count') : undefined}
                        rules={[{ required: true }]}
                      >
                        <InputNumber
                          min={1}
                          max={200}
                          style={{ width: '100%' }}
                          aria-label={`${t('contests.count')} ${i + 1}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={8} md={2}>
                      <Form.Item>
                        <Button
                          icon={<DeleteOutlined />}
                          aria-label={t('contests.removeRow', { n: i + 1 })}
                          onClick={() => remove(field.name)}
                          disabled={!editable || fields.length <= 1}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Flex gap={16} align="center" wrap>
                  <Button icon={<PlusOutlined />} onClick={() => add({ count: 5 })}>
                    {t('contests.addRow')}
                  </Button>
                  <Typography.Text type="secondary">
                    {t('contests.questionsTotal', { count: questions })}
                  </Typography.Text>
                </Flex>
              </>
            )}
          </Form.List>
        </Card>

        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={problems.length === 1 ? problems[0] : undefined}
            description={
              problems.length > 1 ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        {canWrite && (
          <Flex gap={8} wrap>
            {editable && (
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('contests.saveRules')}
              </Button>
            )}
            <Button
              disabled={false}
              loading={check.isPending}
              onClick={() => check.mutate(cleanRules(form.getFieldsValue(true) as TContestRules))}
            >
              {t('contests.check')}
            </Button>
          </Flex>
        )}
        {check.data && (
          <Card title={t('contests.checkTitle')} size="small">
            <BlueprintCheckTable check={check.data} />
          </Card>
        )}
      </Flex>
    </Form>
  );
}
