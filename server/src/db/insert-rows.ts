import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/**
 * One multi-row INSERT of plain rows, for the few writes of thousands of rows at once (a task's 2,000 检测记录).
 * Sequelize's bulkCreate/bulkInsert spend most of their time formatting every value by its column type (about
 * 0.3 s for 2,000 rows of 26 columns); here each value is escaped by the dialect's own escape, and each distinct
 * date formatted once. Values are what the models write: strings, finite numbers, booleans, Dates, null, and
 * arrays/objects (JSON columns, stored as JSON text). Unique violations surface as Sequelize's
 * UniqueConstraintError, as with bulkCreate.
 */
export async function insertRows(
  sequelize: Sequelize,
  table: string,
  rows: Record<string, unknown>[],
  transaction?: Transaction,
) {
  if (!rows.length) return;
  const qg = sequelize.getQueryInterface().queryGenerator as {
    quoteTable(t: string): string;
    quoteIdentifier(i: string): string;
  };
  const columns = Object.keys(rows[0]!);
  const dates = new Map<number, string>();
  const literal = (v: unknown): string => {
    if (v === null || v === undefined) return 'NULL';
    if (v instanceof Date) {
      let s = dates.get(v.getTime());
      if (s === undefined) dates.set(v.getTime(), (s = sequelize.escape(v)));
      return s;
    }
    if (typeof v === 'object') return sequelize.escape(JSON.stringify(v));
    if (typeof v === 'boolean') return v ? '1' : '0';
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`insertRows: ${v} is not a finite number`);
      return String(v);
    }
    return sequelize.escape(String(v));
  };
  const values = rows.map((r) => `(${columns.map((c) => literal(r[c])).join(',')})`).join(',');
  await sequelize.query(
    `INSERT INTO ${qg.quoteTable(table)} (${columns.map((c) => qg.quoteIdentifier(c)).join(',')}) VALUES ${values}`,
    { transaction, type: QueryTypes.INSERT },
  );
}
