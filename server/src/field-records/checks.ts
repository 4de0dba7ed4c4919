import { badRequest } from '../core/errors';
import { StoredFile } from '../files/model';

/**
 * What a submission's records (检测记录, 维保记录) are checked with before anything is written: the files they name,
 * and repeats within the submission. A refusal names the record and the field.
 */

/** The stored files a submission names, in one query. */
export async function filesById(ids: Iterable<number>) {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map<number, StoredFile>();
  const rows = await StoredFile.findAll({
    where: { id: wanted },
    attributes: ['id', 'ownerAccountId', 'category'],
  });
  return new Map(rows.map((f) => [f.id, f]));
}

/**
 * A file a record names must exist, be the operator's own upload and be of the kind the field takes (a photo an
 * image, a video a video): 400 `${record}：${label}${id}…` at the field.
 */
export function assertOwnFile(
  files: Map<number, StoredFile>,
  operatorAccountId: number,
  id: number,
  /** `record` may be given as a function: a submission of thousands of results names one only in a refusal. */
  want: { record: string | (() => string); label: string; category: 'image' | 'video'; field: string },
) {
  const f = files.get(id);
  const refuse = (why: string) => {
    const record = typeof want.record === 'function' ? want.record() : want.record;
    return badRequest(`${record}：${want.label}${id}${why}`, want.field);
  };
  if (!f) throw refuse('不存在，请先上传');
  if (f.ownerAccountId !== operatorAccountId) throw refuse('不是您上传的文件');
  if (f.category !== want.category) throw refuse(`不是${want.category === 'video' ? '视频' : '图片'}`);
}

/** Remembers where each value was first seen: returns that earlier index for a repeat, else undefined. */
export function firstSeen() {
  const seen = new Map<string, number>();
  return (value: string, index: number) => {
    const earlier = seen.get(value);
    if (earlier === undefined) seen.set(value, index);
    return earlier;
  };
}
