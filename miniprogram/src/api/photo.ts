import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { getSession } from '../auth/session-store';
import { API_BASE } from './base-url';

const isH5 = process.env.TARO_ENV === 'h5';

/**
 * A stored photo (`/api/files/:id`) for an <Image>: files need the bearer token, which an image URL cannot
 * carry, so it is fetched (H5: a blob URL; WeChat: a downloaded temp file). Empty while loading or on failure.
 */
export function useStoredPhoto(url: string | null | undefined): string {
  const [src, setSrc] = useState('');
  useEffect(() => {
    if (!url) return;
    const full = url.startsWith('/api/') ? `${API_BASE}${url}` : url;
    const token = getSession()?.accessToken;
    const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
    let revoked = false;
    let objectUrl = '';
    if (isH5) {
      fetch(full, { headers })
        .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(String(r.status)))))
        .then((b) => {
          if (revoked) return;
          objectUrl = URL.createObjectURL(b);
          setSrc(objectUrl);
        })
        .catch(() => setSrc(''));
    } else {
      Taro.downloadFile({ url: full, header: headers })
        .then((r) => !revoked && r.statusCode === 200 && setSrc(r.tempFilePath))
        .catch(() => setSrc(''));
    }
    return () => {
      revoked = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);
  return src;
}
