import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Flex, Typography, Upload } from 'antd';
import type { ReactNode } from 'react';

export const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Props {
  intro: ReactNode;
  templateUrl: string;
  templateLabel: string;
  /** Text of the drop zone: what to do, or which file is chosen. */
  prompt: string;
  /** The file types and size the server accepts. */
  hint?: string;
  accept?: string;
  onChoose: (file: File) => void;
  /** Settings shown between the template and the drop zone. */
  children?: ReactNode;
  compact?: boolean;
}

/** The first step of a file import: what to do, the template, and the drop zone. */
export function ImportUploadStep({
  intro,
  templateUrl,
  templateLabel,
  prompt,
  hint,
  accept = XLSX_ACCEPT,
  onChoose,
  children,
  compact,
}: Props) {
  return (
    <>
      <Typography.Paragraph style={{ margin: 0 }}>{intro}</Typography.Paragraph>
      <div>
        <Button icon={<DownloadOutlined />} href={templateUrl} download>
          {templateLabel}
        </Button>
      </div>
      {children}
      <Upload.Dragger
        accept={accept}
        maxCount={1}
        showUploadList={false}
        beforeUpload={(f) => {
          onChoose(f);
          return false; // keep the file here; it is sent by the check button
        }}
      >
        <p style={{ fontSize: compact ? 28 : 32, margin: 0, color: '#1456b8' }}>
          <InboxOutlined aria-hidden />
        </p>
        <p style={{ margin: 0 }}>{prompt}</p>
        {hint && <p style={{ margin: 0, color: 'rgba(0,0,0,0.7)' }}>{hint}</p>}
      </Upload.Dragger>
    </>
  );
}

/** "Check the file" and, once the check passed, "Import". */
export function ImportActions({
  hasFile,
  checked,
  pending,
  onCheck,
  checkLabel,
  checkPrimary = true,
  confirmLabel,
  confirmDisabled,
  onConfirm,
}: {
  hasFile: boolean;
  checked: boolean;
  pending: boolean;
  onCheck: () => void;
  checkLabel: string;
  /** The check is the main action until a preview is shown. */
  checkPrimary?: boolean;
  confirmLabel: string;
  confirmDisabled?: boolean;
  onConfirm: () => void;
}) {
  return (
    <Flex gap={8} wrap>
      <Button
        type={checkPrimary && !checked ? 'primary' : 'default'}
        disabled={!hasFile}
        loading={pending && !checked}
        onClick={onCheck}
      >
        {checkLabel}
      </Button>
      {checked && (
        <Button type="primary" disabled={confirmDisabled} loading={pending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      )}
    </Flex>
  );
}
