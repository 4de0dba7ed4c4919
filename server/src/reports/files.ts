import { badRequest } from '../core/errors';
import { institutionFiles } from '../special-applications/files';

/** Uploaded reports are PDFs of at most 50 MB (manual §03/§02 直接上传报告). */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

export async function reportPdf(fileId: number, institutionId: number, field: string, label: string) {
  const [file] = await institutionFiles([fileId], institutionId, field, label);
  // The stored mime was detected from the file's content when it was uploaded, not from its name.
  if (file.mime !== 'application/pdf') throw badRequest(`${label}：文件格式必须是PDF`, field);
  if (file.size > MAX_REPORT_BYTES) throw badRequest(`${label}：文件大小不能超过50M`, field);
  return file;
}
