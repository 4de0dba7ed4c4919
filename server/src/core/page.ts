import {
  literal,
  Op,
  type FindOptions,
  type Model,
  type ModelStatic,
  type Utils,
  type WhereOptions,
} from 'sequelize';

/** From this offset on, a page is found by its ids first (see findPage). */
const DEFERRED_OFFSET = 200;
/** The column the page's statement carries its total in (removed from the rows before they are returned). */
const TOTAL = '__pageTotal';

/**
 * One page of a list and the number of rows matching, as `findAndCountAll` answers, in one statement instead of
 * two: the total rides on every row of the page as an uncorrelated subquery (`SELECT COUNT(*) … WHERE` the same
 * filter), which the database evaluates once. Each statement costs the server a round trip (≈ 0.3–0.5 ms of CPU
 * on loopback, measured), more than counting the rows the page reads anyway.
 * - a deep page (offset ≥ 200) is found by its ids first: skipping thousands of rows then reads index entries
 *   only, and just the page's rows are read whole (the API keeps its page and pageSize parameters);
 * - a page past the end has no row to carry the total, so only then is it counted on its own.
 * `order` must end in the primary key so that a page is well defined.
 */
export async function findPage<M extends Model>(
  model: ModelStatic<M>,
  options: Omit<FindOptions<M>, 'limit' | 'offset'> & { where: WhereOptions<M> },
  page: number,
  pageSize: number,
): Promise<{ rows: M[]; count: number }> {
  const offset = (page - 1) * pageSize;
  const total = totalColumn(model, options.where);
  let rows: M[];
  let count: number | null = null;
  if (offset < DEFERRED_OFFSET) {
    rows = await model.findAll({
      ...options,
      attributes: withColumn(options.attributes, total),
      limit: pageSize,
      offset,
    });
    if (rows.length) {
      count = Number(rows[0]!.getDataValue(TOTAL as keyof M['_attributes']));
      for (const r of rows) delete (r.dataValues as Record<string, unknown>)[TOTAL];
    }
  } else {
    const found = (await model.findAll({
      where: options.where,
      order: options.order,
      attributes: ['id', total],
      limit: pageSize,
      offset,
      raw: true,
    })) as unknown as Record<string, unknown>[];
    if (found.length) count = Number(found[0]![TOTAL]);
    const ids = found.map((r) => r.id as number);
    rows = ids.length
      ? await model.findAll({ ...options, where: { id: { [Op.in]: ids } } as WhereOptions<M> })
      : [];
  }
  return { rows, count: count ?? (await model.count({ where: options.where })) };
}

/** `(SELECT COUNT(*) FROM <table> AS <Model> WHERE …)` with the page's own filter, as a selected column. */
function totalColumn(model: ModelStatic<Model>, where: WhereOptions<any>): [Utils.Literal, string] {
  const generator = (model as any).queryGenerator;
  const alias: string = model.name;
  const condition: string = generator.getWhereConditions(where, alias, model, {});
  const from = `${generator.quoteTable(model.getTableName())} AS ${generator.quoteIdentifier(alias)}`;
  return [literal(`(SELECT COUNT(*) FROM ${from}${condition ? ` WHERE ${condition}` : ''})`), TOTAL];
}

/** The find's attributes (all, a list, or include/exclude) plus one more column. */
function withColumn(
  attributes: FindOptions['attributes'],
  column: [Utils.Literal, string],
): FindOptions['attributes'] {
  if (Array.isArray(attributes)) return [...attributes, column];
  if (!attributes) return { include: [column] };
  return { ...attributes, include: [...(attributes.include ?? []), column] };
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
