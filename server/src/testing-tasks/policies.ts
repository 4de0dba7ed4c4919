import { allow, NONE, scope, where } from '../core/policy';
import type { Actor } from '../core/actor';
import type { TestingTask } from './models';

/**
 * 测试任务 are the operator's own: created and listed by the operator who takes them; only that operator asks
 * again to start, asks to submit (提交检测结果申请) and submits its records.
 */
allow(['operator'], ['create', 'list'], 'testing_task');
const own = (actor: Actor, task: TestingTask) => task.operatorAccountId === actor.id;
allow<TestingTask>(['operator'], ['requestStart', 'requestSubmit', 'submit'], 'testing_task', own);
scope('testing_task', (actor) => (actor.kind === 'operator' ? where({ operatorAccountId: actor.id }) : NONE));
