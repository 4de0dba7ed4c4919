import type { Sequelize } from 'sequelize';
import { initAccountModels } from '../accounts/models';
import { initComplianceModels } from '../compliance/models';
import { initFaceModels } from '../face-profiles/models';
import { initStoredFileModel } from '../files/model';
import { initInstitutionModels } from '../institutions/models';
import { initOperationLogModel } from '../operation-log/model';
import { initRedFlagModel } from '../red-flags/model';
import { initRegistryModels } from '../registries/models';
import { initWorkLogModel } from '../work-logs/model';
import { initStandardEditionModel } from '../standards/model';
import { initClientModels } from '../clients/models';
import { initProjectModels } from '../projects/models';
import { initBuildingModel } from '../buildings/models';
import { initTestingPlanModels } from '../testing-plans/models';
import { initSpecialApplicationModel } from '../special-applications/models';
import { initReportModel } from '../reports/models';

export function initModels(sequelize: Sequelize) {
  initInstitutionModels(sequelize);
  initAccountModels(sequelize);
  initRegistryModels(sequelize);
  initComplianceModels(sequelize);
  initRedFlagModel(sequelize);
  initOperationLogModel(sequelize);
  initStoredFileModel(sequelize);
  initFaceModels(sequelize);
  initWorkLogModel(sequelize);
  initStandardEditionModel(sequelize);
  initClientModels(sequelize);
  initProjectModels(sequelize);
  initBuildingModel(sequelize);
  initTestingPlanModels(sequelize);
  initSpecialApplicationModel(sequelize);
  initReportModel(sequelize);
}
