import { UserOutlined } from '@ant-design/icons';
import { Flex, Select, Typography } from 'antd';
import type { TUnitForm } from '../../../../contracts/cycles';
import { showSuccess } from '../../../ui/feedback';
import { useSetAssignee } from './api';
import { useFormText } from './text';

/** Who in the unit fills this indicator (the unit's reporter hands indicators to its staff). */
export function AssigneeField({
  form,
  code,
  assigneeId,
  editable,
}: {
  form: TUnitForm;
  code: string;
  assigneeId: string | null;
  editable: boolean;
}) {
  const { ft } = useFormText();
  const assign = useSetAssignee(form.cycleId, form.unit.id);
  const name = form.staff.find((s) => s.id === assigneeId)?.fullName;
  const id = `assignee-${code}`;
  if (!editable)
    return (
      <Typography.Text type="secondary" data-testid={id}>
        <UserOutlined aria-hidden /> {ft('assignee')}: {name ?? ft('unassigned')}
      </Typography.Text>
    );
  return (
    <Flex align="center" gap={8} wrap>
      <label htmlFor={id}>{ft('assignee')}</label>
      <Select
        id={id}
        aria-label={ft('assigneeFor', { code })}
        data-testid={id}
        value={assigneeId ?? undefined}
        placeholder={ft('unassigned')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        loading={assign.isPending}
        onChange={(userId: string | undefined) =>
          assign
            .mutateAsync({ code, userId: userId ?? null })
            .then(() => showSuccess(ft('assigned', { code })))
            .catch(() => undefined)
        }
        options={form.staff.map((s) => ({ value: s.id, label: s.fullName }))}
        style={{ minWidth: 200, maxWidth: '100%' }}
      />
    </Flex>
  );
}
