import { allow } from '../core/policy';

/** The brigade runs the practice-conditions pass on demand (the system runs it daily and after imports). */
allow(['brigade'], 'run', 'compliance');
