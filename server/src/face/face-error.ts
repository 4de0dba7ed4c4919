export type FaceErrorCode = 'no_face' | 'multiple_faces' | 'bad_image';

/** Which photo of a comparison was refused: the fresh one or the stored face profile. */
export type FacePhotoRole = 'live' | 'profile';

const MESSAGES: Record<FaceErrorCode, string> = {
  no_face: '照片中未检测到人脸，请正对镜头重新拍摄',
  multiple_faces: '照片中检测到多张人脸，请确保只有本人入镜',
  bad_image: '无法识别的图片文件',
};

export class FaceError extends Error {
  readonly code: FaceErrorCode;
  readonly photo: FacePhotoRole;

  constructor(code: FaceErrorCode, photo: FacePhotoRole = 'live', options?: { cause?: unknown }) {
    super(MESSAGES[code], options);
    this.name = 'FaceError';
    this.code = code;
    this.photo = photo;
  }

  /** The same refusal attributed to another photo (e.g. the stored profile). */
  withPhoto(photo: FacePhotoRole): FaceError {
    return photo === this.photo ? this : new FaceError(this.code, photo, { cause: this.cause });
  }
}
