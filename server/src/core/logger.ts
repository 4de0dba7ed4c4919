import { pino, type Logger } from 'pino';

export type { Logger };

/** Keys whose values never reach a log line (any depth, any case): passwords, tokens, captcha texts, ID numbers. */
const SECRET_KEY = /pass(word)?|token|secret|authorization|cookie|captcha|idnumber|id_number|身份证/i;
/** Chinese resident ID numbers inside free text (error messages, SQL): 17 digits and a check character. */
const ID_NUMBER = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g;
const REDACTED = '[已隐藏]';

/**
 * Remove secrets from anything about to be logged. Request bodies and raw SQL parameters are dropped whole;
 * error objects keep their name, message, code and stack (scrubbed).
 */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(ID_NUMBER, REDACTED);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[…]';
  if (value instanceof Error) {
    const e = value as Error & { code?: unknown; status?: unknown; type?: unknown };
    return scrub(
      { type: e.name, message: e.message, code: e.code, status: e.status, stack: e.stack },
      depth + 1,
    );
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_KEY.test(k)) out[k] = REDACTED;
    else if (k === 'body' || k === 'rawBody' || k === 'raw' || k === 'parameters' || k === 'sql')
      out[k] = REDACTED;
    else out[k] = scrub(v, depth + 1);
  }
  return out;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'xf-server' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // The usual places by path (fast), then every object passes the scrubber for whatever else slipped in.
      redact: {
        paths: [
          'password',
          '*.password',
          'oldPassword',
          'newPassword',
          'refreshToken',
          'accessToken',
          'captchaText',
          'idNumber',
          '*.idNumber',
          'req.headers.authorization',
          'err.body',
          'err.sql',
          'err.parameters',
        ],
        censor: REDACTED,
      },
      serializers: { err: (e: unknown) => scrub(e) },
      formatters: { log: (obj) => scrub(obj) as Record<string, unknown> },
      hooks: {
        // Messages are free text (e.g. a database error quoting a value): ID numbers are masked there too.
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? (scrub(a) as string) : a)) as Parameters<typeof method>,
          );
        },
      },
    },
    destination,
  );
}
