/**
 * One page of a list: the window `findAndCountAll` takes from the query's page and page size, and the envelope
 * every paged list answers (items, total, page, pageSize).
 */
export async function listPage<R, V>(
  query: { page: number; pageSize: number },
  find: (window: { limit: number; offset: number }) => Promise<{ rows: R[]; count: number }>,
  present: (rows: R[]) => Promise<V[]>,
) {
  const { rows, count } = await find({ limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items: await present(rows), total: count, page: query.page, pageSize: query.pageSize };
}
