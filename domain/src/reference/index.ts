export * from './detachments';
export * from './regions';
