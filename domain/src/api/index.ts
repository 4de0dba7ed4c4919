export * from './accounts';
export * from './auth';
export * from './common';
export * from './institutions';
export * from './work-logs';
export * from './operation-log';
