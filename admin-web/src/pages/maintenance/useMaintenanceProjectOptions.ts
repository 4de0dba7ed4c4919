import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';

/** The maintenance projects this account sees (the server's scope: its institution's, its jurisdiction's, all). */
export function useMaintenanceProjectOptions() {
  const onError = useApiError();
  const [projects, setProjects] = useState<{ value: number; label: string }[]>([]);
  useEffect(() => {
    api
      .getProjects({ kind: 'maintenance', page: 1, pageSize: 200 })
      .then((r) => setProjects(r.items.map((p) => ({ value: p.id, label: p.siteName }))), onError);
  }, [onError]);
  return projects;
}

/** A month (YYYY-MM) as its first and last day, for the date-range filters. */
export const monthRange = (month: string | undefined) => {
  if (!month) return { from: undefined, to: undefined };
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
};
