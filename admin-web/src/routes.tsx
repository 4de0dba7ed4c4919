import {
  AlertOutlined,
  AuditOutlined,
  ContactsOutlined,
  ExperimentOutlined,
  FundOutlined,
  ToolOutlined,
  BankOutlined,
  BookOutlined,
  CloudUploadOutlined,
  FileSearchOutlined,
  HomeOutlined,
  IdcardOutlined,
  SafetyOutlined,
  ScanOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type ReactNode } from 'react';
import type { AccountKind } from './api/types';

/**
 * Every page is its own chunk, loaded when its route is first opened: the login page and the layout do
 * not wait for the map, the Excel export or the other roles' pages.
 */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType<any> })));
}
const AccountIssuePage = page(() => import('./pages/brigade/AccountIssuePage'), 'AccountIssuePage');
const CoveragePage = page(() => import('./pages/brigade/CoveragePage'), 'CoveragePage');
const CompliancePage = page(() => import('./pages/brigade/CompliancePage'), 'CompliancePage');
const FaceReviewPage = page(() => import('./pages/brigade/FaceReviewPage'), 'FaceReviewPage');
const InstitutionDetailPage = page(
  () => import('./pages/brigade/InstitutionDetailPage'),
  'InstitutionDetailPage',
);
const InstitutionListPage = page(() => import('./pages/brigade/InstitutionListPage'), 'InstitutionListPage');
const OperationLogPage = page(() => import('./pages/brigade/OperationLogPage'), 'OperationLogPage');
const RedFlagPage = page(() => import('./pages/brigade/RedFlagPage'), 'RedFlagPage');
const RegistryImportDetailPage = page(
  () => import('./pages/brigade/RegistryImportDetailPage'),
  'RegistryImportDetailPage',
);
const RegistryImportPage = page(() => import('./pages/brigade/RegistryImportPage'), 'RegistryImportPage');
const StandardEditionDetailPage = page(
  () => import('./pages/brigade/standards/StandardEditionDetailPage'),
  'StandardEditionDetailPage',
);
const StandardEditionsPage = page(
  () => import('./pages/brigade/standards/StandardEditionsPage'),
  'StandardEditionsPage',
);
const AccountInfoPage = page(() => import('./pages/common/AccountInfoPage'), 'AccountInfoPage');
const HomePage = page(() => import('./pages/common/HomePage'), 'HomePage');
const InstitutionInfoPage = page(
  () => import('./pages/institution/InstitutionInfoPage'),
  'InstitutionInfoPage',
);
const InstitutionPersonsPage = page(
  () => import('./pages/institution/InstitutionPersonsPage'),
  'InstitutionPersonsPage',
);
const StaffAccountCreatePage = page(
  () => import('./pages/institution/StaffAccountCreatePage'),
  'StaffAccountCreatePage',
);
const StaffAccountsPage = page(() => import('./pages/institution/StaffAccountsPage'), 'StaffAccountsPage');
const WorkLogsPage = page(() => import('./pages/institution/WorkLogsPage'), 'WorkLogsPage');
const BuildingsPage = page(() => import('./pages/projects/BuildingsPage'), 'BuildingsPage');
const ClientContactsPage = page(() => import('./pages/projects/ClientContactsPage'), 'ClientContactsPage');
const ClientsPage = page(() => import('./pages/projects/ClientsPage'), 'ClientsPage');
const FireSystemsPage = page(() => import('./pages/projects/FireSystemsPage'), 'FireSystemsPage');
const GeofencePage = page(() => import('./pages/projects/GeofencePage'), 'GeofencePage');
const MaintenanceContractFormPage = page(
  () => import('./pages/projects/MaintenanceContractFormPage'),
  'MaintenanceContractFormPage',
);
const MaintenanceContractsPage = page(
  () => import('./pages/projects/MaintenanceContractsPage'),
  'MaintenanceContractsPage',
);
const MaintenanceProjectFormPage = page(
  () => import('./pages/projects/MaintenanceProjectFormPage'),
  'MaintenanceProjectFormPage',
);
const MaintenanceProjectsPage = page(
  () => import('./pages/projects/MaintenanceProjectsPage'),
  'MaintenanceProjectsPage',
);
const TestingProjectFormPage = page(
  () => import('./pages/projects/TestingProjectFormPage'),
  'TestingProjectFormPage',
);
const TestingProjectsPage = page(() => import('./pages/projects/TestingProjectsPage'), 'TestingProjectsPage');
const DirectUploadPage = page(() => import('./pages/special/DirectUploadPage'), 'DirectUploadPage');
const ReportsPage = page(() => import('./pages/special/ReportsPage'), 'ReportsPage');
const TestingReportGeneratePage = page(
  () => import('./pages/testing-reports/TestingReportGeneratePage'),
  'TestingReportGeneratePage',
);
const ReportFilesPage = page(() => import('./pages/reports/ReportFilesPage'), 'ReportFilesPage');
const MaintenanceReportGeneratePage = page(
  () => import('./pages/maintenance-reports/MaintenanceReportGeneratePage'),
  'MaintenanceReportGeneratePage',
);
const MaintenanceTasksPage = page(
  () => import('./pages/maintenance/MaintenanceTasksPage'),
  'MaintenanceTasksPage',
);
const MaintenanceFaultsPage = page(
  () => import('./pages/maintenance/MaintenanceFaultsPage'),
  'MaintenanceFaultsPage',
);
const SiteRequestsPage = page(() => import('./pages/testing/SiteRequestsPage'), 'SiteRequestsPage');
const TestingPlansPage = page(() => import('./pages/testing/TestingPlansPage'), 'TestingPlansPage');
const SpecialReviewPage = page(() => import('./pages/special/SpecialReviewPage'), 'SpecialReviewPage');

export interface AppRoute {
  path: string;
  title: string;
  icon?: ReactNode;
  element: ReactNode;
  /** Account kinds allowed to open the page (and to see it in the menu). */
  kinds: readonly AccountKind[];
  /** Menu group (sub-menu title); pages without one are top-level items. */
  group?: string;
  /** Detail/form pages reached from a list, not from the menu. */
  hidden?: boolean;
  /** For hidden pages: the menu entry to highlight, the first of these the account may open. */
  parent?: readonly string[];
}

const INSTITUTION_STAFF = ['institution_admin', 'technical_lead'] as const;
const WEB_KINDS = ['brigade', 'detachment', 'institution_admin', 'technical_lead'] as const;
const PROJECT_VIEWERS = ['institution_admin', 'brigade', 'detachment'] as const;
const TESTING = '管理检测服务活动';
const MAINTENANCE = '管理维保服务活动';
/** Who reads maintenance tasks and faults: the server scopes them (own institution, jurisdiction, all). */
const MAINTENANCE_READERS = ['institution_admin', 'detachment', 'brigade'] as const;

/** The one place that says which page exists, what it is called and who may open it. */
export const appRoutes: AppRoute[] = [
  { path: '/', title: '首页', icon: <HomeOutlined />, element: <HomePage />, kinds: WEB_KINDS },

  // 机构管理员 / 技术负责人
  {
    path: '/institution/info',
    title: '查看机构基本信息',
    icon: <BankOutlined />,
    element: <InstitutionInfoPage />,
    kinds: INSTITUTION_STAFF,
    group: '管理服务机构信息',
  },
  {
    path: '/institution/persons',
    title: '查看机构人员信息',
    icon: <TeamOutlined />,
    element: <InstitutionPersonsPage />,
    kinds: INSTITUTION_STAFF,
    group: '管理服务机构信息',
  },
  {
    path: '/institution/accounts',
    title: '管理机构人员账号',
    icon: <IdcardOutlined />,
    element: <StaffAccountsPage />,
    kinds: ['institution_admin'],
    group: '管理服务机构信息',
  },
  {
    path: '/institution/accounts/new',
    title: '添加企业人员账号',
    element: <StaffAccountCreatePage />,
    kinds: ['institution_admin'],
    group: '管理服务机构信息',
    hidden: true,
    parent: ['/institution/accounts'],
  },

  // 甲方单位 and project entry (manual §02/§03)
  {
    path: '/projects/clients',
    title: '管理甲方信息',
    icon: <ContactsOutlined />,
    element: <ClientsPage />,
    kinds: ['institution_admin'],
    group: '管理甲方单位',
  },
  {
    path: '/projects/contacts',
    title: '管理甲方联系人',
    icon: <ContactsOutlined />,
    element: <ClientContactsPage />,
    kinds: ['institution_admin'],
    group: '管理甲方单位',
  },
  {
    path: '/testing-projects',
    title: '管理检测服务项目',
    icon: <ExperimentOutlined />,
    element: <TestingProjectsPage />,
    kinds: PROJECT_VIEWERS,
    group: TESTING,
  },
  {
    path: '/testing-projects/new',
    title: '添加检测项目',
    element: <TestingProjectFormPage />,
    kinds: ['institution_admin'],
    group: TESTING,
    hidden: true,
    parent: ['/testing-projects'],
  },
  {
    path: '/testing-projects/:id/edit',
    title: '更新检测项目',
    element: <TestingProjectFormPage />,
    kinds: ['institution_admin'],
    group: TESTING,
    hidden: true,
    parent: ['/testing-projects'],
  },
  {
    path: '/testing-projects/:id/buildings',
    title: '添加建筑物',
    element: <BuildingsPage />,
    kinds: PROJECT_VIEWERS,
    group: TESTING,
    hidden: true,
    parent: ['/testing-projects'],
  },
  {
    path: '/testing-projects/:id/geofence',
    title: '标注项目位置',
    element: <GeofencePage />,
    kinds: PROJECT_VIEWERS,
    group: TESTING,
    hidden: true,
    parent: ['/testing-projects'],
  },
  // 机构管理员在电脑端 (manual §02), in the manual's order: 查看检测服务计划 / 查看提交申请处理 / 生成检测报告 /
  // 查看检测报告 / 备案检测报告.
  {
    path: '/testing/plans',
    title: '查看检测服务计划',
    icon: <ScheduleOutlined />,
    element: <TestingPlansPage />,
    kinds: ['institution_admin'],
    group: TESTING,
  },
  {
    path: '/testing/site-requests',
    title: '查看提交申请处理',
    icon: <FileSearchOutlined />,
    element: <SiteRequestsPage />,
    kinds: ['institution_admin'],
    group: TESTING,
  },
  {
    path: '/testing-reports/generate',
    title: '生成检测报告',
    icon: <FileSearchOutlined />,
    element: <TestingReportGeneratePage />,
    kinds: ['institution_admin'],
    group: TESTING,
  },
  {
    path: '/testing-reports',
    title: '查看检测报告',
    icon: <FileSearchOutlined />,
    element: <ReportFilesPage kind="testing" title="查看检测报告" />,
    kinds: ['institution_admin', 'technical_lead', 'brigade'],
    group: TESTING,
  },
  {
    path: '/testing/filing',
    title: '备案检测报告',
    icon: <AuditOutlined />,
    element: <ReportsPage kind="testing" title="备案检测报告" />,
    kinds: ['institution_admin', 'technical_lead'],
    group: TESTING,
  },
  {
    path: '/maintenance-contracts',
    title: '管理服务合同',
    icon: <ToolOutlined />,
    element: <MaintenanceContractsPage />,
    kinds: ['institution_admin', 'brigade'],
    group: MAINTENANCE,
  },
  {
    path: '/maintenance-contracts/new',
    title: '添加服务合同',
    element: <MaintenanceContractFormPage />,
    kinds: ['institution_admin'],
    group: MAINTENANCE,
    hidden: true,
    parent: ['/maintenance-contracts'],
  },
  {
    path: '/maintenance-contracts/:id/edit',
    title: '更新服务合同',
    element: <MaintenanceContractFormPage />,
    kinds: ['institution_admin'],
    group: MAINTENANCE,
    hidden: true,
    parent: ['/maintenance-contracts'],
  },
  {
    path: '/maintenance-projects',
    title: '管理合同对应项目',
    icon: <ToolOutlined />,
    element: <MaintenanceProjectsPage />,
    kinds: PROJECT_VIEWERS,
    group: MAINTENANCE,
  },
  {
    path: '/maintenance-projects/new',
    title: '添加合同对应项目',
    element: <MaintenanceProjectFormPage />,
    kinds: ['institution_admin'],
    group: MAINTENANCE,
    hidden: true,
    parent: ['/maintenance-projects'],
  },
  {
    path: '/maintenance-projects/:id/edit',
    title: '更新合同对应项目',
    element: <MaintenanceProjectFormPage />,
    kinds: ['institution_admin'],
    group: MAINTENANCE,
    hidden: true,
    parent: ['/maintenance-projects'],
  },
  {
    path: '/maintenance-projects/:id/buildings',
    title: '添加建筑物',
    element: <BuildingsPage />,
    kinds: PROJECT_VIEWERS,
    group: MAINTENANCE,
    hidden: true,
    parent: ['/maintenance-projects'],
  },
  {
    path: '/maintenance-projects/:id/fire-systems',
    title: '添加消防系统',
    element: <FireSystemsPage />,
    kinds: PROJECT_VIEWERS,
    group: MAINTENANCE,
    hidden: true,
    parent: ['/maintenance-projects'],
  },
  {
    path: '/maintenance-projects/:id/geofence',
    title: '标注项目位置',
    element: <GeofencePage />,
    kinds: PROJECT_VIEWERS,
    group: MAINTENANCE,
    hidden: true,
    parent: ['/maintenance-projects'],
  },
  // The maintenance menu in the manual's order (§03/§04): … / 查看现场提交记录 / 生成维保报告 / 查看维保报告 /
  // 备案维保报告 / 管理测试故障 / 查看工作日志. The detachment reads the tasks and faults of its jurisdiction.
  {
    path: '/maintenance/tasks',
    title: '查看现场提交记录',
    icon: <FileSearchOutlined />,
    element: <MaintenanceTasksPage />,
    kinds: MAINTENANCE_READERS,
    group: MAINTENANCE,
  },
  {
    path: '/maintenance-reports/generate',
    title: '生成维保报告',
    icon: <FileSearchOutlined />,
    element: <MaintenanceReportGeneratePage />,
    kinds: ['institution_admin'],
    group: MAINTENANCE,
  },
  {
    path: '/maintenance-reports',
    title: '查看维保报告',
    icon: <FileSearchOutlined />,
    element: <ReportFilesPage kind="maintenance" title="查看维保报告" />,
    kinds: ['institution_admin', 'technical_lead', 'brigade'],
    group: MAINTENANCE,
  },
  {
    path: '/maintenance/filing',
    title: '备案维保报告',
    icon: <AuditOutlined />,
    element: <ReportsPage kind="maintenance" title="备案维保报告" />,
    kinds: ['institution_admin', 'technical_lead'],
    group: MAINTENANCE,
  },
  {
    path: '/maintenance/faults',
    title: '管理测试故障',
    icon: <AlertOutlined />,
    element: <MaintenanceFaultsPage />,
    kinds: MAINTENANCE_READERS,
    group: MAINTENANCE,
  },
  {
    // The same page as /work-logs (the regulators' entry): the institution reads its operators' logs here.
    path: '/maintenance/work-logs',
    title: '查看工作日志',
    icon: <ScheduleOutlined />,
    element: <WorkLogsPage />,
    kinds: ['institution_admin'],
    group: MAINTENANCE,
  },
  {
    path: '/coverage',
    title: '在线执业覆盖率',
    icon: <FundOutlined />,
    element: <CoveragePage />,
    kinds: ['brigade', 'detachment'],
  },

  // 总队
  {
    path: '/brigade/institutions',
    title: '服务机构列表',
    icon: <BankOutlined />,
    element: <InstitutionListPage mode="brigade" />,
    kinds: ['brigade'],
  },
  {
    path: '/institutions/:id',
    title: '机构基本信息',
    element: <InstitutionDetailPage />,
    kinds: ['brigade', 'detachment'],
    hidden: true,
    parent: ['/detachment/institutions', '/brigade/institutions'],
  },
  {
    path: '/brigade/compliance',
    title: '合规状态',
    icon: <SafetyOutlined />,
    element: <CompliancePage />,
    kinds: ['brigade'],
  },
  {
    path: '/brigade/imports/ministry',
    title: '部局系统导入',
    icon: <CloudUploadOutlined />,
    element: <RegistryImportPage registry="ministry" />,
    kinds: ['brigade'],
    group: '登记系统导入',
  },
  {
    path: '/brigade/imports/inspection',
    title: '双随机系统导入',
    icon: <CloudUploadOutlined />,
    element: <RegistryImportPage registry="inspection" />,
    kinds: ['brigade'],
    group: '登记系统导入',
  },
  {
    path: '/brigade/imports/detail/:id',
    title: '导入详情',
    element: <RegistryImportDetailPage />,
    kinds: ['brigade'],
    group: '登记系统导入',
    hidden: true,
    parent: ['/brigade/imports/ministry'],
  },
  {
    path: '/brigade/standard-editions',
    title: '标准版本管理',
    icon: <BookOutlined />,
    element: <StandardEditionsPage />,
    kinds: ['brigade'],
  },
  {
    path: '/brigade/standard-editions/:id',
    title: '标准版本目录',
    element: <StandardEditionDetailPage />,
    kinds: ['brigade'],
    hidden: true,
    parent: ['/brigade/standard-editions'],
  },
  {
    path: '/brigade/face-profiles',
    title: '人脸底图审核',
    icon: <ScanOutlined />,
    element: <FaceReviewPage />,
    kinds: ['brigade'],
  },
  {
    path: '/brigade/red-flags',
    title: '跟踪标红',
    icon: <AlertOutlined />,
    element: <RedFlagPage />,
    kinds: ['brigade'],
  },
  {
    // the detachment sees the flags of institutions working in its jurisdiction, an institution its own
    path: '/red-flags',
    title: '跟踪标红',
    icon: <AlertOutlined />,
    element: <RedFlagPage />,
    kinds: ['detachment', 'institution_admin'],
  },
  {
    path: '/brigade/accounts',
    title: '账号派发',
    icon: <UsergroupAddOutlined />,
    element: <AccountIssuePage />,
    kinds: ['brigade'],
  },
  {
    path: '/brigade/operation-logs',
    title: '操作日志',
    icon: <FileSearchOutlined />,
    element: <OperationLogPage />,
    kinds: ['brigade'],
  },

  // 支队
  {
    path: '/detachment/institutions',
    title: '辖区服务机构',
    icon: <AuditOutlined />,
    element: <InstitutionListPage mode="detachment" />,
    kinds: ['detachment'],
  },

  {
    path: '/work-logs',
    title: '查看工作日志',
    icon: <ScheduleOutlined />,
    element: <WorkLogsPage />,
    kinds: ['brigade', 'detachment'],
  },

  // 特殊申请 and 直接上传报告 (manual §04)
  {
    path: '/special/maintenance-upload',
    title: '直接上传维保报告',
    icon: <CloudUploadOutlined />,
    element: <DirectUploadPage kind="maintenance" />,
    kinds: ['institution_admin'],
    group: '特殊情况处理',
  },
  {
    path: '/special/testing-upload',
    title: '直接上传检测报告',
    icon: <CloudUploadOutlined />,
    element: <DirectUploadPage kind="testing" />,
    kinds: ['institution_admin'],
    group: '特殊情况处理',
  },
  {
    path: '/special/reports',
    title: '备案报告',
    icon: <AuditOutlined />,
    element: <ReportsPage />,
    kinds: ['institution_admin', 'technical_lead', 'brigade'],
    group: '特殊情况处理',
  },
  {
    path: '/detachment/filed-reports',
    title: '已接收报告',
    icon: <AuditOutlined />,
    element: <ReportsPage />,
    kinds: ['detachment'],
  },
  {
    path: '/brigade/special-applications',
    title: '特殊申请审核',
    icon: <AuditOutlined />,
    element: <SpecialReviewPage />,
    kinds: ['brigade'],
  },

  {
    path: '/account',
    title: '账号信息',
    icon: <UserOutlined />,
    element: <AccountInfoPage />,
    kinds: WEB_KINDS,
  },
];

export const groupIcons: Record<string, ReactNode> = {
  管理服务机构信息: <BankOutlined />,
  登记系统导入: <CloudUploadOutlined />,
  管理甲方单位: <ContactsOutlined />,
  [TESTING]: <ExperimentOutlined />,
  [MAINTENANCE]: <ToolOutlined />,
};

export const canOpen = (route: AppRoute, kind: AccountKind) => route.kinds.includes(kind);

/** Whether a menu path (not a pattern) is a page this account may open. */
export const canOpenPath = (path: string, kind: AccountKind) =>
  appRoutes.some((r) => r.path === path && canOpen(r, kind));
