import { Alert, App, Button, Drawer, Flex, Form, Grid, Skeleton, Tabs } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCategoryList, TQuestionDetail, TQuestionInput } from '../../../contracts/questions';
import { errorText, showSuccess } from '../../ui/feedback';
import { applyFormError } from '../../ui/formErrors';
import { LoadError } from '../../ui/StatusPages';
import { useQuestion, useQuestionAction, useSaveQuestion } from './api';
import { QuestionFields, type QuestionValues } from './QuestionFields';
import { StatusTag } from './QuestionsTable';
import { VersionHistory } from './VersionHistory';

const blankOptions = () => ['a', 'b', 'c', 'd'].map((key) => ({ key, text: '', correct: false }));

function toValues(q: TQuestionDetail | undefined, categoryId: string | null): QuestionValues {
  if (!q) {
    return {
      type: 'single',
      stem: '',
      options: blankOptions(),
      tfAnswer: 'true',
      difficulty: 'medium',
      categoryId,
      tags: [],
    };
  }
  const tf = q.type === 'true_false';
  return {
    code: q.code ?? undefined,
    type: q.type,
    stem: q.stem,
    options: tf ? blankOptions() : q.options,
    tfAnswer: tf && q.options[1]?.correct ? 'false' : 'true',
    difficulty: q.difficulty,
    categoryId: q.categoryId,
    tags: q.tags,
    sourceDocument: q.sourceDocument ?? undefined,
    sourceArticle: q.sourceArticle ?? undefined,
    explanation: q.explanation ?? undefined,
  };
}

function toInput(v: QuestionValues): TQuestionInput {
  const options =
    v.type === 'true_false'
      ? [
          { key: 'dung', text: 'Đúng', correct: v.tfAnswer === 'true' },
          { key: 'sai', text: 'Sai', correct: v.tfAnswer === 'false' },
        ]
      : v.options.map((o) => ({ key: o.key, text: o.text ?? '', correct: Boolean(o.correct) }));
  return {
    code: v.code?.trim() || null,
    type: v.type,
    stem: v.stem,
    options,
    explanation: v.explanation?.trim() || null,
    categoryId: v.categoryId ?? null,
    tags: v.tags ?? [],
    difficulty: v.difficulty,
    sourceDocument: v.sourceDocument?.trim() || null,
    sourceArticle: v.sourceArticle?.trim() || null,
  };
}

interface Props {
  /** 'new' to add a question, an id to edit one, null when closed. */
  target: string | null;
  defaultCategoryId: string | null;
  categories: TCategoryList | undefined;
  onClose: () => void;
  onCreated: (id: string) => void;
}

/** Add or edit a question in a side drawer (full width on phones), with its version history. */
export function QuestionDrawer({ target, defaultCategoryId, categories, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<QuestionValues>();
  const id = target && target !== 'new' ? target : null;
  const detail = useQuestion(id);
  const save = useSaveQuestion(id);
  const action = useQuestionAction();
  const q = detail.data;

  useEffect(() => {
    if (target === 'new' || (id && q?.id === id)) {
      form.resetFields();
      form.setFieldsValue(toValues(id ? q : undefined, defaultCategoryId));
    }
  }, [target, id, q, defaultCategoryId, form]);

  const submit = (values: QuestionValues) =>
    save.mutate(toInput(values), {
      onSuccess: (saved) => {
        if (!id) {
          showSuccess(t('questions.created'));
          onCreated(saved.id);
        } else if (q && saved.versionNo > q.versionNo) {
          showSuccess(t('questions.savedNewVersion', { no: saved.versionNo }));
        } else showSuccess(t('questions.saved'));
      },
      onError: (err) =>
        applyFormError(form, err, {
          fieldFor: (path) => {
            const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
            if (parts[0] === 'options' && form.getFieldValue('type') === 'true_false') return ['tfAnswer'];
            return [
              'code',
              'type',
              'stem',
              'options',
              'difficulty',
              'categoryId',
              'tags',
              'sourceDocument',
              'sourceArticle',
              'explanation',
            ].includes(String(parts[0]))
              ? parts
              : null;
          },
          codeFields: { conflict: 'code' },
        }),
    });

  const run = (kind: 'approve' | 'unapprove' | 'delete') =>
    action.mutateAsync({ id: id!, action: kind }).then(() => {
      showSuccess(
        t(
          kind === 'approve'
            ? 'questions.approved'
            : kind === 'unapprove'
              ? 'questions.unapproved'
              : 'questions.deleted',
        ),
      );
      if (kind === 'delete') onClose();
    });

  const confirmDelete = () =>
    modal.confirm({
      title: t('questions.deleteConfirm'),
      content: t('questions.deleteText'),
      okText: t('questions.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        run('delete').catch((err) => {
          modal.error({ title: errorText(err) });
        }),
    });

  const onValuesChange = (changed: Partial<QuestionValues>) => {
    if (!changed.type) return;
    const options = (form.getFieldValue('options') ?? []) as QuestionValues['options'];
    if (changed.type !== 'true_false' && options.length < 2) form.setFieldValue('options', blankOptions());
    if (changed.type === 'single' && options.filter((o) => o.correct).length > 1) {
      const first = options.findIndex((o) => o.correct);
      form.setFieldValue(
        'options',
        options.map((o, i) => ({ ...o, correct: i === first })),
      );
    }
  };

  const editor = (
    <Form<QuestionValues>
      form={form}
      name="question"
      layout="vertical"
      onFinish={submit}
      onValuesChange={onValuesChange}
      scrollToFirstError
    >
      {q?.used && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('questions.usedWarning', { no: q.versionNo, next: q.versionNo + 1 })}
        />
      )}
      {q?.status === 'approved' && !q.used && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('questions.approvedWarning')} />
      )}
      <QuestionFields form={form} categories={categories} />
    </Form>
  );

  const footer = (
    <Flex gap={8} wrap justify="space-between">
      <Flex gap={8} wrap>
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </Flex>
      {q && (
        <Flex gap={8} wrap>
          {q.status === 'draft' ? (
            <Button loading={action.isPending} onClick={() => run('approve').catch(() => undefined)}>
              {t('questions.approve')}
            </Button>
          ) : (
            <Button loading={action.isPending} onClick={() => run('unapprove').catch(() => undefined)}>
              {t('questions.unapprove')}
            </Button>
          )}
          <Button danger onClick={confirmDelete}>
            {t('questions.delete')}
          </Button>
        </Flex>
      )}
    </Flex>
  );

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={
        id ? (
          <Flex gap={8} align="center" wrap>
            <span>{t('questions.editTitle')}</span>
            {q && <StatusTag status={q.status} />}
            {q && <span style={{ fontWeight: 400 }}>{t('questions.versionShort', { no: q.versionNo })}</span>}
          </Flex>
        ) : (
          t('questions.createTitle')
        )
      }
      size={screens.md ? 720 : '100%'}
      footer={footer}
      destroyOnHidden
    >
      {id && detail.isError ? (
        <LoadError error={detail.error} onRetry={() => detail.refetch()} />
      ) : id && !q ? (
        <Skeleton active />
      ) : id && q ? (
        <Tabs
          items={[
            { key: 'content', label: t('questions.tabContent'), children: editor },
            {
              key: 'history',
              label: t('questions.tabHistory', { count: q.versions.length }),
              children: <VersionHistory question={q} />,
            },
          ]}
        />
      ) : (
        editor
      )}
    </Drawer>
  );
}
