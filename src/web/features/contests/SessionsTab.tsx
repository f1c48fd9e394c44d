import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Empty, Flex, Form, Input, Modal, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TContest, TExamSession } from '../../../contracts/contests';
import { formatDateTime } from '../../ui/dates';
import { showSuccess } from '../../ui/feedback';
import { applyFormError } from '../../ui/formErrors';
import { LoadError } from '../../ui/StatusPages';
import { useDeleteSession, useSaveSession, useSessions } from './api';

/** Sessions are scheduled in Vietnam time whatever the browser's time zone. */
const toVnWallTime = (iso: string): Dayjs =>
  dayjs(new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 16));
const fromVnWallTime = (d: Dayjs): string => `${d.format('YYYY-MM-DDTHH:mm')}:00+07:00`;
export const formatSessionTime = (iso: string) => formatDateTime(iso).slice(0, 16);

interface Values {
  name: string;
  room?: string;
  scheduledAt: Dayjs;
}

function SessionModal({
  contestId,
  session,
  open,
  onClose,
}: {
  contestId: string;
  session: TExamSession | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveSession(contestId, session?.id ?? null);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (session)
      form.setFieldsValue({
        name: session.name,
        room: session.room ?? '',
        scheduledAt: toVnWallTime(session.scheduledAt),
      });
  }, [open, session, form]);
  const submit = (v: Values) =>
    save.mutate(
      { name: v.name, room: v.room?.trim() || null, scheduledAt: fromVnWallTime(v.scheduledAt) },
      {
        onSuccess: () => {
          showSuccess(t('contests.sessionSaved'));
          onClose();
        },
        onError: (err) => applyFormError(form, err),
      },
    );
  return (
    <Modal
      open={open}
      title={session ? t('contests.editSession') : t('contests.addSession')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="name"
          label={t('contests.sessionName')}
          rules={[{ required: true, whitespace: true, message: t('contests.sessionNameRequired') }]}
        >
          <Input maxLength={100} placeholder="Ca 1" />
        </Form.Item>
        <Form.Item name="room" label={t('contests.room')}>
          <Input maxLength={100} placeholder="Phòng máy 1" />
        </Form.Item>
        <Form.Item
          name="scheduledAt"
          label={t('contests.scheduledAt')}
          rules={[{ required: true, message: t('contests.scheduledRequired') }]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Ca thi: name, room and start time of each sitting, with its number of candidates. */
export function SessionsTab({ contest, canWrite }: { contest: TContest; canWrite: boolean }) {
  const { t } = useTranslation();
  const sessions = useSessions(contest.id);
  const remove = useDeleteSession(contest.id);
  const { modal } = App.useApp();
  const [editing, setEditing] = useState<TExamSession | null | undefined>(undefined);
  const writable = canWrite && contest.status !== 'closed';

  if (sessions.isError) return <LoadError error={sessions.error} onRetry={() => sessions.refetch()} />;
  const confirmDelete = (s: TExamSession) =>
    modal.confirm({
      title: t('contests.deleteSessionConfirm', { name: s.name }),
      okText: t('contests.deleteSession'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove
          .mutateAsync(s.id)
          .then(() => showSuccess(t('contests.sessionDeleted')))
          .catch(() => undefined),
    });

  return (
    <Flex vertical gap={12}>
      {writable && (
        <div>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('contests.addSession')}
          </Button>
        </div>
      )}
      <Table<TExamSession>
        rowKey="id"
        loading={sessions.isLoading}
        dataSource={sessions.data?.items ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: <Empty description={t('contests.noSessions')} /> }}
        columns={[
          { title: t('contests.sessionName'), dataIndex: 'name' },
          {
            title: t('contests.room'),
            dataIndex: 'room',
            render: (r: string | null) => r ?? t('common.none'),
          },
          { title: t('contests.scheduledAt'), dataIndex: 'scheduledAt', render: formatSessionTime },
          {
            title: t('contests.status'),
            dataIndex: 'status',
            render: (s: TExamSession['status']) => <Tag>{t(`contests.sessionStatus_${s}`)}</Tag>,
          },
          { title: t('contests.candidatesCount'), dataIndex: 'candidateCount', align: 'right' },
          ...(writable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, s: TExamSession) => (
                    <Flex gap={4}>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={`${t('common.edit')} ${s.name}`}
                        disabled={s.status !== 'scheduled'}
                        onClick={() => setEditing(s)}
                      />
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('contests.deleteSession')} ${s.name}`}
                        disabled={s.status !== 'scheduled'}
                        onClick={() => confirmDelete(s)}
                      />
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      <SessionModal
        contestId={contest.id}
        session={editing ?? null}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
      />
    </Flex>
  );
}
