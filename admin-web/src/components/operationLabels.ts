export { ACTION_LABELS, ENTITY_LABELS, actionLabel, entityLabel } from '@xf/domain/api/operation-log';
