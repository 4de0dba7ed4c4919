import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Spin, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import {
  readEditionJson,
  standardsApi,
  type EditionPreview,
  type EditionUpload,
} from '../../../api/standards';
import { EditionDiffView } from './EditionDiffView';
import { FileDropZone } from '../../../components/FileDropZone';

/** The server lists at most this many problems of one upload. */
const MAX_LISTED_DETAILS = 200;

interface Problem {
  message: string;
  details: string[];
}

const toProblem = (e: unknown): Problem =>
  e instanceof ApiError
    ? { message: e.message, details: e.details.map((d) => d.message) }
    : { message: e instanceof Error ? e.message : '操作失败', details: [] };

const countLines = (p: EditionPreview) => {
  const e = p.edition;
  return {
    systems: e.maintenance.length,
    lines: e.maintenance.reduce(
      (n, s) =>
        n + s.categories.reduce((m, c) => m + c.facilities.reduce((k, f) => k + f.lines.length, 0), 0),
      0,
    ),
    singleItems: e.testing.length,
    items: e.testing.reduce((n, s) => n + s.subItems.reduce((m, u) => m + u.items.length, 0), 0),
  };
};

/**
 * Upload a corrected edition (Excel or JSON): the server first checks it without storing anything
 * (dryRun), the page shows the problems or the differences, and only 确认发布 stores it.
 */
export function EditionUploadPanel({ onPublished }: { onPublished: (id: string) => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<null | 'check' | 'publish'>(null);
  const [pending, setPending] = useState<{
    upload: EditionUpload;
    fileName: string;
    preview: EditionPreview;
  } | null>(null);
  const [problem, setProblem] = useState<(Problem & { fileName: string }) | null>(null);

  const check = async (file: File) => {
    setPending(null);
    setProblem(null);
    setBusy('check');
    try {
      const name = file.name.toLowerCase();
      let upload: EditionUpload;
      if (name.endsWith('.xlsx')) upload = { kind: 'excel', file };
      else if (name.endsWith('.json'))
        upload = { kind: 'json', fileName: file.name, edition: await readEditionJson(file) };
      else throw new Error(`文件“${file.name}”的格式不支持：请上传 .xlsx（Excel）或 .json 文件`);
      const preview = await standardsApi.submit(upload, true);
      setPending({ upload, fileName: file.name, preview });
    } catch (e) {
      setProblem({ ...toProblem(e), fileName: file.name });
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    if (!pending) return;
    setBusy('publish');
    try {
      const done = await standardsApi.submit(pending.upload, false);
      message.success(`已发布标准版本“${done.edition.id}”`);
      setPending(null);
      onPublished(done.edition.id);
    } catch (e) {
      setProblem({ ...toProblem(e), fileName: pending.fileName });
      setPending(null);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title="上传更正版本" style={{ marginBottom: 16 }}>
      <Spin spinning={busy === 'check'} tip="正在校验…">
        <FileDropZone
          accept=".xlsx,.json"
          disabled={busy !== null}
          onFile={check}
          text="点击或拖拽标准版本文件（Excel .xlsx 或 JSON .json）到此处"
          hint="上传后先校验并与当时生效的版本比对，不会立即生效；确认差异无误后点击“确认发布”。请先下载现行版本的Excel，修改后填写新的版本编号和生效日期再上传。"
        />
      </Spin>

      {problem && (
        <Alert
          data-testid="edition-upload-errors"
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={`“${problem.fileName}”未通过校验，未作任何更改`}
          description={
            <>
              {problem.details.length === 0 ? (
                <div>{problem.message}</div>
              ) : (
                <div>
                  请逐项修改后重新上传（列出{problem.details.length}处问题
                  {problem.details.length >= MAX_LISTED_DETAILS ? '，仅显示前面的部分' : ''}）：
                </div>
              )}
              {problem.details.length > 0 && (
                <ol style={{ maxHeight: 300, overflow: 'auto', margin: '8px 0 0', paddingLeft: 24 }}>
                  {problem.details.map((d, i) => (
                    <li key={i}>{d}</li>
                  ))}
                </ol>
              )}
            </>
          }
          closable
          onClose={() => setProblem(null)}
        />
      )}

      {pending && (
        <Card
          data-testid="edition-preview"
          size="small"
          type="inner"
          style={{ marginTop: 12 }}
          title={`发布预览：${pending.fileName}（尚未发布）`}
          extra={
            <Space>
              <Button onClick={() => setPending(null)} disabled={busy === 'publish'}>
                取消
              </Button>
              <Popconfirm
                title="确认发布该标准版本？"
                description="发布后不能修改或删除；自生效日期起新建的项目使用该版本。"
                okText="确认发布"
                cancelText="再看看"
                onConfirm={publish}
              >
                <Button type="primary" icon={<CheckCircleOutlined />} loading={busy === 'publish'}>
                  确认发布
                </Button>
              </Popconfirm>
            </Space>
          }
        >
          <PreviewBody preview={pending.preview} />
        </Card>
      )}
    </Card>
  );
}

function PreviewBody({ preview }: { preview: EditionPreview }) {
  const e = preview.edition;
  const n = countLines(preview);
  return (
    <>
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="版本编号">{e.id}</Descriptions.Item>
        <Descriptions.Item label="生效日期">{e.effectiveDate}</Descriptions.Item>
        <Descriptions.Item label="标题" span={2}>
          {e.title}
        </Descriptions.Item>
        <Descriptions.Item label="内容">
          维保系统{n.systems}个、维保内容{n.lines}条；检测单项{n.singleItems}个、检测项{n.items}项
        </Descriptions.Item>
        <Descriptions.Item label="比对的上一版本">{preview.previousEditionId ?? '（无）'}</Descriptions.Item>
      </Descriptions>
      {preview.diff ? (
        <>
          <Space size="large" style={{ marginBottom: 12 }}>
            <Statistic
              title="新增"
              value={preview.diff.counts.added}
              styles={{ content: { color: '#389e0d' } }}
            />
            <Statistic
              title="删除"
              value={preview.diff.counts.removed}
              styles={{ content: { color: '#cf1322' } }}
            />
            <Statistic
              title="修改"
              value={preview.diff.counts.changed}
              styles={{ content: { color: '#1677ff' } }}
            />
          </Space>
          <EditionDiffView diff={preview.diff} />
        </>
      ) : (
        <Typography.Text type="secondary">没有可比对的上一版本，将作为第一个版本发布。</Typography.Text>
      )}
    </>
  );
}
