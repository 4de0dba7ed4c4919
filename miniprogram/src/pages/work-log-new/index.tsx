import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, DatePicker, TextArea } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { useAction } from '../../hooks/use-action';
import { getSession } from '../../auth/session-store';
import { offlineDb } from '../../offline/db';
import { syncNow } from '../../offline/sync-engine';
import { MAX_WORK_LOG_PHOTOS, saveWorkLog, validateWorkLogDraft } from '../../offline/work-logs';
import { claimRestoredPhotos, onRestoredPhoto } from '../../platform/camera-restore';
import { takePhotos, type PickedPhoto } from '../../platform/device';
import { PageShell } from '../../components/PageShell';
import { PrivacyConsent } from '../../components/PrivacyConsent';

/** The camera purpose of this form: a photo restored after Android killed the app comes back here. */
const PHOTO_PURPOSE = 'work-log';

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const today = () => isoDate(new Date());
/** A log is written for today or a day of the past year, picked on the date wheel. */
const ONE_YEAR_MS = 366 * 24 * 3600 * 1000;

/** Saved to the phone first; uploading happens later through the outbox, with or without a connection now. */
export default function WorkLogNewPage() {
  const [date, setDate] = useState(today);
  const [picking, setPicking] = useState(false);
  const [content, setContent] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const { busy, error, setError, run } = useAction();
  useEffect(() => {
    const claim = () => {
      const restored = claimRestoredPhotos(PHOTO_PURPOSE);
      if (restored.length) setPhotos((p) => [...p, ...restored].slice(0, MAX_WORK_LOG_PHOTOS));
    };
    claim();
    return onRestoredPhoto((purpose) => purpose === PHOTO_PURPOSE && claim());
  }, []);

  const addPhotos = async () => {
    setError('');
    try {
      const picked = await takePhotos({
        allowAlbum: true,
        max: MAX_WORK_LOG_PHOTOS - photos.length,
        purpose: PHOTO_PURPOSE,
      });
      setPhotos((p) => [...p, ...picked].slice(0, MAX_WORK_LOG_PHOTOS));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const save = async () => {
    const session = getSession();
    if (!session) return;
    const draft = {
      date,
      content,
      photos: photos.filter((p) => p.blob).map((p) => ({ blob: p.blob!, name: p.name })),
    };
    const problem = validateWorkLogDraft(draft);
    if (problem) return setError(problem);
    await run(async () => {
      await saveWorkLog(await offlineDb(), String(session.user.id), draft);
      void syncNow();
      await Taro.navigateBack();
    });
  };

  return (
    <PageShell>
      <View className="card">
        <Cell
          className="work-log-date"
          title="日期"
          extra={`${date} ›`}
          clickable
          onClick={() => setPicking(true)}
        />
        <DatePicker
          title="选择日期"
          type="date"
          showChinese
          visible={picking}
          value={new Date(`${date}T00:00:00`)}
          startDate={new Date(Date.now() - ONE_YEAR_MS)}
          endDate={new Date()}
          onClose={() => setPicking(false)}
          onConfirm={(_, [y, m, d]) => setDate(`${y}-${pad(Number(m))}-${pad(Number(d))}`)}
        />
        <View className="field">
          <Text className="field-label">工作内容</Text>
          <TextArea
            className="textarea"
            placeholder="今日工作内容"
            value={content}
            maxLength={5000}
            onChange={(v) => setContent(v)}
          />
        </View>
        <View className="field">
          <Text className="field-label">{`照片（${photos.length}/${MAX_WORK_LOG_PHOTOS}）`}</Text>
          <View className="photos">
            {photos.map((p) => (
              <Image key={p.previewUrl} className="photo draft-photo" src={p.previewUrl} mode="aspectFill" />
            ))}
          </View>
          <View style={{ marginTop: '12px' }}>
            <Button size="small" fill="outline" onClick={() => void addPhotos()}>
              拍照 / 添加照片
            </Button>
          </View>
        </View>
        {error && (
          <View className="field">
            <Text className="error-text">{error}</Text>
          </View>
        )}
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void save()}>
          保存
        </Button>
        <Text className="muted" style={{ display: 'block', marginTop: '12px' }}>
          保存在本机，联网后自动上传。
        </Text>
      </View>
      <PrivacyConsent />
    </PageShell>
  );
}
