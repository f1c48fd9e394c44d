import { Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { DateInput } from '../../../ui/DateInput';
import { toIso } from '../../../ui/dates';
import { showSuccess } from '../../../ui/feedback';
import { applyFormError } from '../../../ui/formErrors';
import { useAddEvidence } from './api';
import { evidenceFileProblem, FilePicker } from './FilePicker';
import { useFormText } from './text';

interface Values {
  docNumber: string;
  docDate: Dayjs | null;
  summary: string;
  attach: 'file' | 'url';
  file: File | null;
  url: string;
}

const FIELDS = ['docNumber', 'docDate', 'summary', 'url', 'file'];

/** Adds one structured evidence entry: number, date, summary (trích yếu) and a file or a link. */
export function EvidenceModal({
  cycleId,
  unitId,
  code,
  open,
  onClose,
}: {
  cycleId: string;
  unitId: string;
  code: string;
  open: boolean;
  onClose: () => void;
}) {
  const { ft } = useFormText();
  const [form] = Form.useForm<Values>();
  const attach = Form.useWatch('attach', form) ?? 'file';
  const add = useAddEvidence(cycleId, unitId, code);

  const finish = async (v: Values) => {
    try {
      await add.mutateAsync({
        docNumber: v.docNumber.trim(),
        docDate: toIso(v.docDate) ?? '',
        summary: v.summary.trim(),
        url: v.attach === 'url' ? v.url.trim() : null,
        file: v.attach === 'file' ? v.file : null,
      });
      showSuccess(ft('evidenceAdded'));
      onClose();
    } catch (err) {
      applyFormError(form, err, {
        fieldFor: (path) => {
          const name = path.split('.')[0] ?? '';
          return FIELDS.includes(name) ? [name] : null;
        },
        codeFields: { unsupported_file_type: 'file', file_too_large: 'file' },
      });
    }
  };

  return (
    <Modal
      open={open}
      title={ft('evidenceTitle', { code })}
      okText={ft('addEvidence')}
      okButtonProps={{ loading: add.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      destroyOnHidden
      width={600}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={finish}
        initialValues={{ attach: 'file', file: null, url: '' }}
        requiredMark
      >
        <Form.Item
          name="docNumber"
          label={ft('docNumber')}
          rules={[{ required: true, whitespace: true, max: 100, message: ft('docNumberRequired') }]}
        >
          <Input placeholder={ft('docNumberPlaceholder')} maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="docDate"
          label={ft('docDate')}
          rules={[{ required: true, message: ft('docDateRequired') }]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item
          name="summary"
          label={ft('summary')}
          rules={[{ required: true, whitespace: true, min: 3, message: ft('summaryRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="attach" label={ft('attachment')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'file', label: ft('attachFile') },
              { value: 'url', label: ft('attachUrl') },
            ]}
          />
        </Form.Item>
        {attach === 'file' ? (
          <Form.Item
            name="file"
            label={ft('file')}
            rules={[
              {
                validator: (_, f: File | null) => {
                  if (!f) return Promise.reject(new Error(ft('fileRequired')));
                  const problem = evidenceFileProblem(f);
                  return problem
                    ? Promise.reject(new Error(ft(problem, { name: f.name })))
                    : Promise.resolve();
                },
              },
            ]}
          >
            <FilePicker />
          </Form.Item>
        ) : (
          <Form.Item
            name="url"
            label={ft('url')}
            rules={[{ required: true, pattern: /^https?:\/\/\S+$/i, message: ft('urlRequired') }]}
          >
            <Input inputMode="url" placeholder="https://" maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
