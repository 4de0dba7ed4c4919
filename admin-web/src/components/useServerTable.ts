import type { TablePaginationConfig } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { http, type Query } from '../api/client';
import { useApiError } from '../api/errors';
import type { Page } from '@xf/domain/api/common';

/** Reads one page through a generated API function, e.g. `(p) => api.getClients({ ...p, name })`. */
export type PageLoader<T> = (paging: { page: number; pageSize: number }) => Promise<Page<T>>;

/**
 * A server-paginated list (`?page=&pageSize=` → `{ items, total }`) wired for antd Table. The source is a
 * loader over the typed API (its row type follows the route's response schema) or, for lists not yet
 * typed, a path. A loader is read afresh on every fetch: pass what it closes over in `filters` too, so a
 * change refetches from page 1.
 */
export function useServerTable<T>(
  source: string | null | PageLoader<T>,
  filters: Query = {},
  initialPageSize = 20,
) {
  const loader = useRef(source);
  loader.current = source;
  const path = typeof source === 'function' ? 'loader' : source;
  const onError = useApiError();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const [data, setData] = useState<Page<T> | null>(null);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const filterKey = JSON.stringify(filters);

  useEffect(() => setPage(1), [filterKey]);

  useEffect(() => {
    if (!path) return;
    let cancelled = false;
    setLoading(true);
    const current = loader.current;
    (typeof current === 'function'
      ? current({ page, pageSize })
      : http.get<Page<T>>(path, { ...(JSON.parse(filterKey) as Query), page, pageSize })
    )
      .then((r) => !cancelled && setData(r))
      .catch((e) => !cancelled && onError(e))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [path, filterKey, page, pageSize, tick, onError]);

  const reload = useCallback(() => setTick((t) => t + 1), []);

  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total: data?.total ?? 0,
    showSizeChanger: true,
    showTotal: (total) => `共 ${total} 条`,
    onChange: (p, size) => {
      setPage(size !== pageSize ? 1 : p);
      setPageSize(size);
    },
  };

  return {
    data,
    reload,
    page,
    pageSize,
    tableProps: { dataSource: data?.items ?? [], loading, pagination, rowKey: 'id' as const },
  };
}

/** Reads every page of a filtered list (for exports). */
export async function fetchAllPages<T>(
  source: string | PageLoader<T>,
  filters: Query,
  pageSize = 100,
  maxPages = 200,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const r =
      typeof source === 'function'
        ? await source({ page, pageSize })
        : await http.get<Page<T>>(source, { ...filters, page, pageSize });
    all.push(...r.items);
    if (r.items.length === 0 || all.length >= r.total) break;
  }
  return all;
}
