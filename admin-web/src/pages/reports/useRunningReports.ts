import type { ReportView } from '@xf/domain/api/reports';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';

/**
 * The reports of one kind being generated (and the last failed ones), polled every 1.5 s while any is running and
 * every 8 s otherwise; `refresh` after starting one shows it at once.
 */
export function useRunningReports(kind: 'testing' | 'maintenance') {
  const [running, setRunning] = useState<ReportView[]>([]);
  const refresh = useCallback(async () => {
    const page = await api.getReports({ kind, status: 'generating', page: 1, pageSize: 50 });
    const failed = await api.getReports({ kind, status: 'failed', page: 1, pageSize: 5 });
    setRunning([...page.items, ...failed.items]);
    return page.items.length;
  }, [kind]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      const n = await refresh().catch(() => 0);
      if (!stopped) timer = setTimeout(() => void tick(), n > 0 ? 1500 : 8000);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [refresh]);
  return { running, refresh };
}
