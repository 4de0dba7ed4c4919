/**
 * Shapes of the standards catalog. The catalog is data: editions are published by the brigade,
 * projects pin the edition in force when they are created, and nothing here is edited in code paths.
 */

/** How sure we are that a line matches the official text (see shared/reference/standards.md). */
export type Confidence = 'H' | 'M' | 'L';

/** A clause reference such as `GB 25201-2010 附录` or `XF 503-2004 4.2.3`. */
export interface SourceRef {
  standard: string;
  clause?: string;
  confidence: Confidence;
  note?: string;
}

export type MaintenancePeriod = 'month' | 'quarter' | 'year';

/** One answer prompt on a maintenance content line, e.g. 关闭主电源，备电能否自动投入 (能/不能). */
export interface CheckPrompt {
  id: string;
  text: string;
  options: string[];
  /** The option that means conforming; used to pre-judge 符合/不符合. */
  conformingOption?: string;
}

export interface MaintenanceContentLine {
  /** Stable id, unique within an edition, e.g. `M.01.01.b`. */
  id: string;
  /** The letter as printed: a, b, c … */
  letter: string;
  text: string;
  period: MaintenancePeriod;
  prompts: CheckPrompt[];
  /** 合格标准 shown to the reviewing project lead. */
  conformityStandard: string;
  source: SourceRef;
}

export interface MaintenanceFacility {
  id: string;
  name: string;
  lines: MaintenanceContentLine[];
}

export interface MaintenanceCategory {
  id: string;
  /** e.g. 控制中心报警系统, or 无分类. */
  name: string;
  facilities: MaintenanceFacility[];
}

export interface MaintenanceSystem {
  /** Stable id, e.g. `M.01`. */
  id: string;
  /** Name as in the manual's report scope list, e.g. 消防供电配电. */
  name: string;
  /** Cross-reference to the GB 25201 18-system order (01–18), when there is one. */
  gb25201Code?: string;
  categories: MaintenanceCategory[];
}

export type ItemClass = 'A' | 'B' | 'C';

/** A measured quantity with limits, so a result can be judged from the value. */
export interface MeasuredLimit {
  quantity: string;
  unit: string;
  min?: number;
  max?: number;
}

export interface TestItem {
  /** Stable id, unique within an edition, e.g. `A.8.1.3`. */
  id: string;
  name: string;
  class: ItemClass;
  method: string;
  requirement: string;
  measured?: MeasuredLimit;
  source: SourceRef;
}

export interface TestSubItem {
  id: string;
  name: string;
  items: TestItem[];
}

/** Threshold rule for a single item (单项); null means "no limit of this kind". */
export interface SingleItemRule {
  aMax: number;
  bMax: number | null;
  cMax: number | null;
  bcMax: number | null;
  /** B+C failures as a share of items checked, e.g. 0.05 for 5 %. */
  bcShareMax: number | null;
  source: SourceRef;
}

export interface TestSingleItem {
  /** e.g. `A.8`. */
  code: string;
  name: string;
  /** Maintenance system names that put this single item into a testing scope. */
  systems: string[];
  rule?: SingleItemRule;
  subItems: TestSubItem[];
}

export interface StandardEdition {
  id: string;
  title: string;
  effectiveDate: string;
  sources: string[];
  maintenance: MaintenanceSystem[];
  testing: TestSingleItem[];
  /** Default rule for single items that carry none. */
  defaultSingleItemRule: SingleItemRule;
}
