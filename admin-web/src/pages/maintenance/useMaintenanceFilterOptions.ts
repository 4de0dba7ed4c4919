import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { useUser } from '../../auth/AuthContext';

interface Option {
  value: number;
  label: string;
}

/**
 * The choices of the maintenance pages' filters: the maintenance projects this account sees (the server's scope:
 * the institution's own, or the detachment's jurisdiction) and, where the account may list accounts, the
 * operators. Read once per page.
 */
export function useMaintenanceFilterOptions() {
  const onError = useApiError();
  const canListAccounts = !!useUser().abilities['account.list'];
  const [projects, setProjects] = useState<Option[]>([]);
  const [operators, setOperators] = useState<Option[]>([]);
  useEffect(() => {
    api
      .getProjects({ kind: 'maintenance', page: 1, pageSize: 200 })
      .then((r) => setProjects(r.items.map((p) => ({ value: p.id, label: p.siteName }))), onError);
    if (canListAccounts)
      api
        .getAccounts({ kind: 'operator', page: 1, pageSize: 200 })
        .then(
          (r) => setOperators(r.items.map((a) => ({ value: a.id, label: a.displayName || a.accountName }))),
          onError,
        );
  }, [onError, canListAccounts]);
  return { projects, operators };
}

/** A month picker's value as the API's YYYY-MM, and that month's first and last day (for date-range filters). */
export const monthRange = (month: string | undefined) => {
  if (!month) return { from: undefined, to: undefined };
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
};
