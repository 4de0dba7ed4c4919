import { Image, Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/errors';
import type { FaceProfileStatus, OwnFaceProfile } from '@xf/domain/api/accounts';
import { api } from '../../api/server';
import { refreshMe } from '../../auth/auth-api';
import { requireSession } from '../../auth/guard';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { claimRestoredPhotos, onRestoredPhoto } from '../../platform/camera-restore';
import { takePhotos, type PickedPhoto } from '../../platform/device';
import { FACE_STATUS_LABEL } from './status-label';
import { PageShell } from '../../components/PageShell';

/**
 * What the upload is doing, by elapsed time: the request is one call, but the server first receives the
 * photo and then finds the face in it, which takes long when the face model is still loading.
 */
const UPLOAD_STEPS: [afterMs: number, text: string][] = [
  [0, '第1步/共2步：正在上传照片…'],
  [3000, '第2步/共2步：正在检查照片中的人脸…'],
  [10000, '第2步/共2步：正在检查照片中的人脸，服务刚启动时需要较长时间（约半分钟），请勿离开本页…'],
];

/** The camera purpose of this form: a photo restored after Android killed the app comes back here. */
const PHOTO_PURPOSE = 'face-profile';

/** Manual §01: upload the identity base photo; usable only after the brigade approves it. */
export default function FaceProfilePage() {
  const [profile, setProfile] = useState<OwnFaceProfile | null>(null);
  const [photo, setPhoto] = useState<PickedPhoto | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState('');

  const load = async () => {
    try {
      setProfile(await api.getFaceProfilesMe());
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setProfile(null);
      else setError((e as Error).message);
    }
  };
  useDidShow(() => {
    if (requireSession()) void load();
  });
  useEffect(() => {
    const claim = () => {
      const [restored] = claimRestoredPhotos(PHOTO_PURPOSE);
      if (restored) setPhoto(restored);
    };
    claim();
    return onRestoredPhoto((purpose) => purpose === PHOTO_PURPOSE && claim());
  }, []);

  const pick = async () => {
    setError('');
    try {
      const [p] = await takePhotos({ allowAlbum: true, max: 1, purpose: PHOTO_PURPOSE });
      if (p) setPhoto(p);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const upload = async () => {
    if (!photo) return setError('照片：请先拍摄或选择人脸底图');
    setBusy(true);
    setError('');
    const timers = UPLOAD_STEPS.map(([after, text]) => setTimeout(() => setStep(text), after));
    try {
      const saved = await api.createFaceProfile(
        photo.blob ? { blob: photo.blob, name: photo.name } : { tempFilePath: photo.tempFilePath! },
      );
      setProfile(saved);
      setPhoto(null);
      await refreshMe().catch(() => undefined);
      await Taro.showToast({ title: '已提交，等待审核', icon: 'none' });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      timers.forEach(clearTimeout);
      setStep('');
      setBusy(false);
    }
  };

  const status: FaceProfileStatus = (profile?.status ?? 'none') as FaceProfileStatus;
  const tone = status === 'approved' ? 'success' : status === 'rejected' ? 'danger' : 'warning';
  return (
    <PageShell>
      <CellGroup>
        <Cell
          title={<Text className="card-title">审核状态</Text>}
          extra={
            <Text data-testid="face-status">
              <Tag type={tone}>{FACE_STATUS_LABEL[status]}</Tag>
            </Text>
          }
          description={
            status === 'rejected' && profile && 'rejectReason' in profile && profile.rejectReason ? (
              <Text className="error-text">{`驳回原因：${profile.rejectReason}`}</Text>
            ) : status === 'pending' ? (
              '已提交，等待总队审核。'
            ) : undefined
          }
        />
      </CellGroup>
      <CellGroup
        title="上传人脸底图"
        description="拍摄时尽量使用白色背景，不要戴口罩、帽子等遮挡；总队审核通过后才能使用APP和微信端。"
      >
        {photo && (
          <Cell>
            <View className="photos">
              <Image className="photo" src={photo.previewUrl} mode="aspectFill" />
            </View>
          </Cell>
        )}
        {(error || (busy && step)) && (
          <Cell>
            {error && <Text className="error-text">{error}</Text>}
            {busy && step && (
              <Text className="muted" data-testid="face-upload-step">
                {step}
              </Text>
            )}
          </Cell>
        )}
      </CellGroup>
      <View className="form-actions">
        <Button block fill="outline" onClick={() => void pick()}>
          {photo ? '重新拍摄' : '拍照 / 从相册选择'}
        </Button>
        <Button type="primary" block loading={busy} disabled={busy || !photo} onClick={() => void upload()}>
          {busy ? '提交中…' : '提交审核'}
        </Button>
      </View>
      <PrivacyConsent />
    </PageShell>
  );
}
