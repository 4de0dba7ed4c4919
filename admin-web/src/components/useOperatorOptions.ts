import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useApiError } from '../api/errors';
import { useUser } from '../auth/AuthContext';

/**
 * The operators an account may filter by (操作员 select): read only where the server lets it list accounts (the
 * institution's own; the brigade's all); empty otherwise, and the select is then left out.
 */
export function useOperatorOptions() {
  const onError = useApiError();
  const canList = !!useUser().abilities['account.list'];
  const [operators, setOperators] = useState<{ value: number; label: string }[]>([]);
  useEffect(() => {
    if (!canList) return;
    api
      .getAccounts({ kind: 'operator', page: 1, pageSize: 200 })
      .then(
        (r) => setOperators(r.items.map((a) => ({ value: a.id, label: a.displayName || a.accountName }))),
        onError,
      );
  }, [canList, onError]);
  return operators;
}
