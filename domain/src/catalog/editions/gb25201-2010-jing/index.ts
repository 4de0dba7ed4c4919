import { DEFAULT_SINGLE_ITEM_RULE } from '../../../judgment/single-item-rules';
import type { StandardEdition } from '../../types';
import { maintenanceSystems } from './maintenance';
import { testingSingleItems } from './testing';

export const GB25201_2010_JING_ID = 'GB25201-2010+京检测评定';

/**
 * The first built-in edition: maintenance content after GB 25201-2010 (the manual's 21 systems) and
 * testing items after the Beijing 检测评定 scheme shown in the manual (single items A.1–A.15).
 * The effective date is GB 25201-2010's implementation date.
 */
export const gb25201_2010_jing: StandardEdition = {
  id: GB25201_2010_JING_ID,
  title: '建筑消防设施维护保养（GB 25201-2010）及北京市建筑消防设施检测评定',
  effectiveDate: '2011-03-01',
  sources: [
    'GB 25201-2010《建筑消防设施的维护管理》',
    'XF 503-2004《建筑消防设施检测技术规程》',
    'DB11/T 1354《建筑消防设施检测评定规程》（北京市地方标准，原文未核实）',
    '北京市消防技术服务机构监管系统培训手册（维保内容示例、检测报告样式）',
  ],
  maintenance: maintenanceSystems,
  testing: testingSingleItems,
  defaultSingleItemRule: DEFAULT_SINGLE_ITEM_RULE,
};
