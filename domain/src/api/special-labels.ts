/** Operation-log names for special applications (特殊申请) and reports (报告). */
export const SPECIAL_ACTION_LABELS: Record<string, string> = {
  'special_application.submitted': '提交特殊申请',
  'special_application.approved': '通过特殊申请',
  'special_application.rejected': '驳回特殊申请',
  'project.direct_report_upload_granted': '项目改为直传报告',
  'report.uploaded': '直接上传报告',
  'report.replaced': '修改报告',
  'report.deleted': '删除报告',
  'report.filed': '备案报告',
  'report.filing_face_refused': '备案人脸比对未通过',
};

export const SPECIAL_ENTITY_LABELS: Record<string, string> = {
  special_application: '特殊申请',
  report: '报告',
};
