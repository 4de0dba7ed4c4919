import { describePath, formatPath } from './labels';
import { standardEditionSchema } from './edition-schema';
import { lintEdition } from './lint';
import type { StandardEdition } from './types';

export interface EditionError {
  /** Machine path, e.g. `testing[2].subItems[0].items[3].class`. */
  path: string;
  /** Chinese location built from the ids and names on the way. */
  location: string;
  message: string;
}

export type ParseEditionResult =
  { ok: true; edition: StandardEdition } | { ok: false; errors: EditionError[] };

/**
 * Validate a brigade-uploaded edition (JSON text or an already parsed value): first the shape, then
 * the catalog lint rules, since an edition with duplicate ids or missing sources must not be published.
 */
export function parseEdition(json: unknown): ParseEditionResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (e) {
      return {
        ok: false,
        errors: [{ path: '', location: '版本', message: `不是有效的JSON：${(e as Error).message}` }],
      };
    }
  }
  const parsed = standardEditionSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path as PropertyKey[]),
        location: describePath(value, issue.path as PropertyKey[]),
        message: issue.message,
      })),
    };
  }
  const problems = lintEdition(parsed.data);
  if (problems.length) return { ok: false, errors: problems };
  return { ok: true, edition: parsed.data };
}

/** One Chinese line per error, for an upload response or a CLI. */
export function formatEditionErrors(errors: readonly EditionError[]): string {
  return errors.map((e) => `${e.location}：${e.message}${e.path ? `（${e.path}）` : ''}`).join('\n');
}
