import { Op, type FindOptions, type Model, type ModelStatic, type WhereOptions } from 'sequelize';

/** From this offset on, a page is found by its ids first (see findPage). */
const DEFERRED_OFFSET = 200;

/**
 * One page of a list and the number of rows matching, as `findAndCountAll` answers, for less work:
 * - the count runs only when the page cannot tell it: a page that is not full (and not past the end) is the
 *   last one, so the total is its offset plus its rows — most lists of one institution fit one page;
 * - a deep page (offset ≥ 200) is found by its ids first: skipping thousands of rows then reads index entries
 *   only, and just the page's rows are read whole (the API keeps its page and pageSize parameters).
 * `order` must end in the primary key so that a page is well defined.
 */
export async function findPage<M extends Model>(
  model: ModelStatic<M>,
  options: Omit<FindOptions<M>, 'limit' | 'offset'> & { where: WhereOptions<M> },
  page: number,
  pageSize: number,
): Promise<{ rows: M[]; count: number }> {
  const offset = (page - 1) * pageSize;
  let rows: M[];
  if (offset < DEFERRED_OFFSET) rows = await model.findAll({ ...options, limit: pageSize, offset });
  else {
    const ids = (
      (await model.findAll({
        where: options.where,
        order: options.order,
        attributes: ['id'],
        limit: pageSize,
        offset,
        raw: true,
      })) as unknown as { id: number }[]
    ).map((r) => r.id);
    rows = ids.length
      ? await model.findAll({ ...options, where: { id: { [Op.in]: ids } } as WhereOptions<M> })
      : [];
  }
  const count =
    rows.length < pageSize && (rows.length > 0 || offset === 0)
      ? offset + rows.length
      : await model.count({ where: options.where });
  return { rows, count };
}

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
