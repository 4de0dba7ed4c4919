import { PageShell } from '../../components/PageShell';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Cell, Dialog } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { ReportView } from '@xf/domain/api/reports';
import { API_BASE } from '../../api/base-url';
import { api } from '../../api/server';
import { requireSession } from '../../auth/guard';
import { getSession } from '../../auth/session-store';
import { takePhotos, type PickedPhoto } from '../../platform/device';

/** Opens a report file: the mini-program downloads and previews it; H5 opens it in a new tab. */
async function openReportFile(url: string) {
  const token = getSession()?.accessToken ?? '';
  if (process.env.TARO_ENV === 'weapp') {
    const file = await Taro.downloadFile({
      url: `${API_BASE}${url}`,
      header: { Authorization: `Bearer ${token}` },
    });
    await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'pdf' });
    return;
  }
  const res = await fetch(`${API_BASE}${url}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error('报告文件下载失败，请稍后重试');
  window.open(URL.createObjectURL(await res.blob()), '_blank', 'noopener');
}

/**
 * 报告详情与备案: the report's facts and files, then 备案 with a live photo from the camera (never the album);
 * the server compares it with the approved profile and refuses an old photo sent again.
 */
export default function ReportFilePage() {
  const id = Number(useRouter().params.id);
  const [report, setReport] = useState<ReportView | null>(null);
  const [photo, setPhoto] = useState<PickedPhoto | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    if (!requireSession()) return;
    api.getReport(id).then(setReport, (e: Error) => setError(e.message));
  }, [id]);

  const shoot = async () => {
    setError('');
    try {
      const [p] = await takePhotos({ allowAlbum: false, max: 1 });
      if (p) setPhoto(p);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const file = async () => {
    setConfirming(false);
    if (!photo) return setError('人脸照片：请先拍摄本人现场照片');
    setBusy(true);
    setError('');
    try {
      const filed = await api.postReportFile(
        id,
        photo.blob ? { blob: photo.blob, name: 'live.jpg' } : { tempFilePath: photo.tempFilePath! },
      );
      setReport(filed);
      setPhoto(null);
      await Taro.showToast({ title: '已备案，已推送管辖支队', icon: 'none' });
    } catch (e) {
      setError((e as Error).message);
      setPhoto(null);
    } finally {
      setBusy(false);
    }
  };

  if (!report) return <PageShell>{error ? <Text className="error-text">{error}</Text> : null}</PageShell>;
  const canFile = !!report.abilities?.file;
  return (
    <PageShell>
      <Cell title="项目名称" extra={report.projectName ?? ''} />
      <Cell title="机构名称" extra={report.institutionName ?? ''} />
      <Cell title="报告类别" extra={`${report.kindLabel}报告`} />
      <Cell title="报告属性" extra={report.attributeLabel ?? ''} />
      <Cell title="报告完成日期" extra={report.completedOn} />
      <Cell title="状态" extra={report.statusLabel} />
      {report.filedOn && <Cell title="备案日期" extra={report.filedOn} />}
      <Cell title="报告结论" description={report.conclusion} />
      <View className="card row">
        {report.reportFileUrl && (
          <Button
            size="small"
            onClick={() =>
              void openReportFile(report.reportFileUrl!).catch((e: Error) => setError(e.message))
            }
          >
            查看报告
          </Button>
        )}
        {report.rawRecordFileUrl && (
          <Button
            size="small"
            onClick={() =>
              void openReportFile(report.rawRecordFileUrl!).catch((e: Error) => setError(e.message))
            }
          >
            原始记录
          </Button>
        )}
      </View>
      {canFile && (
        <View className="card">
          <Text className="card-title">备案：人脸比对</Text>
          <Text className="muted">请本人现场拍照，不能使用相册中的照片；备案后的报告不能被删除和修改。</Text>
          {photo && (
            <Image src={photo.previewUrl} mode="aspectFit" style={{ width: '160px', height: '200px' }} />
          )}
          <Button onClick={() => void shoot()} disabled={busy}>
            {photo ? '重新拍照' : '拍摄现场照片'}
          </Button>
          <Button type="primary" disabled={!photo || busy} loading={busy} onClick={() => setConfirming(true)}>
            人脸比对并备案
          </Button>
        </View>
      )}
      {error && <Text className="error-text">{error}</Text>}
      <Dialog
        visible={confirming}
        title="确认备案"
        content="备案后的报告不能被删除和修改，并将推送给项目管辖支队。确认备案？"
        onConfirm={() => void file()}
        onCancel={() => setConfirming(false)}
      />
      <PrivacyConsent />
    </PageShell>
  );
}
