import { z } from 'zod';
import type { RegionNode } from '../reference/regions';

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.object({ dialect: z.string(), migration: z.string() }),
  files: z.string(),
  jobs: z.enum(['bullmq', 'in-process']),
  wechat: z.enum(['wechat', 'dev-fake']),
});
export type Health = z.infer<typeof healthSchema>;

/** Province → city → district tree for the search cascader. */
export const regionNodeSchema: z.ZodType<RegionNode> = z.lazy(() =>
  z.object({ code: z.string(), name: z.string(), children: z.array(regionNodeSchema).optional() }),
);
export const regionListSchema = z.array(regionNodeSchema);
