import { LoggedRefusal, runCommand, type Audit, type RequestContext } from '../core/command';
import type { AppError } from '../core/errors';

/**
 * A refusal that is itself recorded (a mock location, a lead off site, a face that does not match): run as
 * a command that changes nothing, so the operation log keeps the attempt and the client gets the error.
 */
export function refuseLogged(
  context: RequestContext,
  action: string,
  error: AppError,
  audit: Audit,
): Promise<never> {
  return runCommand<never>(context, action, async () => {
    throw new LoggedRefusal(error, { action, ...audit });
  });
}
