import { Button, Select, Space } from 'antd';
import { useRef, useState } from 'react';
import { http } from '../../api/client';
import { useApiError } from '../../api/errors';
import {
  attachmentKindLabels,
  type Attachment,
  type AttachmentKind,
  type StoredFile,
} from '../../api/projects';
import { FitTable } from '../../components/FitTable';
import { FileDropZone } from '../../components/FileDropZone';

const MAX_BYTES = 50 * 1024 * 1024;

/**
 * 上传合同附件: drag or choose several files; each is uploaded at once (POST /api/files) and gets a
 * category. The scope page (`scopeKind`) is preselected for the first file since one is required.
 */
export function AttachmentsField({
  value = [],
  onChange,
  scopeKind,
}: {
  value?: Attachment[];
  onChange?: (v: Attachment[]) => void;
  scopeKind: Extract<AttachmentKind, 'testing_scope' | 'maintenance_scope'>;
}) {
  const onError = useApiError();
  const [uploading, setUploading] = useState(0);
  // Files dropped together finish one by one; each adds to the latest list, not the one it started with.
  const current = useRef(value);
  current.current = value;
  const kinds: AttachmentKind[] = [scopeKind, 'contract', 'other'];

  const upload = async (file: File) => {
    if (file.size > MAX_BYTES) {
      onError(new Error(`“${file.name}”超过50M，单个附件大小不超过50M`));
      return;
    }
    setUploading((n) => n + 1);
    try {
      const fd = new FormData();
      fd.append('file', file);
      const stored = await http.upload<StoredFile>('/files', fd);
      const hasScope = current.current.some((a) => a.kind === scopeKind);
      current.current = [
        ...current.current,
        { fileId: stored.id, kind: hasScope ? 'contract' : scopeKind, name: file.name, url: stored.url },
      ];
      onChange?.(current.current);
    } catch (e) {
      onError(e);
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const setKind = (fileId: number, kind: AttachmentKind) =>
    onChange?.(value.map((a) => (a.fileId === fileId ? { ...a, kind } : a)));
  const remove = (fileId: number) => onChange?.(value.filter((a) => a.fileId !== fileId));

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <FileDropZone
        multiple
        disabled={uploading > 0}
        onFile={upload}
        hint="支持多文件同时上传，单个附件大小不超过50M。"
      />
      {value.length > 0 && (
        <FitTable<Attachment>
          size="small"
          rowKey="fileId"
          pagination={false}
          dataSource={value}
          data-testid="attachments-table"
          columns={[
            {
              title: '附件',
              render: (_, a) =>
                a.name ?? (
                  <a href={a.url ?? `/api/files/${a.fileId}`} target="_blank" rel="noreferrer">
                    附件 {a.fileId}
                  </a>
                ),
            },
            {
              title: '类别',
              width: 180,
              render: (_, a) => (
                <Select<AttachmentKind>
                  value={a.kind}
                  style={{ width: 160 }}
                  onChange={(k) => setKind(a.fileId, k)}
                  options={kinds.map((k) => ({ value: k, label: attachmentKindLabels[k] }))}
                />
              ),
            },
            {
              title: '操作',
              width: 80,
              render: (_, a) => (
                <Button type="link" danger onClick={() => remove(a.fileId)}>
                  删除
                </Button>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}

/** antd rule: at least one attachment marked as the scope page. */
export const scopePageRule = (scopeKind: AttachmentKind) => ({
  validator: async (_: unknown, v: Attachment[] | undefined) => {
    if (!v?.some((a) => a.kind === scopeKind))
      throw new Error(`合同附件至少要上传一个${attachmentKindLabels[scopeKind]}`);
  },
});
