import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError } from '../../api/errors';
import type { FaceProfileStatus, OwnFaceProfile } from '@xf/domain/api/accounts';
import { api } from '../../api/server';
import { refreshMe } from '../../auth/auth-api';
import { requireSession } from '../../auth/guard';
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

  const pick = async () => {
    setError('');
    try {
      const [p] = await takePhotos({ allowAlbum: true, max: 1 });
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
  return (
    <PageShell>
      <View className="card">
        <View className="row">
          <Text className="card-title">审核状态</Text>
          <Text
            className={status === 'approved' ? 'ok-text' : status === 'rejected' ? 'error-text' : 'warn-text'}
            data-testid="face-status"
          >
            {FACE_STATUS_LABEL[status]}
          </Text>
        </View>
        {status === 'rejected' && profile && 'rejectReason' in profile && profile.rejectReason && (
          <Text className="error-text">{`驳回原因：${profile.rejectReason}`}</Text>
        )}
        {status === 'pending' && <Text className="muted">已提交，等待总队审核。</Text>}
      </View>
      <View className="card">
        <Text className="card-title">上传人脸底图</Text>
        <Text className="muted">
          拍摄时尽量使用白色背景，不要戴口罩、帽子等遮挡；总队审核通过后才能使用APP和微信端。
        </Text>
        {photo && (
          <View className="photos">
            <Image className="photo" src={photo.previewUrl} mode="aspectFill" />
          </View>
        )}
        {error && <Text className="error-text">{error}</Text>}
        {busy && step && (
          <Text className="muted" data-testid="face-upload-step">
            {step}
          </Text>
        )}
        <View style={{ marginTop: '16px' }}>
          <Button className="btn btn-plain" onClick={() => void pick()}>
            {photo ? '重新拍摄' : '拍照 / 从相册选择'}
          </Button>
        </View>
        <View style={{ marginTop: '12px' }}>
          <Button className="btn" disabled={busy || !photo || undefined} onClick={() => void upload()}>
            {busy ? '提交中…' : '提交审核'}
          </Button>
        </View>
      </View>
    </PageShell>
  );
}
