import { redactForLevel, type LogLevel } from './logRedaction';

/** A log with one method per level: vscode's LogOutputChannel has this shape, tests pass their own. */
export type LevelLogger = Record<LogLevel, (message: string) => void>;

const LEVELS: ReadonlySet<PropertyKey> = new Set<LogLevel>(['trace', 'debug', 'info', 'warn', 'error']);
const REDACTING = Symbol('redacting');

/**
 * `logger` behind the redaction boundary: every line, at every level, is redacted before it is written (see
 * redactForLevel), so no caller can log an outside text unredacted. Extra arguments are joined into the line
 * first. Everything else of `logger` is passed through. Wrapping twice redacts once.
 */
export function redactingLogger<T extends LevelLogger>(logger: T): T {
  if ((logger as { [REDACTING]?: boolean })[REDACTING]) return logger;
  return new Proxy(logger, {
    get(target, property) {
      if (property === REDACTING) return true;
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (LEVELS.has(property)) {
        const level = property as LogLevel;
        return (message: unknown, ...args: unknown[]) => (value as (line: string) => void).call(target, redactForLevel(level, [message, ...args].map(asText).join(' ')));
      }
      return (value as (...values: unknown[]) => unknown).bind(target);
    },
  });
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
}
