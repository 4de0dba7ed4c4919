import { z } from 'zod';

/** An uploaded file as the API returns it (POST /files; 说明材料 of special applications). */
export const storedFileViewSchema = z.object({
  id: z.number().int(),
  category: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  url: z.string(),
  createdAt: z.string(),
  originalName: z.string().nullable().optional(),
});
export type StoredFileView = z.infer<typeof storedFileViewSchema>;
