import type { DateString } from '../../rules/dates';
import { editionInForce } from '../edition-in-force';
import type { StandardEdition } from '../types';
import { gb25201_2010_jing } from './gb25201-2010-jing/index';

export { gb25201_2010_jing, GB25201_2010_JING_ID } from './gb25201-2010-jing/index';

/** Editions shipped with the code, oldest first. Brigade-uploaded editions are stored by the server. */
export const BUILT_IN_EDITIONS: readonly StandardEdition[] = [gb25201_2010_jing];

export function getBuiltInEdition(id: string): StandardEdition | undefined {
  return BUILT_IN_EDITIONS.find((e) => e.id === id);
}

/** The built-in edition in force on a date (see `editionInForce`). */
export function builtInEditionInForce(date: DateString): StandardEdition | undefined {
  return editionInForce(BUILT_IN_EDITIONS, date);
}
