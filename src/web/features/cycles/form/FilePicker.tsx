import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography, Upload } from 'antd';
import { formatSize } from './format';
import { useFormText } from './text';

export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.ods';
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
const EXTENSIONS = EVIDENCE_ACCEPT.split(',');

/** A first check in the browser; the server decides from the file's content. */
export function evidenceFileProblem(file: File): 'fileTooBig' | 'fileWrongType' | null {
  if (file.size > EVIDENCE_MAX_BYTES) return 'fileTooBig';
  const name = file.name.toLowerCase();
  return EXTENSIONS.some((ext) => name.endsWith(ext)) ? null : 'fileWrongType';
}

/** One file kept in the form (sent with the other fields), with the accepted types and size limit. */
export function FilePicker({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: File | null;
  onChange?: (file: File | null) => void;
}) {
  const { ft, lang } = useFormText();
  return (
    <div>
      <Upload
        accept={EVIDENCE_ACCEPT}
        maxCount={1}
        showUploadList={false}
        beforeUpload={(f) => {
          onChange?.(f);
          return false; // kept here; sent with the form
        }}
      >
        <Button id={id} icon={<UploadOutlined aria-hidden />}>
          {ft('fileChoose')}
        </Button>
      </Upload>
      {value && (
        <Flex align="center" gap={6} style={{ marginTop: 6 }} data-testid="evidence-file-chosen">
          <PaperClipOutlined aria-hidden />
          <Typography.Text style={{ wordBreak: 'break-all' }}>
            {value.name} ({formatSize(value.size, lang)})
          </Typography.Text>
          <Button type="link" size="small" onClick={() => onChange?.(null)}>
            {ft('fileRemove')}
          </Button>
        </Flex>
      )}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
        {ft('fileHint')}
      </Typography.Text>
    </div>
  );
}
