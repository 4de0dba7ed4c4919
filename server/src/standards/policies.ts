import { allow } from '../core/policy';

/** Every account reads the standard editions; the brigade downloads their workbooks and publishes. */
allow(['brigade'], ['publish', 'downloadWorkbook'], 'standard_edition');
