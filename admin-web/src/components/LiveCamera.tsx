import { Alert, Button, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';

/** Longest side of the captured photo: enough for the face comparison, small to upload. */
const MAX_SIDE = 1280;

/**
 * A live photo from the computer's camera (getUserMedia → video → canvas → JPEG), never a file from disk:
 * the face check must see the person in front of the screen now (manual §02 技术负责人审核和备案).
 */
export function LiveCamera({ onCapture }: { onCapture: (photo: Blob | null) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shot, setShot] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let live: MediaStream | null = null;
    let cancelled = false;
    if (!navigator.mediaDevices?.getUserMedia) {
      setError('此浏览器不能使用摄像头，请使用带摄像头的电脑并通过 https 打开本系统');
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'user', width: { ideal: 1280 } }, audio: false })
      .then((s) => {
        if (cancelled) return s.getTracks().forEach((t) => t.stop());
        live = s;
        setStream(s);
      })
      .catch((e: Error) =>
        setError(
          e.name === 'NotAllowedError'
            ? '未允许使用摄像头：请在浏览器地址栏允许本网站使用摄像头后重试'
            : '未找到可用的摄像头：请连接摄像头后重试',
        ),
      );
    return () => {
      cancelled = true;
      live?.getTracks().forEach((t) => t.stop());
    };
  }, []);

  useEffect(() => {
    if (video.current && stream) {
      video.current.srcObject = stream;
      void video.current.play().catch(() => undefined);
    }
  }, [stream, shot]);

  const capture = () => {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const scale = Math.min(1, MAX_SIDE / Math.max(v.videoWidth, v.videoHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(v.videoWidth * scale);
    canvas.height = Math.round(v.videoHeight * scale);
    canvas.getContext('2d')!.drawImage(v, 0, 0, canvas.width, canvas.height);
    canvas.toBlob(
      (blob) => {
        if (!blob) return;
        setShot(URL.createObjectURL(blob));
        onCapture(blob);
      },
      'image/jpeg',
      0.9,
    );
  };
  const retake = () => {
    if (shot) URL.revokeObjectURL(shot);
    setShot(null);
    setReady(false);
    onCapture(null);
  };

  if (error) return <Alert type="error" showIcon title={error} data-testid="camera-error" />;
  return (
    <Space orientation="vertical" align="center" style={{ width: '100%' }}>
      {shot ? (
        <img src={shot} alt="现场照片" style={{ width: 320, borderRadius: 8 }} data-testid="camera-shot" />
      ) : (
        <video
          ref={video}
          muted
          playsInline
          onLoadedData={() => setReady(true)}
          style={{ width: 320, borderRadius: 8, background: '#000', transform: 'scaleX(-1)' }}
          data-testid="camera-video"
        />
      )}
      {shot ? (
        <Button onClick={retake}>重新拍照</Button>
      ) : (
        <Button type="primary" onClick={capture} disabled={!stream || !ready} data-testid="camera-capture">
          拍照
        </Button>
      )}
    </Space>
  );
}
