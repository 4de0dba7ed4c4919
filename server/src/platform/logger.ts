/** The slice of a pino-style logger the platform adapters need; any pino logger satisfies it. */
export interface PlatformLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
