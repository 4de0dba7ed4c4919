import { defineMachine } from './machine';

/**
 * 人脸底图 (manual §01 上传人员身份底图): reviewed once by the brigade; a newer approved photo retires the older one,
 * which comparisons no longer use.
 */
export const faceProfileMachine = defineMachine({
  name: 'face_profile',
  subject: '该人脸底图',
  states: { pending: '待审核', approved: '已通过', rejected: '已驳回', replaced: '已更换' },
  initial: 'pending',
  actions: { approve: '通过', reject: '驳回', replace: '更换' },
  transitions: [
    { from: 'pending', action: 'approve', to: 'approved', by: ['brigade'] },
    { from: 'pending', action: 'reject', to: 'rejected', by: ['brigade'] },
    { from: 'approved', action: 'replace', to: 'replaced' },
  ],
  refusals: {
    approved: { approve: '该人脸底图已通过，不能重复审核', reject: '该人脸底图已通过，不能重复审核' },
    rejected: '该人脸底图已驳回，不能重复审核',
    replaced: '该人脸底图已被新的底图替换',
  },
});
