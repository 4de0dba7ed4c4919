export { faceProfileStatusLabels as FACE_STATUS_LABEL } from '@xf/domain/api/accounts';
