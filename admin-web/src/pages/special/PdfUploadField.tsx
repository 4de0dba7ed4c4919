import { UploadOutlined } from '@ant-design/icons';
import { Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { http } from '../../api/client';
import { useApiError } from '../../api/errors';

const MAX_BYTES = 50 * 1024 * 1024;

/**
 * One file uploaded at once through POST /api/files; the form keeps its id. `pdfOnly` checks the name
 * here for a quick hint; the server checks the content.
 */
export function FileUploadField({
  value,
  onChange,
  pdfOnly = true,
  testId,
}: {
  value?: number;
  onChange?: (id: number | undefined) => void;
  pdfOnly?: boolean;
  testId?: string;
}) {
  const onError = useApiError();
  const [name, setName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    if (pdfOnly && !/\.pdf$/i.test(file.name)) return onError(new Error('上传文件格式必须是PDF'));
    if (file.size > MAX_BYTES) return onError(new Error('上传文件大小不能超过50M'));
    setBusy(true);
    try {
      const fd = new FormData();
      fd.append('file', file);
      const stored = await http.upload<{ id: number }>('/files', fd);
      setName(file.name);
      onChange?.(stored.id);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space>
      <Upload
        accept={pdfOnly ? 'application/pdf,.pdf' : undefined}
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid={testId}>
          选择...
        </Button>
      </Upload>
      {value ? <Typography.Text type="success">{name ?? `文件 ${value}`} 已上传</Typography.Text> : null}
    </Space>
  );
}
