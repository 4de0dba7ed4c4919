import { forbidden } from '../core/errors';
import { registerRouteGuard } from '../core/route';
import { FaceProfile } from './models';

/** Site actions need an approved face profile (manual §01); routes name this guard as `approvedFace`. */
registerRouteGuard('approvedFace', async (actor) => {
  const face = await FaceProfile.findOne({ where: { accountId: actor.id, status: 'approved' } });
  if (!face)
    throw forbidden(
      '人脸底图尚未通过总队审核，暂不能进行现场操作。请在“我的—人脸信息登记”上传底图并等待审核',
      'face_profile_not_approved',
    );
});
