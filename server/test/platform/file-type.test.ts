import { describe, expect, it } from 'vitest';
import {
  checkUpload,
  detectFileType,
  DOCUMENT_MAX_BYTES,
  IMAGE_MAX_BYTES,
  UploadError,
} from '../../src/platform/files/file-type';
import * as samples from './fixtures/sample-files';

describe('detectFileType（按文件内容识别类型）', () => {
  it.each([
    ['jpeg', 'image/jpeg', 'jpg'],
    ['png', 'image/png', 'png'],
    ['webp', 'image/webp', 'webp'],
    ['gif', 'image/gif', 'gif'],
  ] as const)('recognises a real %s image made by sharp', async (format, mime, ext) => {
    expect(detectFileType(await samples.sampleImage(format))).toEqual({ mime, ext, category: 'image' });
  });

  it('recognises PDF, DOCX, XLSX, DOC and XLS', async () => {
    expect(detectFileType(samples.samplePdf())).toMatchObject({ ext: 'pdf', category: 'document' });
    expect(detectFileType(await samples.sampleDocx())).toMatchObject({ ext: 'docx', category: 'document' });
    expect(detectFileType(await samples.sampleXlsx())).toMatchObject({
      ext: 'xlsx',
      category: 'spreadsheet',
    });
    expect(detectFileType(samples.sampleDoc())).toEqual({
      mime: 'application/msword',
      ext: 'doc',
      category: 'document',
    });
    expect(detectFileType(samples.sampleXls())).toEqual({
      mime: 'application/vnd.ms-excel',
      ext: 'xls',
      category: 'document',
    });
  });

  it('tells DOCX from XLSX even when only local headers are readable (truncated archive)', async () => {
    const docx = await samples.sampleDocx();
    const xlsx = await samples.sampleXlsx();
    expect(detectFileType(docx.subarray(0, docx.length - 30))).toMatchObject({ ext: 'docx' });
    expect(detectFileType(xlsx.subarray(0, xlsx.length - 30))).toMatchObject({ ext: 'xlsx' });
  });

  it('recognises MP4 and MOV by their ftyp brand', () => {
    expect(detectFileType(samples.sampleIsoMedia('isom', ['isom', 'iso2', 'avc1', 'mp41']))).toEqual({
      mime: 'video/mp4',
      ext: 'mp4',
      category: 'video',
    });
    expect(detectFileType(samples.sampleIsoMedia('qt  ', ['qt  ']))).toEqual({
      mime: 'video/quicktime',
      ext: 'mov',
      category: 'video',
    });
    expect(detectFileType(samples.sampleIsoMedia('XYZ1', ['mp42']))).toMatchObject({ ext: 'mp4' });
  });

  it('rejects everything else: text, plain zip, PowerPoint, AVIF/HEIC stills, audio, empty input', async () => {
    expect(detectFileType(Buffer.from('姓名,证书编号\n张三,123\n'))).toBeNull();
    expect(detectFileType(Buffer.from('<html><body>hi</body></html>'))).toBeNull();
    expect(detectFileType(Buffer.from('<html>%PDF-1.4 disguised</html>'))).toBeNull();
    expect(detectFileType(await samples.samplePlainZip())).toBeNull();
    expect(detectFileType(samples.samplePpt())).toBeNull();
    expect(detectFileType(await samples.sampleImage('avif'))).toBeNull();
    expect(detectFileType(samples.sampleIsoMedia('heic', ['mif1', 'heic']))).toBeNull();
    expect(detectFileType(samples.sampleIsoMedia('M4A ', ['M4A ', 'mp42', 'isom']))).toBeNull();
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
    expect(detectFileType(Buffer.from([0xff, 0xd8]))).toBeNull();
  });
});

describe('checkUpload（上传文件检查）', () => {
  it('judges a file by its content: PDF bytes uploaded as "photo.jpg" are a PDF, refused where only images are accepted', () => {
    const pdfNamedJpg = samples.samplePdf();
    expect(checkUpload(pdfNamedJpg, { accept: ['document'] })).toMatchObject({ mime: 'application/pdf' });
    const refusal = catchUploadError(() => checkUpload(pdfNamedJpg, { accept: ['image'] }));
    expect(refusal.code).toBe('unsupported_type');
    expect(refusal.status).toBe(415);
    expect(refusal.message).toBe('文件类型不符合要求，仅支持：图片（JPG、PNG、WEBP、GIF）');
  });

  it('accepts an image within the 10MB default and refuses one over it', async () => {
    const jpeg = await samples.sampleImage('jpeg');
    expect(checkUpload(jpeg, { accept: ['image'] })).toMatchObject({ category: 'image' });

    const oversized = Buffer.concat([jpeg, Buffer.alloc(IMAGE_MAX_BYTES + 1 - jpeg.length)]);
    const refusal = catchUploadError(() => checkUpload(oversized, { accept: ['image'] }));
    expect(refusal).toMatchObject({ code: 'too_large', status: 413, message: '文件大小不能超过10MB' });
  });

  it('applies the limit of the detected category when several are accepted', async () => {
    const jpeg = await samples.sampleImage('jpeg');
    const twentyMbImage = Buffer.concat([jpeg, Buffer.alloc(20 * 1024 * 1024)]);
    const rule = { accept: ['image', 'document'] as const };
    expect(catchUploadError(() => checkUpload(twentyMbImage, { accept: [...rule.accept] })).message).toBe(
      '文件大小不能超过10MB',
    );

    const pdf = samples.samplePdf();
    const twentyMbPdf = Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024)]);
    expect(checkUpload(twentyMbPdf, { accept: [...rule.accept] })).toMatchObject({ ext: 'pdf' });

    const overDocumentLimit = Buffer.concat([pdf, Buffer.alloc(DOCUMENT_MAX_BYTES)]);
    expect(catchUploadError(() => checkUpload(overDocumentLimit, { accept: ['document'] })).message).toBe(
      '文件大小不能超过50MB',
    );
  });

  it('takes a configured limit and names the field in the message', () => {
    const pdf = Buffer.concat([samples.samplePdf(), Buffer.alloc(2 * 1024 * 1024)]);
    const refusal = catchUploadError(() =>
      checkUpload(pdf, { accept: ['document'], maxBytes: 1.5 * 1024 * 1024, label: '营业执照' }),
    );
    expect(refusal.message).toBe('营业执照：文件大小不能超过1.5MB');
    expect(checkUpload(pdf, { accept: ['document'], maxBytes: 3 * 1024 * 1024 })).toMatchObject({
      ext: 'pdf',
    });
  });

  it('refuses an empty file and lists every accepted kind', () => {
    const refusal = catchUploadError(() => checkUpload(Buffer.alloc(0), { accept: ['image', 'video'] }));
    expect(refusal.code).toBe('unsupported_type');
    expect(refusal.message).toContain('图片（JPG、PNG、WEBP、GIF）、视频（MP4、MOV）');
  });
});

function catchUploadError(run: () => unknown): UploadError {
  try {
    run();
  } catch (err) {
    if (err instanceof UploadError) return err;
    throw err;
  }
  throw new Error('expected an UploadError');
}
