import { allowed, refused, type RuleResult } from './result';

/** Square metres; the forms take two decimals, so sums may differ by rounding. */
export const BUILDING_AREA_TOLERANCE = 0.01;

const isArea = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** 建筑面积 = 地上面积 + 地下面积 (manual §03 "建筑面积是地上和地下的和，系统会校验"). */
export function checkBuildingArea(input: {
  totalArea: number;
  aboveGroundArea: number;
  belowGroundArea: number;
}): RuleResult {
  const { totalArea, aboveGroundArea, belowGroundArea } = input;
  if (!isArea(totalArea)) return refused('totalArea', '建筑面积应为不小于0的数字');
  if (!isArea(aboveGroundArea)) return refused('aboveGroundArea', '地上面积应为不小于0的数字');
  if (!isArea(belowGroundArea)) return refused('belowGroundArea', '地下面积应为不小于0的数字');
  if (totalArea <= 0) return refused('totalArea', '建筑面积应大于0');
  const sum = aboveGroundArea + belowGroundArea;
  if (Math.abs(totalArea - sum) > BUILDING_AREA_TOLERANCE + 1e-9) {
    return refused(
      'totalArea',
      `建筑面积${totalArea}应等于地上面积与地下面积之和${Math.round(sum * 100) / 100}`,
    );
  }
  return allowed;
}
