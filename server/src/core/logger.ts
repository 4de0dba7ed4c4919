import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'xf-server' }, timestamp: pino.stdTimeFunctions.isoTime });
}
