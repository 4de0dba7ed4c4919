import { badRequest } from '../core/errors';
import { StoredFile } from '../files/model';

/**
 * Files uploaded beforehand through POST /api/files, referenced by id: each must exist and belong to the
 * project's institution, so nobody attaches another company's file.
 */
export async function institutionFiles(
  fileIds: number[],
  institutionId: number,
  field: string,
  label: string,
) {
  const unique = [...new Set(fileIds)];
  if (unique.length === 0) return [];
  const files = await StoredFile.findAll({ where: { id: unique } });
  for (const id of unique) {
    const f = files.find((x) => x.id === id);
    if (!f || f.institutionId !== institutionId)
      throw badRequest(`${label}：文件${id}不存在或不属于本机构`, field);
  }
  return unique.map((id) => files.find((x) => x.id === id)!);
}
