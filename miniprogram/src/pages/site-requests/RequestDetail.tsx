import { Image, Text, View } from '@tarojs/components';
import { Button, Tag, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { SiteRequestView } from '@xf/domain/api/site-requests';
import { useStoredPhoto } from '../../api/photo';
import { api } from '../../api/server';
import { useAction } from '../../hooks/use-action';
import { type DeviceLocation, getLocation, mockFlagField, takePhotos } from '../../platform/device';
import { beijingTime, operatorChecks, taskKindLabel } from './checks';

function Line({ label, value, bad }: { label: string; value: string; bad?: boolean }) {
  return (
    <View className="detail-line">
      <Text className="detail-label">{label}</Text>
      <Text className={`detail-value${bad ? ' error-text' : ''}`}>{value}</Text>
    </View>
  );
}

const fixLine = (f: DeviceLocation) =>
  `经度${f.lng.toFixed(6)}，纬度${f.lat.toFixed(6)}（WGS-84），精度约${f.accuracy == null ? '未知' : Math.round(f.accuracy)}米`;

/**
 * One request as the lead decides it (manual §02 项目负责人在微信端比对位置和人脸 1–2): the operator's live photo, fix,
 * distance and face score; 同意 takes the lead's own fix and live photo (the server checks both and records every
 * figure); over a failed operator check it needs a reason and raises a red flag. 驳回 needs a reason.
 */
export function RequestDetail({
  request,
  onDecided,
}: {
  request: SiteRequestView;
  onDecided: (r: SiteRequestView) => void;
}) {
  const photo = useStoredPhoto(request.photoUrl);
  const { location, face, failed } = operatorChecks(request);
  const [reason, setReason] = useState('');
  const [ownFix, setOwnFix] = useState<DeviceLocation | null>(null);
  const [result, setResult] = useState('');
  const { busy, error, setError, run } = useAction();
  const canApprove = !!request.abilities?.approve;
  const canReject = !!request.abilities?.reject;
  const l = request.locationCheck;

  const approve = () =>
    run(async () => {
      if (failed.length && !reason.trim()) {
        setError(`操作员${failed.join('、')}未通过：强行同意须填写说明，并将记入跟踪标红`);
        return;
      }
      setResult('正在获取您的位置…');
      const fix = await getLocation();
      setOwnFix(fix);
      setResult('请拍摄您本人的现场照片（人脸比对）');
      const [shot] = await takePhotos({ allowAlbum: false, max: 1 });
      if (!shot) {
        setResult('未拍照，未处理该申请');
        return;
      }
      setResult('正在校验位置和人脸…');
      const file = shot.blob ? { blob: shot.blob, name: shot.name } : { tempFilePath: shot.tempFilePath! };
      try {
        const decided = await api.postSiteRequestApprove(request.id, file, {
          lng: fix.lng,
          lat: fix.lat,
          crs: 'WGS84',
          accuracy: fix.accuracy && fix.accuracy > 0 ? fix.accuracy : 100,
          isMock: mockFlagField(fix.mocked),
          fixTime: fix.at,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        });
        setResult(
          `已同意：您的位置校验和人脸比对均通过${decided.forcedOverride ? '；强行同意已记入跟踪标红' : ''}`,
        );
        onDecided(decided);
      } catch (e) {
        setResult('');
        throw e;
      }
    });

  const reject = () =>
    run(async () => {
      if (!reason.trim()) {
        setError('请填写驳回原因');
        return;
      }
      const decided = await api.postSiteRequestReject(request.id, { reason: reason.trim() });
      setResult('已驳回，操作员将在APP中收到通知');
      onDecided(decided);
    });

  return (
    <View className="request-detail">
      <View className="row">
        <Text className="card-title">{`${request.siteName} · ${taskKindLabel(request)}${request.kindLabel}`}</Text>
        <Tag
          type={
            request.status === 'pending' ? 'warning' : request.status === 'approved' ? 'success' : 'danger'
          }
        >
          {request.statusLabel}
        </Tag>
      </View>
      <Line
        label="操作员"
        value={`${request.requestedBy.displayName}（${request.requestedBy.accountName}）`}
      />
      <Line label="申请时间" value={beijingTime(request.requestedAt)} />
      {request.taskKind === 'maintenance' ? (
        <Line label="消防设施" value={`${request.facilityIds.length}个`} />
      ) : (
        <Line label="检测单项" value={`${request.planSingleItemIds.length}个`} />
      )}
      <View className="request-photo-box">
        {photo ? (
          <Image className="request-photo" src={photo} mode="widthFix" />
        ) : (
          <Text className="muted">现场照片加载中…</Text>
        )}
      </View>
      <Line label="位置校验" value={location} bad={!l.inside} />
      <Line
        label="操作员定位"
        value={`${l.crs}，精度约${Math.round(l.accuracy)}米，${beijingTime(l.checkedAt)}`}
      />
      {/* Unknown (a browser or the mini-program cannot tell) is shown as unknown, never as "not mocked". */}
      <Line label="是否模拟定位" value={l.mockLabel} bad={l.isMock !== false} />
      <Line label="人脸比对" value={face} bad={!request.faceCheck.accepted} />
      {request.status !== 'pending' ? (
        <>
          <Line label="处理时间" value={request.decidedAt ? beijingTime(request.decidedAt) : '—'} />
          {request.decisionReason ? <Line label="说明" value={request.decisionReason} /> : null}
          {request.forcedOverride ? (
            <View className="red-flag-note">红色标记：操作员校验未通过，项目负责人强行同意</View>
          ) : null}
        </>
      ) : null}

      {request.status === 'pending' && (canApprove || canReject) ? (
        <View className="decide-box">
          {failed.length ? (
            <View className="red-flag-note">
              {`操作员${failed.join('、')}未通过。强行同意须填写说明，并将记入跟踪标红（红色标记）。`}
            </View>
          ) : null}
          <TextArea
            className="decide-reason"
            placeholder={failed.length ? '强行同意的说明或驳回原因' : '驳回原因（同意时可不填）'}
            value={reason}
            maxLength={500}
            onChange={setReason}
          />
          <Text className="muted">同意时将获取您本人的位置并拍摄现场照片，须在项目现场且人脸比对通过。</Text>
          <View className="decide-actions">
            {canReject ? (
              <Button className="decide-reject" disabled={busy} onClick={() => void reject()}>
                驳回
              </Button>
            ) : null}
            {canApprove ? (
              <Button className="decide-approve" type="primary" loading={busy} onClick={() => void approve()}>
                {failed.length ? '强行同意' : '同意'}
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}
      {ownFix ? <Line label="您的定位" value={fixLine(ownFix)} /> : null}
      {result ? <View className="ok-text decide-result">{result}</View> : null}
      {error ? <View className="error-text decide-result">{error}</View> : null}
    </View>
  );
}
