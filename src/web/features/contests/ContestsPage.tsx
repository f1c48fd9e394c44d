import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, InputNumber, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TContest } from '../../../contracts/contests';
import { useHasRole } from '../../backend/session';
import { showSuccess } from '../../ui/feedback';
import { applyFormError } from '../../ui/formErrors';
import { LoadError } from '../../ui/StatusPages';
import { usePageTitle } from '../../ui/usePageTitle';
import { useContests, useCreateContest } from './api';
import { ContestStatusTag, DemoContestTag } from './ContestStatusTag';

function CreateContestModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ year: number; name: string }>();
  const create = useCreateContest();
  const navigate = useNavigate();
  const submit = (values: { year: number; name: string }) =>
    create.mutate(values, {
      onSuccess: (c) => {
        showSuccess(t('contests.created'));
        onClose();
        navigate(`/contest/exams/${c.id}`);
      },
      onError: (err) => applyFormError(form, err),
    });
  return (
    <Modal
      open={open}
      title={t('contests.createTitle')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ year: new Date().getFullYear() }}
        requiredMark={false}
      >
        <Form.Item
          name="year"
          label={t('contests.year')}
          rules={[{ required: true, message: t('contests.yearRequired') }]}
        >
          <InputNumber min={2000} max={2100} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('contests.name')}
          rules={[{ required: true, whitespace: true, message: t('contests.nameRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={300} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('contests.createHint')}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}

/** Contests by year, newest first; each opens its page of rules, sessions and candidates. */
export function ContestsPage() {
  const { t } = useTranslation();
  usePageTitle(t('contests.title'));
  const canWrite = useHasRole('admin', 'organiser');
  const contests = useContests();
  const [creating, setCreating] = useState(false);

  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('contests.title')}</h1>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('contests.add')}
          </Button>
        )}
      </div>
      <Card>
        {contests.isError ? (
          <LoadError error={contests.error} onRetry={() => contests.refetch()} />
        ) : (
          <Table<TContest>
            rowKey="id"
            loading={contests.isLoading}
            dataSource={contests.data?.items ?? []}
            pagination={false}
            scroll={{ x: 720 }}
            locale={{ emptyText: <Empty description={t('contests.empty')} /> }}
            columns={[
              { title: t('contests.year'), dataIndex: 'year', width: 80 },
              {
                title: t('contests.name'),
                dataIndex: 'name',
                render: (name: string, c) => (
                  <>
                    <Link to={`/contest/exams/${c.id}`}>{name}</Link>
                    {c.isDemo && (
                      <span style={{ marginInlineStart: 8 }}>
                        <DemoContestTag />
                      </span>
                    )}
                  </>
                ),
              },
              {
                title: t('contests.status'),
                dataIndex: 'status',
                width: 130,
                render: (s: TContest['status']) => <ContestStatusTag status={s} />,
              },
              { title: t('contests.sessionsCount'), dataIndex: 'sessionCount', width: 100, align: 'right' },
              {
                title: t('contests.candidatesCount'),
                dataIndex: 'candidateCount',
                width: 110,
                align: 'right',
              },
            ]}
          />
        )}
      </Card>
      <CreateContestModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
