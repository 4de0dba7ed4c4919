import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import type { ReactNode } from 'react';

/**
 * A drag-and-drop area that hands each chosen file to `onFile` and keeps no list of its own: the page
 * uploads the file itself and shows what it got back.
 */
export function FileDropZone({
  onFile,
  text = '拖拽文件到这里，或点击选择...',
  hint,
  accept,
  multiple = false,
  disabled = false,
}: {
  onFile: (file: File) => Promise<unknown> | void;
  text?: string;
  hint?: ReactNode;
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
}) {
  return (
    <Upload.Dragger
      accept={accept}
      multiple={multiple}
      showUploadList={false}
      disabled={disabled}
      beforeUpload={(file) => {
        void onFile(file);
        return false;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{text}</p>
      {hint && <p className="ant-upload-hint">{hint}</p>}
    </Upload.Dragger>
  );
}
