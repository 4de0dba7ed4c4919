// Generated from server/src/routes.ts by `npm run api-client -w server`. Do not edit by hand.
import type { z } from 'zod';
import type * as domain from '../index';
import type { CallOptions, Id, Transport } from './index';

const seg = (value: Id) => encodeURIComponent(String(value));

/** The server's routes as functions, sent through the client's transport. */
export function createApi<F = Blob>(t: Transport<F>) {
  return {
    /** 健康检查：状态、数据库类型、迁移版本 — GET /api/health */
    getHealth: (options?: CallOptions) =>
      t.request<z.output<typeof domain.healthSchema>>({ method: 'GET', path: '/health', ...options }),
    /** 省市区（搜索条件用） — GET /api/regions */
    getRegions: (options?: CallOptions) =>
      t.request<z.output<typeof domain.regionListSchema>>({ method: 'GET', path: '/regions', ...options }),
    /** 获取图形验证码 — GET /api/auth/captcha */
    getAuthCaptcha: (options?: CallOptions) =>
      t.request<z.output<typeof domain.captchaSchema>>({ method: 'GET', path: '/auth/captcha', ...options }),
    /** 读取验证码文字（仅测试环境，供自动化测试使用） — GET /api/auth/captcha/:id/peek */
    getAuthCaptchaPeek: (id: Id, options?: CallOptions) =>
      t.request<{ text: string }>({ method: 'GET', path: `/auth/captcha/${seg(id)}/peek`, ...options }),
    /** 账号密码登录（电脑端始终需要验证码，其他渠道连续输错2次后需要） — POST /api/auth/login */
    postAuthLogin: (body: z.input<typeof domain.loginSchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.loginResultSchema>>({
        method: 'POST',
        path: '/auth/login',
        body,
        ...options,
      }),
    /** 用刷新令牌换取新的访问令牌 — POST /api/auth/refresh */
    postAuthRefresh: (body: z.input<typeof domain.refreshSchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.loginResultSchema>>({
        method: 'POST',
        path: '/auth/refresh',
        body,
        ...options,
      }),
    /** 退出登录（结束当前会话） — POST /api/auth/logout */
    postAuthLogout: (body: z.input<typeof domain.refreshSchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.okSchema>>({ method: 'POST', path: '/auth/logout', body, ...options }),
    /** 退出所有设备（结束全部会话） — POST /api/auth/revoke-all */
    postAuthRevokeAll: (options?: CallOptions) =>
      t.request<z.output<typeof domain.revokeAllResultSchema>>({
        method: 'POST',
        path: '/auth/revoke-all',
        ...options,
      }),
    /** 修改密码（其他设备上的会话随即结束） — POST /api/auth/password */
    postAuthPassword: (body: z.input<typeof domain.changePasswordSchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.okSchema>>({
        method: 'POST',
        path: '/auth/password',
        body,
        ...options,
      }),
    /** 当前登录账号 — GET /api/auth/me */
    getAuthMe: (options?: CallOptions) =>
      t.request<z.output<typeof domain.sessionUserSchema>>({ method: 'GET', path: '/auth/me', ...options }),
    /** 微信小程序登录（wx.login 的 code） — POST /api/auth/wechat/login */
    postAuthWechatLogin: (body: z.input<typeof domain.wechatLoginSchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.wechatLoginResultSchema>>({
        method: 'POST',
        path: '/auth/wechat/login',
        body,
        ...options,
      }),
    /** 首次使用微信时绑定账号 — POST /api/auth/wechat/bind */
    postAuthWechatBind: (body: z.input<typeof domain.wechatBindSchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.loginResultSchema>>({
        method: 'POST',
        path: '/auth/wechat/bind',
        body,
        ...options,
      }),
    /** 解除微信绑定 — POST /api/auth/wechat/unbind */
    postAuthWechatUnbind: (options?: CallOptions) =>
      t.request<z.output<typeof domain.okSchema>>({
        method: 'POST',
        path: '/auth/wechat/unbind',
        ...options,
      }),
    /** 账号列表（总队看全部，机构管理员看本机构人员账号） — GET /api/accounts */
    getAccounts: (query?: z.input<typeof domain.accountListQuerySchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.accountListSchema>>({
        method: 'GET',
        path: '/accounts',
        query,
        ...options,
      }),
    /** 可开通账号的本机构已备案人员（“选择”弹窗），含系统判定的账号类别 — GET /api/accounts/candidates */
    getAccountsCandidates: (query?: { name?: string }, options?: CallOptions) =>
      t.request<
        Array<{
          id: number;
          name: string;
          idNumberMasked: string;
          post: string;
          postLabel: string;
          certificateNumber: string | null;
          accountKind: 'technical_lead' | 'project_lead' | 'operator';
        }>
      >({ method: 'GET', path: '/accounts/candidates', query, ...options }),
    /** 可担任项目负责人的账号（已过滤技术负责人） — GET /api/accounts/project-lead-candidates */
    getAccountsProjectLeadCandidates: (query?: { institutionId?: number }, options?: CallOptions) =>
      t.request<
        Array<{
          id: number;
          accountName: string;
          kind:
            'brigade' | 'detachment' | 'institution_admin' | 'technical_lead' | 'project_lead' | 'operator';
          kindLabel: string;
          displayName: string;
          personId: number | null;
          institutionId: number | null;
          detachmentId: number | null;
          disabled: boolean;
          closedReason: string | null;
          lockedUntil: string | null;
          mustChangePassword: boolean;
          wechatBound: boolean;
          createdAt: string;
          abilities?: { [key: string]: boolean };
        }>
      >({ method: 'GET', path: '/accounts/project-lead-candidates', query, ...options }),
    /** 机构管理员为本机构已备案人员开通APP或微信端账号（类别由证书自动判定） — POST /api/accounts/staff */
    postAccountsStaff: (body: z.input<typeof domain.createStaffAccountSchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.accountViewSchema>>({
        method: 'POST',
        path: '/accounts/staff',
        body,
        ...options,
      }),
    /** 总队派发机构管理员账号（首次登录须修改密码） — POST /api/accounts/institution-admin */
    postAccountsInstitutionAdmin: (
      body: z.input<typeof domain.createInstitutionAdminSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.accountViewSchema>>({
        method: 'POST',
        path: '/accounts/institution-admin',
        body,
        ...options,
      }),
    /** 总队派发支队账号（首次登录须修改密码） — POST /api/accounts/detachment */
    postAccountsDetachment: (
      body: z.input<typeof domain.createDetachmentAccountSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.accountViewSchema>>({
        method: 'POST',
        path: '/accounts/detachment',
        body,
        ...options,
      }),
    /** 重置密码（被重置的账号下次登录须修改密码） — POST /api/accounts/:id/reset-password */
    postAccountResetPassword: (
      id: Id,
      body: z.input<typeof domain.resetPasswordSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.accountViewSchema>>({
        method: 'POST',
        path: `/accounts/${seg(id)}/reset-password`,
        body,
        ...options,
      }),
    /** 停用账号 — POST /api/accounts/:id/disable */
    postAccountDisable: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.accountViewSchema>>({
        method: 'POST',
        path: `/accounts/${seg(id)}/disable`,
        ...options,
      }),
    /** 启用账号 — POST /api/accounts/:id/enable */
    postAccountEnable: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.accountViewSchema>>({
        method: 'POST',
        path: `/accounts/${seg(id)}/enable`,
        ...options,
      }),
    /** 支队列表 — GET /api/detachments */
    getDetachments: (options?: CallOptions) =>
      t.request<z.output<typeof domain.detachmentListSchema>>({
        method: 'GET',
        path: '/detachments',
        ...options,
      }),
    /** 服务机构列表（按名称、省市区、实际办公地址标记情况搜索） — GET /api/institutions */
    getInstitutions: (query?: z.input<typeof domain.institutionListQuerySchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.institutionListSchema>>({
        method: 'GET',
        path: '/institutions',
        query,
        ...options,
      }),
    /** 机构基本信息 — GET /api/institutions/:id */
    getInstitution: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.institutionViewSchema>>({
        method: 'GET',
        path: `/institutions/${seg(id)}`,
        ...options,
      }),
    /** 机构管理员确认工商注册信息 — POST /api/institutions/:id/confirm-registration */
    postInstitutionConfirmRegistration: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.institutionViewSchema>>({
        method: 'POST',
        path: `/institutions/${seg(id)}/confirm-registration`,
        ...options,
      }),
    /** 标注机构实际办公地址（坐标默认GCJ-02，WGS-84会被转换） — PUT /api/institutions/:id/office-address */
    updateInstitutionOfficeAddress: (
      id: Id,
      body: z.input<typeof domain.officeAddressSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.institutionViewSchema>>({
        method: 'PUT',
        path: `/institutions/${seg(id)}/office-address`,
        body,
        ...options,
      }),
    /** 机构人员信息（来自部局系统，身份证号已脱敏） — GET /api/institutions/:id/persons */
    getInstitutionPersons: (
      id: Id,
      query?: {
        page?: number | string;
        pageSize?: number | string;
        name?: string;
        includeLeft?: 'true' | 'false';
      },
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.personListSchema>>({
        method: 'GET',
        path: `/institutions/${seg(id)}/persons`,
        query,
        ...options,
      }),
    /** 机构从业条件核查状态、原因与历史 — GET /api/institutions/:id/compliance */
    getInstitutionCompliance: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.complianceViewSchema>>({
        method: 'GET',
        path: `/institutions/${seg(id)}/compliance`,
        ...options,
      }),
    /** 机构人员变动记录（加入/离开/变更） — GET /api/institutions/:id/staff-changes */
    getInstitutionStaffChanges: (
      id: Id,
      query?: z.input<typeof domain.pageQuerySchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.staffChangeListSchema>>({
        method: 'GET',
        path: `/institutions/${seg(id)}/staff-changes`,
        query,
        ...options,
      }),
    /** 下载部局人员机构导入模板（Excel） — GET /api/registry/ministry/template */
    getRegistryMinistryTemplate: (options?: CallOptions) =>
      t.request<Blob>({
        method: 'GET',
        path: '/registry/ministry/template',
        responseType: 'blob',
        ...options,
      }),
    /** 上传Excel导入部局人员机构数据（与上次导入比对：加入/变更/离开；错误行单独列出，其余照常导入） — POST /api/registry/ministry/imports */
    createRegistryMinistryImport: (file: F, options?: CallOptions) =>
      t.request<z.output<typeof domain.registryImportResultSchema>>({
        method: 'POST',
        path: '/registry/ministry/imports',
        upload: { field: 'file', file },
        ...options,
      }),
    /** 立即从配置的接口拉取部局人员机构数据 — POST /api/registry/ministry/pull */
    postRegistryMinistryPull: (options?: CallOptions) =>
      t.request<z.output<typeof domain.registryImportViewSchema>>({
        method: 'POST',
        path: '/registry/ministry/pull',
        ...options,
      }),
    /** 下载双随机单位项目导入模板（Excel） — GET /api/registry/inspection/template */
    getRegistryInspectionTemplate: (options?: CallOptions) =>
      t.request<Blob>({
        method: 'GET',
        path: '/registry/inspection/template',
        responseType: 'blob',
        ...options,
      }),
    /** 上传Excel导入双随机单位项目数据（与上次导入比对：加入/变更/离开；错误行单独列出，其余照常导入） — POST /api/registry/inspection/imports */
    createRegistryInspectionImport: (file: F, options?: CallOptions) =>
      t.request<z.output<typeof domain.registryImportResultSchema>>({
        method: 'POST',
        path: '/registry/inspection/imports',
        upload: { field: 'file', file },
        ...options,
      }),
    /** 立即从配置的接口拉取双随机单位项目数据 — POST /api/registry/inspection/pull */
    postRegistryInspectionPull: (options?: CallOptions) =>
      t.request<z.output<typeof domain.registryImportViewSchema>>({
        method: 'POST',
        path: '/registry/inspection/pull',
        ...options,
      }),
    /** 导入历史 — GET /api/registry/imports */
    getRegistryImports: (
      query?: { page?: number | string; pageSize?: number | string; registry?: 'ministry' | 'inspection' },
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.registryImportListSchema>>({
        method: 'GET',
        path: '/registry/imports',
        query,
        ...options,
      }),
    /** 一次导入的明细：变动清单与错误行 — GET /api/registry/imports/:id */
    getRegistryImport: (
      id: Id,
      query?: {
        page?: number | string;
        pageSize?: number | string;
        change?: 'joined' | 'changed' | 'left';
        entity?: string;
      },
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.registryImportDetailSchema>>({
        method: 'GET',
        path: `/registry/imports/${seg(id)}`,
        query,
        ...options,
      }),
    /** 搜索双随机系统中的社会单位（名称至少2个字） — GET /api/social-units */
    getSocialUnits: (
      query: { page?: number | string; pageSize?: number | string; q: string },
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.socialUnitListSchema>>({
        method: 'GET',
        path: '/social-units',
        query,
        ...options,
      }),
    /** 双随机系统中的维保/检测项目 — GET /api/registry-projects */
    getRegistryProjects: (
      query?: {
        page?: number | string;
        pageSize?: number | string;
        institutionId?: number | string;
        kind?: 'maintenance' | 'testing';
        q?: string;
      },
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.registryProjectListSchema>>({
        method: 'GET',
        path: '/registry-projects',
        query,
        ...options,
      }),
    /** 立即核查全部机构的从业条件（系统每天自动核查，每次导入后也会核查） — POST /api/compliance/run */
    postComplianceRun: (options?: CallOptions) =>
      t.request<z.output<typeof domain.complianceRunResultSchema>>({
        method: 'POST',
        path: '/compliance/run',
        ...options,
      }),
    /** 跟踪标红列表 — GET /api/red-flags */
    getRedFlags: (
      query?: {
        page?: number | string;
        pageSize?: number | string;
        kind?: string;
        subjectType?: string;
        subjectId?: number | string;
        institutionId?: number | string;
        open?: 'true' | 'false';
      },
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.redFlagListSchema>>({
        method: 'GET',
        path: '/red-flags',
        query,
        ...options,
      }),
    /** 标红类别 — GET /api/red-flags/kinds */
    getRedFlagsKinds: (options?: CallOptions) =>
      t.request<z.output<typeof domain.redFlagKindListSchema>>({
        method: 'GET',
        path: '/red-flags/kinds',
        ...options,
      }),
    /** 操作日志（只增不改，总队可查） — GET /api/operation-logs */
    getOperationLogs: (
      query?: {
        page?: number | string;
        pageSize?: number | string;
        actorId?: number | string;
        entityType?: string;
        entityId?: string;
        institutionId?: number | string;
        action?: string;
      },
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.operationLogListSchema>>({
        method: 'GET',
        path: '/operation-logs',
        query,
        ...options,
      }),
    /** 上传文件（图片≤10MB，文档≤50MB，视频（MP4、MOV，维保记录的现场视频）≤50MB，大小可配置，按内容识别类型；可带请求头 Idempotency-Key：同一请求编号重放返回原文件，内容不同则拒绝） — POST /api/files */
    createFile: (file: F, options?: CallOptions) =>
      t.request<z.output<typeof domain.storedFileViewSchema>>({
        method: 'POST',
        path: '/files',
        upload: { field: 'file', file },
        ...options,
      }),
    /** 下载文件（按机构隔离） — GET /api/files/:id */
    getFile: (id: Id, options?: CallOptions) =>
      t.request<Blob>({ method: 'GET', path: `/files/${seg(id)}`, responseType: 'blob', ...options }),
    /** 上传本人人脸底图（须只有一张清晰人脸），提交总队审核 — POST /api/face-profiles */
    createFaceProfile: (file: F, options?: CallOptions) =>
      t.request<z.output<typeof domain.faceProfileViewSchema>>({
        method: 'POST',
        path: '/face-profiles',
        upload: { field: 'photo', file },
        ...options,
      }),
    /** 本人最近一次上传的人脸底图及审核状态 — GET /api/face-profiles/me */
    getFaceProfilesMe: (options?: CallOptions) =>
      t.request<z.output<typeof domain.ownFaceProfileSchema>>({
        method: 'GET',
        path: '/face-profiles/me',
        ...options,
      }),
    /** 人脸底图审核队列（总队） — GET /api/face-profiles */
    getFaceProfiles: (
      query?: {
        page?: number | string;
        pageSize?: number | string;
        status?: 'pending' | 'approved' | 'rejected';
        institutionId?: number | string;
      },
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.faceProfileListSchema>>({
        method: 'GET',
        path: '/face-profiles',
        query,
        ...options,
      }),
    /** 人脸底图照片（本人或总队） — GET /api/face-profiles/:id/photo */
    getFaceProfilePhoto: (id: Id, options?: CallOptions) =>
      t.request<Blob>({
        method: 'GET',
        path: `/face-profiles/${seg(id)}/photo`,
        responseType: 'blob',
        ...options,
      }),
    /** 审核通过人脸底图 — POST /api/face-profiles/:id/approve */
    postFaceProfileApprove: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.faceProfileViewSchema>>({
        method: 'POST',
        path: `/face-profiles/${seg(id)}/approve`,
        ...options,
      }),
    /** 驳回人脸底图（须填写原因） — POST /api/face-profiles/:id/reject */
    postFaceProfileReject: (id: Id, body: { reason: string }, options?: CallOptions) =>
      t.request<z.output<typeof domain.faceProfileViewSchema>>({
        method: 'POST',
        path: `/face-profiles/${seg(id)}/reject`,
        body,
        ...options,
      }),
    /** 现场照片与本人已审核的人脸底图比对 — POST /api/face/compare */
    postFaceCompare: (file: F, options?: CallOptions) =>
      t.request<z.output<typeof domain.faceComparisonSchema>>({
        method: 'POST',
        path: '/face/compare',
        upload: { field: 'photo', file },
        ...options,
      }),
    /** 提交工作日志（按请求编号只建一次：重复提交返回原记录，离线修改后以同一编号再提交则更新该记录） — PUT /api/work-logs/:idempotencyKey */
    updateWorkLog: (
      idempotencyKey: Id,
      body: z.input<typeof domain.putWorkLogSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.workLogViewSchema>>({
        method: 'PUT',
        path: `/work-logs/${seg(idempotencyKey)}`,
        body,
        ...options,
      }),
    /** 工作日志列表（操作员看本人；机构管理员看本机构；总队、支队按管辖） — GET /api/work-logs */
    getWorkLogs: (query?: z.input<typeof domain.workLogListQuerySchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.workLogListSchema>>({
        method: 'GET',
        path: '/work-logs',
        query,
        ...options,
      }),
    /** 首页待办数量（按角色） — GET /api/home/summary */
    getHomeSummary: (options?: CallOptions) =>
      t.request<z.output<typeof domain.homeSummarySchema>>({
        method: 'GET',
        path: '/home/summary',
        ...options,
      }),
    /** 标准版本列表（内置与总队发布的更正版本） — GET /api/standard-editions */
    getStandardEditions: (options?: CallOptions) =>
      t.request<z.output<typeof domain.standardEditionListSchema>>({
        method: 'GET',
        path: '/standard-editions',
        ...options,
      }),
    /** 某日生效的标准版本（项目创建时锁定） — GET /api/standard-editions/in-force */
    getStandardEditionsInForce: (query?: { date?: string }, options?: CallOptions) =>
      t.request<z.output<typeof domain.standardEditionSummarySchema>>({
        method: 'GET',
        path: '/standard-editions/in-force',
        query,
        ...options,
      }),
    /** 标准版本全文（维保目录与检测目录） — GET /api/standard-editions/:id */
    getStandardEdition: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.standardEditionSchema>>({
        method: 'GET',
        path: `/standard-editions/${seg(id)}`,
        ...options,
      }),
    /** 下载标准版本的Excel（即导入模板：修改后作为新版本上传） — GET /api/standard-editions/:id/workbook */
    getStandardEditionWorkbook: (id: Id, options?: CallOptions) =>
      t.request<Blob>({
        method: 'GET',
        path: `/standard-editions/${seg(id)}/workbook`,
        responseType: 'blob',
        ...options,
      }),
    /** 该版本相对上一版本的差异 — GET /api/standard-editions/:id/diff */
    getStandardEditionDiff: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.standardEditionDiffViewSchema>>({
        method: 'GET',
        path: `/standard-editions/${seg(id)}/diff`,
        ...options,
      }),
    /** 总队发布更正版本（JSON）；dryRun=true 只校验并返回差异 — POST /api/standard-editions/json */
    postStandardEditionsJson: (
      body: { edition: unknown },
      query?: { dryRun?: 'true' | 'false' },
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.standardEditionPreviewSchema>>({
        method: 'POST',
        path: '/standard-editions/json',
        query,
        body,
        ...options,
      }),
    /** 总队发布更正版本（Excel）；dryRun=true 只校验并返回差异 — POST /api/standard-editions/excel */
    postStandardEditionsExcel: (file: F, query?: { dryRun?: 'true' | 'false' }, options?: CallOptions) =>
      t.request<z.output<typeof domain.standardEditionPreviewSchema>>({
        method: 'POST',
        path: '/standard-editions/excel',
        query,
        upload: { field: 'file', file },
        ...options,
      }),
    /** 甲方单位列表（机构管理员看本机构，总队看全部），按甲方名称搜索 — GET /api/clients */
    getClients: (query?: z.input<typeof domain.clientListQuerySchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.clientListSchema>>({
        method: 'GET',
        path: '/clients',
        query,
        ...options,
      }),
    /** 添加甲方单位（甲方名称、所属城市、详细地址） — POST /api/clients */
    createClient: (body: z.input<typeof domain.clientInputSchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.clientViewSchema>>({
        method: 'POST',
        path: '/clients',
        body,
        ...options,
      }),
    /** 甲方单位详情及联系人 — GET /api/clients/:id */
    getClient: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.clientViewSchema>>({
        method: 'GET',
        path: `/clients/${seg(id)}`,
        ...options,
      }),
    /** 修改甲方单位 — PUT /api/clients/:id */
    updateClient: (id: Id, body: z.input<typeof domain.clientInputSchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.clientViewSchema>>({
        method: 'PUT',
        path: `/clients/${seg(id)}`,
        body,
        ...options,
      }),
    /** 删除甲方单位（已被项目或合同使用的不能删除） — DELETE /api/clients/:id */
    deleteClient: (id: Id, options?: CallOptions) =>
      t.request<unknown>({ method: 'DELETE', path: `/clients/${seg(id)}`, ...options }),
    /** 添加甲方联系人（姓名、手机号码、职务） — POST /api/clients/:id/contacts */
    createClientContact: (
      id: Id,
      body: z.input<typeof domain.clientContactInputSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.clientContactViewSchema>>({
        method: 'POST',
        path: `/clients/${seg(id)}/contacts`,
        body,
        ...options,
      }),
    /** 修改甲方联系人 — PUT /api/clients/:id/contacts/:contactId */
    updateClientContact: (
      id: Id,
      contactId: Id,
      body: z.input<typeof domain.clientContactInputSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.clientContactViewSchema>>({
        method: 'PUT',
        path: `/clients/${seg(id)}/contacts/${seg(contactId)}`,
        body,
        ...options,
      }),
    /** 删除甲方联系人（已被项目或合同使用的不能删除） — DELETE /api/clients/:id/contacts/:contactId */
    deleteClientContact: (id: Id, contactId: Id, options?: CallOptions) =>
      t.request<unknown>({
        method: 'DELETE',
        path: `/clients/${seg(id)}/contacts/${seg(contactId)}`,
        ...options,
      }),
    /** 维保合同列表（按甲方名称搜索） — GET /api/maintenance-contracts */
    getMaintenanceContracts: (
      query?: z.input<typeof domain.maintenanceContractListQuerySchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.maintenanceContractListSchema>>({
        method: 'GET',
        path: '/maintenance-contracts',
        query,
        ...options,
      }),
    /** 录入维保合同（选择本机构的甲方单位和联系人；合同附件至少一个维保范围页） — POST /api/maintenance-contracts */
    createMaintenanceContract: (
      body: z.input<typeof domain.maintenanceContractInputSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.maintenanceContractViewSchema>>({
        method: 'POST',
        path: '/maintenance-contracts',
        body,
        ...options,
      }),
    /** 维保合同详情及合同对应项目 — GET /api/maintenance-contracts/:id */
    getMaintenanceContract: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.maintenanceContractDetailSchema>>({
        method: 'GET',
        path: `/maintenance-contracts/${seg(id)}`,
        ...options,
      }),
    /** 修改维保合同（进行中的项目的维保月份须仍在合同期限内） — PUT /api/maintenance-contracts/:id */
    updateMaintenanceContract: (
      id: Id,
      body: z.input<typeof domain.maintenanceContractInputSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.maintenanceContractViewSchema>>({
        method: 'PUT',
        path: `/maintenance-contracts/${seg(id)}`,
        body,
        ...options,
      }),
    /** 项目列表（检测和维保）：按项目名称、甲方名称、省/市、状态、项目类型、管辖归属搜索；总队看全部，支队看管辖归属为本支队的，机构看本机构的，项目负责人看自己负责的 — GET /api/projects */
    getProjects: (query?: z.input<typeof domain.projectListQuerySchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.projectListSchema>>({
        method: 'GET',
        path: '/projects',
        query,
        ...options,
      }),
    /** 项目详情 — GET /api/projects/:id */
    getProject: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.projectDetailSchema>>({
        method: 'GET',
        path: `/projects/${seg(id)}`,
        ...options,
      }),
    /** 录入检测项目（固定签订日期生效的标准版本；合同附件至少一个检测范围页） — POST /api/testing-projects */
    createTestingProject: (body: z.input<typeof domain.testingProjectInputSchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.projectDetailSchema>>({
        method: 'POST',
        path: '/testing-projects',
        body,
        ...options,
      }),
    /** 修改检测项目（已注销或已完成的不能修改） — PUT /api/testing-projects/:id */
    updateTestingProject: (
      id: Id,
      body: z.input<typeof domain.testingProjectInputSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.projectDetailSchema>>({
        method: 'PUT',
        path: `/testing-projects/${seg(id)}`,
        body,
        ...options,
      }),
    /** 录入合同对应的维保项目（维保月份在合同期限内，维保总次数等于月份数） — POST /api/maintenance-projects */
    createMaintenanceProject: (
      body: z.input<typeof domain.maintenanceProjectInputSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.projectDetailSchema>>({
        method: 'POST',
        path: '/maintenance-projects',
        body,
        ...options,
      }),
    /** 修改维保项目（已终止或已完成的不能修改） — PUT /api/maintenance-projects/:id */
    updateMaintenanceProject: (
      id: Id,
      body: z.input<typeof domain.maintenanceProjectInputSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.projectDetailSchema>>({
        method: 'PUT',
        path: `/maintenance-projects/${seg(id)}`,
        body,
        ...options,
      }),
    /** 注销检测项目（不能恢复；记录原因和操作人员） — POST /api/projects/:id/cancel */
    postProjectCancel: (id: Id, body: z.input<typeof domain.endProjectSchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.projectDetailSchema>>({
        method: 'POST',
        path: `/projects/${seg(id)}/cancel`,
        body,
        ...options,
      }),
    /** 终止维保项目（不能恢复；记录原因和操作人员） — POST /api/projects/:id/terminate */
    postProjectTerminate: (id: Id, body: z.input<typeof domain.endProjectSchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.projectDetailSchema>>({
        method: 'POST',
        path: `/projects/${seg(id)}/terminate`,
        body,
        ...options,
      }),
    /** 标注项目位置（地理围栏中心和半径50～2000米，默认300米；WGS-84转换为GCJ-02；移动超过500米跟踪标红） — PUT /api/projects/:id/geofence */
    updateProjectGeofence: (
      id: Id,
      body: z.input<typeof domain.geofenceInputSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.geofenceResultSchema>>({
        method: 'PUT',
        path: `/projects/${seg(id)}/geofence`,
        body,
        ...options,
      }),
    /** 维保项目的消防系统：项目标准版本的系统/分类/设施，标明已勾选的 — GET /api/projects/:id/fire-systems */
    getProjectFireSystems: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.fireSystemsViewSchema>>({
        method: 'GET',
        path: `/projects/${seg(id)}/fire-systems`,
        ...options,
      }),
    /** 消防系统录入：勾选合同约定需要维保的消防设施（只能是项目标准版本中的） — PUT /api/projects/:id/fire-systems */
    updateProjectFireSystems: (
      id: Id,
      body: z.input<typeof domain.fireSystemSelectionSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.fireSystemsViewSchema>>({
        method: 'PUT',
        path: `/projects/${seg(id)}/fire-systems`,
        body,
        ...options,
      }),
    /** 项目的建筑物及总建筑面积 — GET /api/projects/:id/buildings */
    getProjectBuildings: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.buildingListSchema>>({
        method: 'GET',
        path: `/projects/${seg(id)}/buildings`,
        ...options,
      }),
    /** 新建建筑物（建筑面积须等于地上面积与地下面积之和；合同只含部分建筑时在备注说明） — POST /api/projects/:id/buildings */
    createProjectBuilding: (
      id: Id,
      body: z.input<typeof domain.buildingInputSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.buildingViewSchema>>({
        method: 'POST',
        path: `/projects/${seg(id)}/buildings`,
        body,
        ...options,
      }),
    /** 修改建筑物 — PUT /api/projects/:id/buildings/:buildingId */
    updateProjectBuilding: (
      id: Id,
      buildingId: Id,
      body: z.input<typeof domain.buildingInputSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.buildingViewSchema>>({
        method: 'PUT',
        path: `/projects/${seg(id)}/buildings/${seg(buildingId)}`,
        body,
        ...options,
      }),
    /** 删除建筑物 — DELETE /api/projects/:id/buildings/:buildingId */
    deleteProjectBuilding: (id: Id, buildingId: Id, options?: CallOptions) =>
      t.request<unknown>({
        method: 'DELETE',
        path: `/projects/${seg(id)}/buildings/${seg(buildingId)}`,
        ...options,
      }),
    /** 机构在线执业覆盖率：双随机系统中本机构的维保/检测项目有多少已关联本系统的项目，并列出未关联的 — GET /api/institutions/:id/coverage */
    getInstitutionCoverage: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.institutionCoverageSchema>>({
        method: 'GET',
        path: `/institutions/${seg(id)}/coverage`,
        ...options,
      }),
    /** 各机构在线执业覆盖率，分页（总队看全部机构，支队看有本支队双随机项目的机构）；汇总为全部符合条件的机构 — GET /api/coverage */
    getCoverage: (query?: z.input<typeof domain.coverageListQuerySchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.coverageListSchema>>({
        method: 'GET',
        path: '/coverage',
        query,
        ...options,
      }),
    /** 检测计划：按标准版本、检测范围和建筑物自动生成（单项→子项→检测项，编号稳定），含各单项的操作员；内容不可修改 — GET /api/projects/:id/testing-plan */
    getProjectTestingPlan: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.testingPlanViewSchema>>({
        method: 'GET',
        path: `/projects/${seg(id)}/testing-plan`,
        ...options,
      }),
    /** 下发检测计划／修改计划：项目负责人为每个单项选择一名或多名本机构的消防设施操作员（整体替换，变更记入操作日志） — PUT /api/projects/:id/testing-plan/assignments */
    updateProjectTestingPlanAssignments: (
      id: Id,
      body: z.input<typeof domain.testingPlanAssignmentsSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.testingPlanViewSchema>>({
        method: 'PUT',
        path: `/projects/${seg(id)}/testing-plan/assignments`,
        body,
        ...options,
      }),
    /** 可派发检测计划的操作员：本机构未停用的消防设施操作员 — GET /api/projects/:id/assignable-operators */
    getProjectAssignableOperators: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.assignableOperatorListSchema>>({
        method: 'GET',
        path: `/projects/${seg(id)}/assignable-operators`,
        ...options,
      }),
    /** 接收下发计划：分配给当前操作员的检测单项（进行中的检测项目） — GET /api/operators/me/testing-assignments */
    getOperatorsMeTestingAssignments: (options?: CallOptions) =>
      t.request<z.output<typeof domain.operatorTestingAssignmentListSchema>>({
        method: 'GET',
        path: '/operators/me/testing-assignments',
        ...options,
      }),
    /** 建立复检计划（机构管理员）：检测报告生成后、在检测期限内，针对报告中的不合格项（不含不具备测试条件和现场无此设备）建立复检计划，作为名称带“（复检）”的检测项目按正常流程下发、记录、审核并生成复检报告；原报告不变；复检计划只能进行一次（再次建立返回409） — POST /api/projects/:id/retest-plan */
    postProjectRetestPlan: (
      id: Id,
      body: z.input<typeof domain.createRetestPlanSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.retestPlanViewSchema>>({
        method: 'POST',
        path: `/projects/${seg(id)}/retest-plan`,
        body,
        ...options,
      }),
    /** 维保计划列表：各计划的类别、月份、设施数、下发状态；当月可创建的类别；每个维保年度至少3个季计划和1个年计划的核对（年度未结束时为提醒） — GET /api/projects/:id/maintenance-plans */
    getProjectMaintenancePlans: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.maintenancePlanListSchema>>({
        method: 'GET',
        path: `/projects/${seg(id)}/maintenance-plans`,
        ...options,
      }),
    /** 创建维保计划（月/季/年计划）：只能创建当月（北京时间）的计划，且在项目维保月份内，同一类别每月一个；内容按标准版本和所选消防设施自动生成，不可修改 — POST /api/projects/:id/maintenance-plans */
    createProjectMaintenancePlan: (
      id: Id,
      body: z.input<typeof domain.maintenancePlanCreateSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.maintenancePlanViewSchema>>({
        method: 'POST',
        path: `/projects/${seg(id)}/maintenance-plans`,
        body,
        ...options,
      }),
    /** 维保计划详情：按设施列出维保内容（不可修改）及各设施的派发情况 — GET /api/maintenance-plans/:planId */
    getMaintenancePlan: (planId: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.maintenancePlanViewSchema>>({
        method: 'GET',
        path: `/maintenance-plans/${seg(planId)}`,
        ...options,
      }),
    /** 下发维保计划：把所选设施派发给一名或多名本机构未停用的消防设施操作员（已派发的不重复），计划变为已下发 — POST /api/maintenance-plans/:planId/assignments */
    createMaintenancePlanAssignment: (
      planId: Id,
      body: z.input<typeof domain.maintenancePlanDistributeSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.maintenancePlanViewSchema>>({
        method: 'POST',
        path: `/maintenance-plans/${seg(planId)}/assignments`,
        body,
        ...options,
      }),
    /** 删除已下发的设施：操作员尚未开始执行时可删除；最后一个派发删除后计划回到未下发 — DELETE /api/maintenance-plans/:planId/assignments/:assignmentId */
    deleteMaintenancePlanAssignment: (planId: Id, assignmentId: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.maintenancePlanViewSchema>>({
        method: 'DELETE',
        path: `/maintenance-plans/${seg(planId)}/assignments/${seg(assignmentId)}`,
        ...options,
      }),
    /** 删除维保计划：只能删除未下发的计划；已下发的须先删除各设施的派发 — DELETE /api/maintenance-plans/:planId */
    deleteMaintenancePlan: (planId: Id, options?: CallOptions) =>
      t.request<unknown>({ method: 'DELETE', path: `/maintenance-plans/${seg(planId)}`, ...options }),
    /** 接收下发计划：派发给当前操作员的维保计划设施（进行中的维保项目） — GET /api/operators/me/maintenance-assignments */
    getOperatorsMeMaintenanceAssignments: (options?: CallOptions) =>
      t.request<z.output<typeof domain.operatorMaintenanceAssignmentListSchema>>({
        method: 'GET',
        path: '/operators/me/maintenance-assignments',
        ...options,
      }),
    /** 特殊申请：直接上传本公司自行编制的报告（原因必填；说明材料先经 /files 上传，检测项目须提交甲方单位出具的证明材料；每个项目同时只能有一个待审核申请） — POST /api/projects/:id/special-applications */
    createProjectSpecialApplication: (
      id: Id,
      body: z.input<typeof domain.createSpecialApplicationSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.specialApplicationViewSchema>>({
        method: 'POST',
        path: `/projects/${seg(id)}/special-applications`,
        body,
        ...options,
      }),
    /** 查看申请记录：项目的全部特殊申请（新的在前） — GET /api/projects/:id/special-applications */
    getProjectSpecialApplications: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.specialApplicationListSchema>>({
        method: 'GET',
        path: `/projects/${seg(id)}/special-applications`,
        ...options,
      }),
    /** 特殊申请审核列表（总队；可按状态、项目筛选） — GET /api/special-applications */
    getSpecialApplications: (
      query?: z.input<typeof domain.specialApplicationListQuerySchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.specialApplicationPageSchema>>({
        method: 'GET',
        path: '/special-applications',
        query,
        ...options,
      }),
    /** 特殊申请详情 — GET /api/special-applications/:id */
    getSpecialApplication: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.specialApplicationViewSchema>>({
        method: 'GET',
        path: `/special-applications/${seg(id)}`,
        ...options,
      }),
    /** 总队审核通过特殊申请：项目改为直传报告 — POST /api/special-applications/:id/approve */
    postSpecialApplicationApprove: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.specialApplicationViewSchema>>({
        method: 'POST',
        path: `/special-applications/${seg(id)}/approve`,
        ...options,
      }),
    /** 总队驳回特殊申请（须填写驳回原因） — POST /api/special-applications/:id/reject */
    postSpecialApplicationReject: (
      id: Id,
      body: z.input<typeof domain.rejectSpecialApplicationSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.specialApplicationViewSchema>>({
        method: 'POST',
        path: `/special-applications/${seg(id)}/reject`,
        body,
        ...options,
      }),
    /** 直接上传维保报告（特殊申请通过后）：计划性质、计划对应日期月份（在维保月份内）、PDF报告（先经 /files 上传，≤50M）、报告结论 — POST /api/projects/:id/direct-reports/maintenance */
    postProjectDirectReportsMaintenance: (
      id: Id,
      body: z.input<typeof domain.directMaintenanceReportSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.reportViewSchema>>({
        method: 'POST',
        path: `/projects/${seg(id)}/direct-reports/maintenance`,
        body,
        ...options,
      }),
    /** 直接上传检测报告（特殊申请通过后，须在检测期限内）：检测计划名称、PDF检测报告、PDF原始记录（先经 /files 上传，≤50M）、报告结论 — POST /api/projects/:id/direct-reports/testing */
    postProjectDirectReportsTesting: (
      id: Id,
      body: z.input<typeof domain.directTestingReportSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.reportViewSchema>>({
        method: 'POST',
        path: `/projects/${seg(id)}/direct-reports/testing`,
        body,
        ...options,
      }),
    /** 报告列表：总队全部；机构本机构；支队只看管辖归属内已备案的报告 — GET /api/reports */
    getReports: (query?: z.input<typeof domain.reportListQuerySchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.reportPageSchema>>({
        method: 'GET',
        path: '/reports',
        query,
        ...options,
      }),
    /** 报告详情 — GET /api/reports/:id */
    getReport: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.reportViewSchema>>({
        method: 'GET',
        path: `/reports/${seg(id)}`,
        ...options,
      }),
    /** 修改未备案的直接上传报告（备案后的报告不能被删除和修改）；请求体同上传接口 — PUT /api/reports/:id */
    updateReport: (id: Id, body?: z.input<typeof domain.replaceReportSchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.reportViewSchema>>({
        method: 'PUT',
        path: `/reports/${seg(id)}`,
        body,
        ...options,
      }),
    /** 删除未备案的直接上传报告（备案后的报告不能被删除和修改） — DELETE /api/reports/:id */
    deleteReport: (id: Id, options?: CallOptions) =>
      t.request<unknown>({ method: 'DELETE', path: `/reports/${seg(id)}`, ...options }),
    /** 技术负责人备案报告：上传现场人脸照片与已审核的人脸底图比对，通过后备案并推送给管辖支队 — POST /api/reports/:id/file */
    postReportFile: (id: Id, file: F, options?: CallOptions) =>
      t.request<z.output<typeof domain.reportViewSchema>>({
        method: 'POST',
        path: `/reports/${seg(id)}/file`,
        upload: { field: 'photo', file },
        ...options,
      }),
    /** 生成检测报告（机构管理员）：项目负责人审核检测计划通过后、在检测期限内；生成检测报告与原始记录（Word和PDF），在报告列表中查看进度；同一请求编号只生成一次，正在生成时再次生成返回409 — POST /api/projects/:id/testing-reports */
    createProjectTestingReport: (
      id: Id,
      body: z.input<typeof domain.generateTestingReportSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.reportViewSchema>>({
        method: 'POST',
        path: `/projects/${seg(id)}/testing-reports`,
        body,
        ...options,
      }),
    /** 报告核验（公开，报告二维码所指）：报告编号、项目、机构、日期、备案状态和各文件的SHA-256，不含个人信息 — GET /api/verify/:token */
    getVerify: (token: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.reportVerificationSchema>>({
        method: 'GET',
        path: `/verify/${seg(token)}`,
        ...options,
      }),
    /** 生成维保报告（机构管理员）：按项目和月份生成建筑消防设施维护保养情况表（Word和PDF）；当月下发的维保计划全部完成并经项目负责人审核通过，且任务提交时间不晚于该月最后一天23:59:59（北京时间）；未解决的故障在以后各月报告中继续列出；在报告列表中查看进度；同一请求编号只生成一次 — POST /api/projects/:id/maintenance-reports */
    createProjectMaintenanceReport: (
      id: Id,
      body: z.input<typeof domain.generateMaintenanceReportSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.reportViewSchema>>({
        method: 'POST',
        path: `/projects/${seg(id)}/maintenance-reports`,
        body,
        ...options,
      }),
    /** 建立测试任务并提交开始申请：操作员选择下发给自己的一个、多个或全部检测单项，附现场定位与现场照片；服务器进行位置校验和人脸比对并记录结果，模拟定位直接拒绝；同一请求编号重放返回原任务，内容不同则拒绝 — POST /api/testing-tasks */
    createTestingTask: (
      file: F,
      body: z.input<typeof domain.createTestingTaskSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.createdTestingTaskSchema>>({
        method: 'POST',
        path: '/testing-tasks',
        body,
        upload: { field: 'photo', file },
        ...options,
      }),
    /** 重新提交开始申请：上一次开始申请被驳回后，操作员再次附现场定位与现场照片申请；待处理时不能重复申请；同一请求编号重放返回原申请 — POST /api/testing-tasks/:id/start-requests */
    createTestingTaskStartRequest: (
      id: Id,
      file: F,
      body: z.input<typeof domain.taskSiteRequestSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.filedTaskSiteRequestSchema>>({
        method: 'POST',
        path: `/testing-tasks/${seg(id)}/start-requests`,
        body,
        upload: { field: 'photo', file },
        ...options,
      }),
    /** 提交检测结果申请：已开始的测试任务，操作员附现场定位与现场照片申请提交，由项目负责人在现场同意或驳回；驳回后可再次申请；同一请求编号重放返回原申请 — POST /api/testing-tasks/:id/submit-requests */
    createTestingTaskSubmitRequest: (
      id: Id,
      file: F,
      body: z.input<typeof domain.taskSiteRequestSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.filedTaskSiteRequestSchema>>({
        method: 'POST',
        path: `/testing-tasks/${seg(id)}/submit-requests`,
        body,
        upload: { field: 'photo', file },
        ...options,
      }),
    /** 提交检测结果：提交申请已同意且项目负责人未开启审核时，一次提交测试任务的全部检测记录（照片须先上传），全部保存或全部不保存；同一请求编号重放返回原结果，内容不同则拒绝 — POST /api/testing-tasks/:id/submission */
    postTestingTaskSubmission: (
      id: Id,
      body: z.input<typeof domain.testingSubmissionSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.testingSubmissionResultSchema>>({
        method: 'POST',
        path: `/testing-tasks/${seg(id)}/submission`,
        body,
        ...options,
      }),
    /** 我的测试任务（含开始申请、提交申请及其位置校验、人脸比对结果） — GET /api/operators/me/testing-tasks */
    getOperatorsMeTestingTasks: (options?: CallOptions) =>
      t.request<z.output<typeof domain.testingTaskListSchema>>({
        method: 'GET',
        path: '/operators/me/testing-tasks',
        ...options,
      }),
    /** 订阅消息模板：小程序在用户点击时据此申请订阅（现场申请待处理、检测记录待审核） — GET /api/wechat/subscribe-templates */
    getWechatSubscribeTemplates: (options?: CallOptions) =>
      t.request<z.output<typeof domain.subscribeTemplatesSchema>>({
        method: 'GET',
        path: '/wechat/subscribe-templates',
        ...options,
      }),
    /** 我的通知：最近50条（unread=true 仅未读），及未读数量 — GET /api/me/notifications */
    getMeNotifications: (query?: z.input<typeof domain.notificationListQuerySchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.notificationListSchema>>({
        method: 'GET',
        path: '/me/notifications',
        query,
        ...options,
      }),
    /** 我的通知：全部标为已读 — POST /api/me/notifications/read */
    postMeNotificationsRead: (options?: CallOptions) =>
      t.request<z.output<typeof domain.notificationListSchema>>({
        method: 'POST',
        path: '/me/notifications/read',
        ...options,
      }),
    /** 现场申请列表：项目负责人所负责项目的申请（status=pending 为待处理）；机构管理员看本机构项目的、支队看管辖归属内的、总队看全部（查看提交申请处理） — GET /api/site-requests */
    getSiteRequests: (query?: z.input<typeof domain.siteRequestListQuerySchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.siteRequestListSchema>>({
        method: 'GET',
        path: '/site-requests',
        query,
        ...options,
      }),
    /** 同意现场申请：项目负责人须在现场（本人定位在地理围栏内且人脸比对通过）；操作员位置校验或人脸比对未通过时须填写说明，并记入跟踪标红（强行修改判定） — POST /api/site-requests/:id/approve */
    postSiteRequestApprove: (
      id: Id,
      file: F,
      body: z.input<typeof domain.approveSiteRequestSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.siteRequestViewSchema>>({
        method: 'POST',
        path: `/site-requests/${seg(id)}/approve`,
        body,
        upload: { field: 'photo', file },
        ...options,
      }),
    /** 驳回现场申请：项目负责人填写驳回原因 — POST /api/site-requests/:id/reject */
    postSiteRequestReject: (
      id: Id,
      body: z.input<typeof domain.rejectSiteRequestSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.siteRequestViewSchema>>({
        method: 'POST',
        path: `/site-requests/${seg(id)}/reject`,
        body,
        ...options,
      }),
    /** 查询历史记录：操作员看本人提交的检测记录，项目负责人看所负责项目的，机构管理员看本机构的，总队、支队按项目管辖范围 — GET /api/testing-records */
    getTestingRecords: (query?: z.input<typeof domain.testingRecordListQuerySchema>, options?: CallOptions) =>
      t.request<z.output<typeof domain.testingRecordListSchema>>({
        method: 'GET',
        path: '/testing-records',
        query,
        ...options,
      }),
    /** APP删除已提交记录：操作员本人的待审核记录，且项目负责人未开启审核；已审核通过的记录须项目负责人先退回并关闭审核 — DELETE /api/testing-records/:id */
    deleteTestingRecord: (id: Id, options?: CallOptions) =>
      t.request<unknown>({ method: 'DELETE', path: `/testing-records/${seg(id)}`, ...options }),
    /** 批量审核检测项：项目负责人在审核中将多条待审核记录按系统判定结果审核通过 — POST /api/testing-records/approve */
    postTestingRecordsApprove: (
      body: z.input<typeof domain.approveTestingRecordsSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.testingRecordListSchema>>({
        method: 'POST',
        path: '/testing-records/approve',
        body,
        ...options,
      }),
    /** 审核检测项：项目负责人在审核中审核通过一条记录，可修改检测结果；与系统判定不同时须填写原因，并记入跟踪标红 — POST /api/testing-records/:id/approve */
    postTestingRecordApprove: (
      id: Id,
      body?: z.input<typeof domain.approveTestingRecordSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.testingRecordViewSchema>>({
        method: 'POST',
        path: `/testing-records/${seg(id)}/approve`,
        body,
        ...options,
      }),
    /** 退回已审核通过的记录：回到待审核，其子项、单项和综合评定的审核随之清除，已审核通过的检测计划回到审核中 — POST /api/testing-records/:id/return */
    postTestingRecordReturn: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.testingRecordViewSchema>>({
        method: 'POST',
        path: `/testing-records/${seg(id)}/return`,
        ...options,
      }),
    /** 检测审核：计划完成统计（按单项和操作员），单项→子项→检测项→检测记录，各层系统判定与审核结果；项目负责人审核，机构管理员、总队、支队查看 — GET /api/projects/:id/testing-review */
    getProjectTestingReview: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.testingReviewViewSchema>>({
        method: 'GET',
        path: `/projects/${seg(id)}/testing-review`,
        ...options,
      }),
    /** 开启审核：开启后APP不能提交或删除检测记录，项目负责人逐一审核 — POST /api/projects/:id/testing-review/open */
    postProjectTestingReviewOpen: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.testingReviewViewSchema>>({
        method: 'POST',
        path: `/projects/${seg(id)}/testing-review/open`,
        ...options,
      }),
    /** 关闭审核：重新允许操作员使用APP提交或删除检测记录 — POST /api/projects/:id/testing-review/close */
    postProjectTestingReviewClose: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.testingReviewViewSchema>>({
        method: 'POST',
        path: `/projects/${seg(id)}/testing-review/close`,
        ...options,
      }),
    /** 审核计划：计划已完成，全部检测项、子项、单项和综合评定均已审核 — POST /api/projects/:id/testing-review/approve */
    postProjectTestingReviewApprove: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.testingReviewViewSchema>>({
        method: 'POST',
        path: `/projects/${seg(id)}/testing-review/approve`,
        ...options,
      }),
    /** 退回计划：已审核通过的检测计划回到审核中 — POST /api/projects/:id/testing-review/reopen */
    postProjectTestingReviewReopen: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.testingReviewViewSchema>>({
        method: 'POST',
        path: `/projects/${seg(id)}/testing-review/reopen`,
        ...options,
      }),
    /** 审核子项、单项、综合评定：按顺序审核（子项的检测记录全部审核后审核子项，全部子项后审核单项，全部单项后审核综合评定）；与系统判定不同时须填写原因，并记入跟踪标红 — PUT /api/projects/:id/testing-review/nodes */
    updateProjectTestingReviewNodes: (
      id: Id,
      body: z.input<typeof domain.reviewNodeSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.testingReviewViewSchema>>({
        method: 'PUT',
        path: `/projects/${seg(id)}/testing-review/nodes`,
        body,
        ...options,
      }),
    /** 建立维保任务并提交开始申请：操作员从已下发给自己的维保计划中选择一个、多个或全部消防设施，附现场定位与现场照片；服务器进行位置校验和人脸比对，模拟定位直接拒绝；同一请求编号重放返回原任务，内容不同则拒绝 — POST /api/maintenance-tasks */
    createMaintenanceTask: (
      file: F,
      body: z.input<typeof domain.createMaintenanceTaskSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.createdMaintenanceTaskSchema>>({
        method: 'POST',
        path: '/maintenance-tasks',
        body,
        upload: { field: 'photo', file },
        ...options,
      }),
    /** 重新提交维保任务的开始申请：上一次开始申请被驳回后，操作员再次附现场定位与现场照片申请 — POST /api/maintenance-tasks/:id/start-requests */
    createMaintenanceTaskStartRequest: (
      id: Id,
      file: F,
      body: z.input<typeof domain.taskSiteRequestSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.filedTaskSiteRequestSchema>>({
        method: 'POST',
        path: `/maintenance-tasks/${seg(id)}/start-requests`,
        body,
        upload: { field: 'photo', file },
        ...options,
      }),
    /** 提交维保结果申请：已开始的维保任务，操作员附现场定位与现场照片申请提交，由项目负责人在现场同意或驳回；驳回后可再次申请 — POST /api/maintenance-tasks/:id/submit-requests */
    createMaintenanceTaskSubmitRequest: (
      id: Id,
      file: F,
      body: z.input<typeof domain.taskSiteRequestSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.filedTaskSiteRequestSchema>>({
        method: 'POST',
        path: `/maintenance-tasks/${seg(id)}/submit-requests`,
        body,
        upload: { field: 'photo', file },
        ...options,
      }),
    /** 提交维保结果：提交申请已同意后，一次提交维保任务的全部维保记录（照片、视频须先上传），全部保存或全部不保存；审核不通过的任务修改后重新提交（替换原记录）；不符合项生成故障；同一请求编号重放返回原结果，内容不同则拒绝 — POST /api/maintenance-tasks/:id/submission */
    postMaintenanceTaskSubmission: (
      id: Id,
      body: z.input<typeof domain.maintenanceSubmissionSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.maintenanceSubmissionResultSchema>>({
        method: 'POST',
        path: `/maintenance-tasks/${seg(id)}/submission`,
        body,
        ...options,
      }),
    /** 删除维保任务：操作员在提交前可删除自己的维保任务，其消防设施回到待开始，项目负责人随后可删除派发 — DELETE /api/maintenance-tasks/:id */
    deleteMaintenanceTask: (id: Id, options?: CallOptions) =>
      t.request<unknown>({ method: 'DELETE', path: `/maintenance-tasks/${seg(id)}`, ...options }),
    /** 我的维保任务（待开始工作、继续记录、查询历史记录），含开始申请、提交申请及审核结果 — GET /api/operators/me/maintenance-tasks */
    getOperatorsMeMaintenanceTasks: (
      query?: z.input<typeof domain.operatorMaintenanceTaskQuerySchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.maintenanceTaskListSchema>>({
        method: 'GET',
        path: '/operators/me/maintenance-tasks',
        query,
        ...options,
      }),
    /** 维保任务列表：项目负责人看所负责项目的（status=submitted 为消防维保-待审核）；机构管理员看本机构的（查看现场提交记录）；支队看管辖归属内的、总队看全部 — GET /api/maintenance-tasks */
    getMaintenanceTasks: (
      query?: z.input<typeof domain.maintenanceTaskListQuerySchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.maintenanceTaskPageSchema>>({
        method: 'GET',
        path: '/maintenance-tasks',
        query,
        ...options,
      }),
    /** 维保任务详情：每条维保记录及其合格标准、照片，以及故障和处理过程（审核页） — GET /api/maintenance-tasks/:id */
    getMaintenanceTask: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.maintenanceTaskDetailSchema>>({
        method: 'GET',
        path: `/maintenance-tasks/${seg(id)}`,
        ...options,
      }),
    /** 审核通过维保任务：每项故障（不符合项）都须先给出处理方式（与业主沟通中、排查、维修或处理结果） — POST /api/maintenance-tasks/:id/approve */
    postMaintenanceTaskApprove: (
      id: Id,
      body?: z.input<typeof domain.approveMaintenanceTaskSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.maintenanceTaskViewSchema>>({
        method: 'POST',
        path: `/maintenance-tasks/${seg(id)}/approve`,
        body,
        ...options,
      }),
    /** 审核不通过：操作员在查询历史记录中修改后重新提交；已审核通过的任务须先退回 — POST /api/maintenance-tasks/:id/reject */
    postMaintenanceTaskReject: (
      id: Id,
      body: z.input<typeof domain.rejectMaintenanceTaskSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.maintenanceTaskViewSchema>>({
        method: 'POST',
        path: `/maintenance-tasks/${seg(id)}/reject`,
        body,
        ...options,
      }),
    /** 退回已审核通过的维保任务到待审核（之后可审核不通过，让操作员修改） — POST /api/maintenance-tasks/:id/return */
    postMaintenanceTaskReturn: (
      id: Id,
      body?: z.input<typeof domain.returnMaintenanceTaskSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.maintenanceTaskViewSchema>>({
        method: 'POST',
        path: `/maintenance-tasks/${seg(id)}/return`,
        body,
        ...options,
      }),
    /** 维保记录列表：操作员看自己的（查询历史记录），项目负责人看所负责项目的，机构管理员看本机构的（查看现场提交记录），支队看管辖归属内的、总队看全部；按项目、任务、计划、操作员、设施、结果、提交日期筛选 — GET /api/maintenance-records */
    getMaintenanceRecords: (
      query?: z.input<typeof domain.maintenanceRecordListQuerySchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.maintenanceRecordPageSchema>>({
        method: 'GET',
        path: '/maintenance-records',
        query,
        ...options,
      }),
    /** 故障列表（管理测试故障）：每项故障及其完整处理过程；项目负责人看所负责项目的，机构管理员看本机构的，支队看管辖归属内的、总队看全部 — GET /api/maintenance-faults */
    getMaintenanceFaults: (
      query?: z.input<typeof domain.maintenanceFaultListQuerySchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.maintenanceFaultPageSchema>>({
        method: 'GET',
        path: '/maintenance-faults',
        query,
        ...options,
      }),
    /** 故障详情及处理过程 — GET /api/maintenance-faults/:id */
    getMaintenanceFault: (id: Id, options?: CallOptions) =>
      t.request<z.output<typeof domain.maintenanceFaultViewSchema>>({
        method: 'GET',
        path: `/maintenance-faults/${seg(id)}`,
        ...options,
      }),
    /** 故障处理：与业主沟通中（记入处理过程“与业主协商中”） — POST /api/maintenance-faults/:id/negotiate */
    postMaintenanceFaultNegotiate: (
      id: Id,
      body?: z.input<typeof domain.negotiateFaultSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.maintenanceFaultViewSchema>>({
        method: 'POST',
        path: `/maintenance-faults/${seg(id)}/negotiate`,
        body,
        ...options,
      }),
    /** 故障处理：下发排查或维修任务给本机构的消防设施操作员（记入处理过程“由操作员排查中/维修中”） — POST /api/maintenance-faults/:id/dispatch */
    postMaintenanceFaultDispatch: (
      id: Id,
      body: z.input<typeof domain.dispatchFaultTaskSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.maintenanceFaultViewSchema>>({
        method: 'POST',
        path: `/maintenance-faults/${seg(id)}/dispatch`,
        body,
        ...options,
      }),
    /** 故障处理：填写处理结果，故障已解决，不再体现在后续的维保报告中 — POST /api/maintenance-faults/:id/resolve */
    postMaintenanceFaultResolve: (
      id: Id,
      body: z.input<typeof domain.resolveFaultSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.maintenanceFaultViewSchema>>({
        method: 'POST',
        path: `/maintenance-faults/${seg(id)}/resolve`,
        body,
        ...options,
      }),
    /** 排查维修：下发给我的排查和维修任务 — GET /api/operators/me/maintenance-fault-tasks */
    getOperatorsMeMaintenanceFaultTasks: (options?: CallOptions) =>
      t.request<z.output<typeof domain.faultTaskListSchema>>({
        method: 'GET',
        path: '/operators/me/maintenance-fault-tasks',
        ...options,
      }),
    /** 排查维修结果：选择“解决”关闭此设施故障（不再体现在后续的维保报告中），“未解决”记录进展；同一请求编号重放返回原结果 — POST /api/maintenance-fault-tasks/:id/complete */
    postMaintenanceFaultTaskComplete: (
      id: Id,
      body: z.input<typeof domain.completeFaultTaskSchema>,
      options?: CallOptions,
    ) =>
      t.request<z.output<typeof domain.faultTaskViewSchema>>({
        method: 'POST',
        path: `/maintenance-fault-tasks/${seg(id)}/complete`,
        body,
        ...options,
      }),
  };
}
