import { Image, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { http } from '../api/client';

/** An image behind the API's bearer authentication (plain <img src> cannot send the token). */
export function AuthImage({
  src,
  alt,
  width,
  height,
}: {
  src: string;
  alt: string;
  width: number;
  height: number;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    setFailed(false);
    http.blob(src).then(
      (blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [src]);
  if (failed)
    return (
      <div
        style={{
          width,
          height,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          background: '#fafafa',
          color: '#999',
        }}
      >
        图片加载失败
      </div>
    );
  if (!url) return <Skeleton.Image active style={{ width, height }} />;
  return <Image src={url} alt={alt} width={width} height={height} style={{ objectFit: 'cover' }} />;
}
