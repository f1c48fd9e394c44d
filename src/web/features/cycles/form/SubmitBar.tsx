import { SendOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import type { TUnitForm } from '../../../../contracts/cycles';
import { ApiError } from '../../../backend/client';
import { showError, showSuccess } from '../../../ui/feedback';
import type { FormAccess } from './access';
import { flushWrites, useSubmitForm } from './api';
import { type MissingItem, MissingModal } from './MissingModal';
import { ResubmitModal } from './ResubmitModal';
import { useFormText } from './text';

/** The `cycle_incomplete` refusal's list; empty when the details have another shape. */
function missingItems(err: unknown): MissingItem[] | null {
  if (!(err instanceof ApiError) || err.code !== 'cycle_incomplete') return null;
  if (!Array.isArray(err.details)) return [];
  return err.details.filter(
    (d): d is MissingItem =>
      typeof d === 'object' && d !== null && typeof d.code === 'string' && typeof d.message === 'string',
  );
}

/** Submit (with confirmation; a refusal lists what is missing) and resubmit after requests. */
export function SubmitBar({
  form,
  access,
  onGoTo,
}: {
  form: TUnitForm;
  access: FormAccess;
  onGoTo: (code: string) => void;
}) {
  const { ft } = useFormText();
  const { modal } = App.useApp();
  const submit = useSubmitForm(form.cycleId, form.unit.id);
  const [missing, setMissing] = useState<MissingItem[] | null>(null);
  const [resubmitting, setResubmitting] = useState(false);
  if (!access.isUnitReporter) return null;

  const doSubmit = async () => {
    try {
      await flushWrites(form.cycleId, form.unit.id);
      await submit.mutateAsync(undefined);
      showSuccess(ft('submitOk'));
    } catch (err) {
      const items = missingItems(err);
      if (items) setMissing(items);
      else showError(err);
    }
  };
  const confirm = () =>
    modal.confirm({
      title: ft('submitConfirmTitle'),
      content: ft('submitConfirmText'),
      okText: ft('submit'),
      onOk: doSubmit,
    });

  return (
    <Flex gap={8} wrap>
      {form.state === 'draft' && (
        <Button
          type="primary"
          size="large"
          icon={<SendOutlined aria-hidden />}
          disabled={!access.draftOpen}
          loading={submit.isPending}
          onClick={confirm}
          data-testid="submit-form"
        >
          {ft('submit')}
        </Button>
      )}
      {access.openRequests > 0 && (
        <Button
          type="primary"
          size="large"
          icon={<UndoOutlined aria-hidden />}
          disabled={!access.answerOpen}
          onClick={() => setResubmitting(true)}
          data-testid="resubmit-form"
        >
          {ft('resubmit')}
        </Button>
      )}
      <MissingModal
        items={missing}
        onClose={() => setMissing(null)}
        onGoTo={(code) => {
          setMissing(null);
          onGoTo(code);
        }}
      />
      <ResubmitModal form={form} open={resubmitting} onClose={() => setResubmitting(false)} />
    </Flex>
  );
}
