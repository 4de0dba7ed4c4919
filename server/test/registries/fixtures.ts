import { completeUscc } from '@xf/domain';
import {
  completeIdNumber,
  type InspectionSnapshot,
  type MinistrySnapshot,
} from '@xf/domain/registries/records';

export const USCC_A = completeUscc('91110105MA01AAAA1');
export const USCC_B = completeUscc('91110108MA01BBBB2');
export const UNIT_USCC = completeUscc('91110101MA00DW007');
export const id = (n: number) => completeIdNumber(`11010519850101${String(n).padStart(3, '0')}`);

export function ministrySnapshot(): MinistrySnapshot {
  return {
    institutions: [
      {
        uscc: USCC_A,
        name: '北京甲消防技术服务有限公司',
        registeredAddress: '北京市朝阳区测试路1号',
        province: '北京市',
        city: '市辖区',
        district: '朝阳区',
        serviceTypes: ['maintenance_testing', 'safety_assessment'],
        publicityStatus: 'effective',
        legalRepresentative: '王测试',
        premisesArea: 300,
      },
      {
        uscc: USCC_B,
        name: '北京乙消防安全评估有限公司',
        registeredAddress: '北京市海淀区测试路2号',
        province: '北京市',
        city: '市辖区',
        district: '海淀区',
        serviceTypes: ['safety_assessment'],
        publicityStatus: 'not_effective',
      },
    ],
    persons: [
      {
        idNumber: id(1),
        name: '赵一',
        institutionUscc: USCC_A,
        post: 'technical_lead',
        mobile: '13900000001',
        registeredEngineer: {
          level: 1,
          registrationNumber: '110001',
          validFrom: '2023-01-01',
          validTo: '2026-01-01',
        },
      },
      {
        idNumber: id(2),
        name: '钱二',
        institutionUscc: USCC_A,
        post: 'operator',
        operatorCertificate: { number: 'CZY-0002', grade: 'intermediate', validTo: '2028-05-31' },
      },
      {
        idNumber: id(3),
        name: '孙三',
        institutionUscc: USCC_A,
        post: 'operator',
        operatorCertificate: { number: 'CZY-0003', grade: 'junior' },
      },
      {
        idNumber: id(4),
        name: '李四',
        institutionUscc: USCC_B,
        post: 'project_lead',
        registeredEngineer: {
          level: 2,
          registrationNumber: '220004',
          validFrom: '2022-03-01',
          validTo: '2025-03-01',
        },
        operatorCertificate: { number: 'CZY-0004', grade: 'senior_technician' },
      },
    ],
  };
}

export function inspectionSnapshot(): InspectionSnapshot {
  return {
    socialUnits: [
      {
        uscc: UNIT_USCC,
        name: '北京测试商厦有限公司',
        address: '北京市东城区测试大街1号',
        district: '东城区',
        safetyLevel: '消防安全重点单位',
        detachmentCode: 'dongcheng',
        unitType: '商场市场',
      },
      {
        uscc: 'NULL',
        name: '朝阳区测试养老服务中心',
        address: '北京市朝阳区测试路9号',
        district: '朝阳区',
        safetyLevel: '一般单位',
        detachmentCode: 'chaoyang',
        unitType: '养老机构',
      },
      {
        uscc: completeUscc('91110000MA00DT008'),
        name: '测试地铁站',
        address: '北京市西城区测试站',
        district: '西城区',
        safetyLevel: '火灾高危单位',
        detachmentCode: 'guidaojiaotong',
        unitType: '交通枢纽',
      },
    ],
    registryProjects: [
      {
        externalId: 'WB0001',
        kind: 'maintenance',
        institutionUscc: USCC_A,
        socialUnitUscc: UNIT_USCC,
        socialUnitName: '北京测试商厦有限公司',
        startDate: '2024-01-01',
        endDate: '2024-12-31',
      },
      {
        externalId: 'JC0001',
        kind: 'testing',
        institutionUscc: USCC_A,
        socialUnitUscc: 'NULL',
        socialUnitName: '朝阳区测试养老服务中心',
        startDate: '2024-03-01',
        endDate: '2024-03-10',
      },
    ],
  };
}
