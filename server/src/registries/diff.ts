import {
  institutionKey,
  personKey,
  registryProjectKey,
  socialUnitKey,
  type InspectionSnapshot,
  type MinistrySnapshot,
} from '@xf/domain/registries/records';

/**
 * What changed between two imports of a registry. Each import is the registry's full list, so a record
 * missing from the new one has left — unless its row was broken in the new file (brokenKeys): then we
 * do not know, and reporting it as left would close accounts and raise churn flags over a typing error.
 */

export type ChangeKind = 'joined' | 'changed' | 'left';

export interface RegistryChangeEntry<E extends string> {
  entity: E;
  key: string;
  name: string;
  change: ChangeKind;
  /** Top-level fields that differ, for 'changed'. */
  fields?: string[];
  before?: object;
  after?: object;
}

/** Key order and undefined-vs-absent do not count as changes. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

function changedFields(before: object, after: object): string[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => canonical(b[k]) !== canonical(a[k])).sort();
}

function diffList<E extends string, R extends object>(
  entity: E,
  prev: readonly R[],
  next: readonly R[],
  keyOf: (r: R) => string,
  nameOf: (r: R) => string,
  brokenKeys: ReadonlySet<string>,
): RegistryChangeEntry<E>[] {
  const before = new Map(prev.map((r) => [keyOf(r), r]));
  const nextKeys = new Set<string>();
  const out: RegistryChangeEntry<E>[] = [];
  for (const r of next) {
    const key = keyOf(r);
    nextKeys.add(key);
    const old = before.get(key);
    if (!old) {
      out.push({ entity, key, name: nameOf(r), change: 'joined', after: r });
      continue;
    }
    if (canonical(old) === canonical(r)) continue;
    const fields = changedFields(old, r);
    if (fields.length > 0)
      out.push({ entity, key, name: nameOf(r), change: 'changed', fields, before: old, after: r });
  }
  for (const [key, old] of before) {
    if (!nextKeys.has(key) && !brokenKeys.has(key))
      out.push({ entity, key, name: nameOf(old), change: 'left', before: old });
  }
  return out;
}

export type MinistryChange = RegistryChangeEntry<'institution' | 'person'>;
export type InspectionChange = RegistryChangeEntry<'social_unit' | 'registry_project'>;

/** A person moving to another institution keeps their key (ID number) and is 'changed' in institutionUscc. */
export function diffMinistry(
  prev: MinistrySnapshot | null,
  next: MinistrySnapshot,
  brokenKeys: ReadonlySet<string> = new Set(),
): MinistryChange[] {
  return [
    ...diffList(
      'institution' as const,
      prev?.institutions ?? [],
      next.institutions,
      institutionKey,
      (r) => r.name,
      brokenKeys,
    ),
    ...diffList('person' as const, prev?.persons ?? [], next.persons, personKey, (r) => r.name, brokenKeys),
  ];
}

export function diffInspection(
  prev: InspectionSnapshot | null,
  next: InspectionSnapshot,
  brokenKeys: ReadonlySet<string> = new Set(),
): InspectionChange[] {
  return [
    ...diffList(
      'social_unit' as const,
      prev?.socialUnits ?? [],
      next.socialUnits,
      socialUnitKey,
      (r) => r.name,
      brokenKeys,
    ),
    ...diffList(
      'registry_project' as const,
      prev?.registryProjects ?? [],
      next.registryProjects,
      registryProjectKey,
      (r) => r.socialUnitName,
      brokenKeys,
    ),
  ];
}
