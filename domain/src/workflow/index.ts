export * from './machine';
export * from './project';
export * from './special-application';
export * from './report';
export * from './site-request';
export * from './testing-task';
export * from './maintenance-plan';
export * from './maintenance-task';
export * from './testing-assignment';
export * from './testing-record';
export * from './face-profile';
import { maintenanceAssignmentMachine, maintenancePlanMachine } from './maintenance-plan';
import {
  maintenanceFaultMachine,
  maintenanceFaultTaskMachine,
  maintenanceTaskMachine,
} from './maintenance-task';
import { projectMachine } from './project';
import { generatedReportMachine, reportMachine } from './report';
import { siteRequestMachine } from './site-request';
import { specialApplicationMachine } from './special-application';
import { testingAssignmentMachine } from './testing-assignment';
import { testingTaskMachine } from './testing-task';
import { faceProfileMachine } from './face-profile';
import { testingRecordMachine, testingReviewMachine } from './testing-record';

/** Every machine, for the table test and the docs. */
export const allMachines = [
  projectMachine,
  specialApplicationMachine,
  reportMachine,
  generatedReportMachine,
  siteRequestMachine,
  testingTaskMachine,
  maintenancePlanMachine,
  maintenanceAssignmentMachine,
  testingAssignmentMachine,
  testingRecordMachine,
  testingReviewMachine,
  faceProfileMachine,
  maintenanceTaskMachine,
  maintenanceFaultMachine,
  maintenanceFaultTaskMachine,
] as const;
