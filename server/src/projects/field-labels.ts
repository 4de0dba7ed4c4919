import { fieldName, labelledMessage, type RuleRefusal } from '@xf/domain';
import type { z } from 'zod';
import { badRequest } from '../core/errors';

/** A 400 naming the field in Chinese (「甲方单位：…」); the key travels only as the error's `field`. */
export const fieldError = (field: string, label: string, message: string) =>
  badRequest(`${label}：${message}`, field);

/** A refused domain rule as a 400 naming its field by the label `schema` gives it. */
export const refusalError = (r: RuleRefusal, schema: z.ZodType) =>
  badRequest(labelledMessage(fieldName(schema, [r.field]) ?? r.field, r.message), r.field);
