/** Excel exchange with the two registries: sheet layouts, writing (data and templates) and parsing. */
export {
  buildInspectionTemplate,
  buildMinistryTemplate,
  writeInspectionWorkbook,
  writeMinistryWorkbook,
} from './write';
export { parseInspectionWorkbook, parseMinistryWorkbook } from './parse';
