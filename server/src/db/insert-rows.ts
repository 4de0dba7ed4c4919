import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/**
 * A string literal needs escaping only when it holds one of these; the rest (nearly every value a submission
 * writes) is quoted as is. The set is MySQL's (sequelize's mysql escape replaces exactly these); SQLite's escape
 * replaces only `'`, which is in it, so a string without them is the same literal in both dialects.
 */
// eslint-disable-next-line no-control-regex -- the control characters are the point
const NEEDS_ESCAPE = /[\0\b\t\n\r\x1a"'\\]/;

/**
 * One multi-row INSERT of plain rows, for the few writes of thousands of rows at once (a task's 2,000 检测记录).
 * Sequelize's bulkCreate/bulkInsert spend most of their time formatting every value by its column type (about
 * 0.3 s for 2,000 rows of 26 columns); here a plain string is quoted as is, any other by the dialect's own escape,
 * and each distinct date formatted once. Values are what the models write: strings, finite numbers, booleans,
 * Dates, null, and arrays/objects (JSON columns, stored as JSON text). Unique violations surface as Sequelize's
 * UniqueConstraintError, as with bulkCreate.
 *
 * `returning` columns come back as rows where the same statement can return them (MariaDB: `INSERT … RETURNING`);
 * elsewhere (MySQL, SQLite) the result is null and the caller reads them itself.
 */
export async function insertRows<C extends string>(
  sequelize: Sequelize,
  table: string,
  rows: Record<string, unknown>[],
  transaction?: Transaction,
  returning?: readonly C[],
): Promise<Record<C, unknown>[] | null> {
  if (!rows.length) return returning ? [] : null;
  const qg = sequelize.getQueryInterface().queryGenerator as {
    quoteTable(t: string): string;
    quoteIdentifier(i: string): string;
  };
  const columns = Object.keys(rows[0]!);
  const dates = new Map<number, string>();
  const date = dateLiteral(sequelize);
  const text = (s: string) => (NEEDS_ESCAPE.test(s) ? sequelize.escape(s) : `'${s}'`);
  const literal = (v: unknown): string => {
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'string') return text(v);
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`insertRows: ${v} is not a finite number`);
      return String(v);
    }
    if (typeof v === 'boolean') return v ? '1' : '0';
    if (v instanceof Date) {
      let s = dates.get(v.getTime());
      if (s === undefined) dates.set(v.getTime(), (s = date(v)));
      return s;
    }
    if (typeof v === 'object') return text(JSON.stringify(v));
    return text(String(v));
  };
  // One string grown in place: a map/join per row allocates two arrays per row and costs twice as much.
  let sql = `INSERT INTO ${qg.quoteTable(table)} (${columns.map((c) => qg.quoteIdentifier(c)).join(',')}) VALUES `;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    sql += i ? ',(' : '(';
    for (let j = 0; j < columns.length; j++) sql += (j ? ',' : '') + literal(row[columns[j]!]);
    sql += ')';
  }
  if (returning && (await returnsRows(sequelize, transaction))) {
    // SELECT: the statement's rows are its answer (Sequelize reads INSERT results as an id and a count only).
    return (await sequelize.query(
      `${sql} RETURNING ${returning.map((c) => qg.quoteIdentifier(c)).join(',')}`,
      {
        transaction,
        type: QueryTypes.SELECT,
      },
    )) as Record<C, unknown>[];
  }
  await sequelize.query(sql, { transaction, type: QueryTypes.INSERT });
  return null;
}

/**
 * A Date as the dialect's escape writes it, without moment (≈ 4 µs a date, 4 ms for a thousand records recorded
 * at different times): MySQL `'YYYY-MM-DD HH:mm:ss'` and SQLite `'YYYY-MM-DD HH:mm:ss.SSS +00:00'` in the
 * connection's fixed offset. The first date of each INSERT is checked against the dialect's own escape, and any
 * other dialect, a named time zone or a difference falls back to it for every date.
 */
function dateLiteral(sequelize: Sequelize): (d: Date) => string {
  const escape = (d: Date) => sequelize.escape(d);
  const dialect = sequelize.getDialect();
  const zone = String(
    (sequelize as unknown as { options: { timezone?: string } }).options.timezone ?? '+00:00',
  );
  const offset = /^([+-])(\d\d):(\d\d)$/.exec(zone);
  if (!offset || (dialect !== 'mysql' && dialect !== 'sqlite')) return escape;
  const shiftMs = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000;
  const fast = (d: Date) => {
    const iso = new Date(d.getTime() + shiftMs).toISOString();
    return dialect === 'mysql'
      ? `'${iso.slice(0, 10)} ${iso.slice(11, 19)}'`
      : `'${iso.slice(0, 10)} ${iso.slice(11, 23)} ${zone}'`;
  };
  let checked: ((d: Date) => string) | null = null;
  return (d) => {
    if (!checked) {
      const own = escape(d);
      checked = fast(d) === own ? fast : escape;
      return own;
    }
    return checked(d);
  };
}

const returningSupport = new WeakMap<Sequelize, Promise<boolean>>();

/**
 * Whether this database answers `INSERT … RETURNING` with rows: MariaDB from 10.5 (asked once per Sequelize
 * instance). MySQL has no RETURNING; SQLite has it, but Sequelize runs every INSERT there without reading rows,
 * and a SELECT on the embedded database costs no round trip.
 */
function returnsRows(sequelize: Sequelize, transaction?: Transaction): Promise<boolean> {
  if (sequelize.getDialect() !== 'mysql') return Promise.resolve(false);
  let known = returningSupport.get(sequelize);
  if (!known) {
    known = sequelize
      .query<{ v: string }>('SELECT VERSION() AS v', { type: QueryTypes.SELECT, transaction })
      .then(([row]) => isMariaDbWithReturning(String(row?.v ?? '')));
    // A failed question is asked again next time.
    known.catch(() => returningSupport.delete(sequelize));
    returningSupport.set(sequelize, known);
  }
  return known;
}

/** `10.11.19-MariaDB-0+deb12u1` → true; MySQL's `8.0.36` or MariaDB before 10.5 → false. */
export function isMariaDbWithReturning(version: string): boolean {
  if (!/mariadb/i.test(version)) return false;
  const [major = 0, minor = 0] = version.split('.').map((n) => parseInt(n, 10));
  return major > 10 || (major === 10 && minor >= 5);
}
