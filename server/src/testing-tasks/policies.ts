import { allow, NONE, scope, where } from '../core/policy';
import { fieldLabels } from '../core/field-labels';

/** 测试任务 are the operator's own: created and listed by the operator who takes them. */
allow(['operator'], ['create', 'list'], 'testing_task');
scope('testing_task', (actor) => (actor.kind === 'operator' ? where({ operatorAccountId: actor.id }) : NONE));

fieldLabels.idempotencyKey ??= '请求编号';
fieldLabels.planSingleItemIds ??= '检测单项';
fieldLabels.allAssigned ??= '全部单项';
