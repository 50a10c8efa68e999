import { type Catalog, isCatalog } from './model';
import { type ValidationCode, type ValidationIssue, errors } from './wire';

export type Input = Record<string, unknown>;

interface StringRule {
  pattern?: RegExp;
  /** How the pattern reads in the API reference, for messages. */
  patternText?: string;
  minLength?: number;
  maxLength?: number;
}

export interface Tag {
  Key: string;
  Value: string;
}

// AWS's tag rules: Unicode letters, digits, spaces and _.:/=+-@; keys 1-128, values 0-256; `aws:` is reserved.
const TAG_TEXT = { pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, patternText: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*' };
const MAX_TAGS = 200;

interface ListRule {
  min?: number;
  max?: number;
  item?: StringRule;
  /** Later repeats of an item are DUPLICATE_KEY_VALUE. */
  unique?: boolean;
}

/** Collects every problem of a request, then fails it at once with one ValidationException. */
export class Validator {
  readonly issues: ValidationIssue[] = [];

  add(field: string, code: ValidationCode, message: string): void {
    this.issues.push({ FieldName: field, Code: code, Message: message });
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw errors.validation(this.issues);
  }

  catalog(value: unknown, field = 'Catalog'): Catalog | undefined {
    const text = this.string(value, field, { required: true, pattern: /^[a-zA-Z]+$/, patternText: '[a-zA-Z]+' });
    if (text === undefined) return undefined;
    if (!isCatalog(text)) {
      this.add(field, 'INVALID_ENUM_VALUE', `Catalog must be one of AWS, Sandbox; got "${text}"`);
      return undefined;
    }
    return text;
  }

  string(value: unknown, field: string, rule: StringRule & { required?: boolean }): string | undefined {
    if (value === undefined || value === null) {
      if (rule.required) this.add(field, 'REQUIRED_FIELD_MISSING', `${field} is required`);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.add(field, 'INVALID_VALUE', `${field} must be a string`);
      return undefined;
    }
    return this.checkString(value, field, rule) ? value : undefined;
  }

  /** Lengths count Unicode code points. */
  private checkString(value: string, field: string, rule: StringRule): boolean {
    const length = [...value].length;
    if (rule.minLength !== undefined && length < rule.minLength) {
      this.add(field, 'INVALID_STRING_FORMAT', `${field} must be at least ${rule.minLength} character(s) long`);
      return false;
    }
    if (rule.maxLength !== undefined && length > rule.maxLength) {
      this.add(field, 'INVALID_STRING_FORMAT', `${field} must be at most ${rule.maxLength} characters long`);
      return false;
    }
    if (rule.pattern && !rule.pattern.test(value)) {
      this.add(field, 'INVALID_STRING_FORMAT', `${field} must match the pattern ${rule.patternText ?? rule.pattern.source}`);
      return false;
    }
    return true;
  }

  stringList(value: unknown, field: string, rule: ListRule & { required?: boolean }): string[] | undefined {
    if (value === undefined || value === null) {
      if (rule.required) this.add(field, 'REQUIRED_FIELD_MISSING', `${field} is required`);
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.add(field, 'INVALID_VALUE', `${field} must be a list of strings`);
      return undefined;
    }
    const before = this.issues.length;
    if (rule.min !== undefined && value.length < rule.min) {
      this.add(field, 'NOT_ENOUGH_VALUES', `${field} must have at least ${rule.min} item(s)`);
    }
    if (rule.max !== undefined && value.length > rule.max) {
      this.add(field, 'TOO_MANY_VALUES', `${field} must have at most ${rule.max} items; got ${value.length}`);
    }
    const seen = new Set<string>();
    value.forEach((item: unknown, index) => {
      const itemField = `${field}[${index}]`;
      if (typeof item !== 'string') {
        this.add(itemField, 'INVALID_VALUE', `${itemField} must be a string`);
        return;
      }
      if (rule.item && !this.checkString(item, itemField, rule.item)) return;
      if (rule.unique && seen.has(item)) {
        this.add(itemField, 'DUPLICATE_KEY_VALUE', `${itemField} repeats ${item}`);
      }
      seen.add(item);
    });
    return this.issues.length === before ? (value as string[]) : undefined;
  }

  integer(value: unknown, field: string, min: number, max: number): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add(field, 'INVALID_VALUE', `${field} must be an integer`);
      return undefined;
    }
    if (value < min || value > max) {
      this.add(field, 'VALUE_OUT_OF_RANGE', `${field} must be between ${min} and ${max}; got ${value}`);
      return undefined;
    }
    return value;
  }

  /** ISO 8601 strings (what the SDK sends); epoch seconds are accepted too. Returns ms. */
  timestamp(value: unknown, field: string): number | undefined {
    if (value === undefined || value === null) return undefined;
    const ms = typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (!Number.isFinite(ms)) {
      this.add(field, 'INVALID_VALUE', `${field} must be an ISO 8601 timestamp`);
      return undefined;
    }
    return ms;
  }

  enumValue<T extends string>(value: unknown, field: string, allowed: readonly T[], required: boolean): T | undefined {
    if (value === undefined || value === null) {
      if (required) this.add(field, 'REQUIRED_FIELD_MISSING', `${field} is required`);
      return undefined;
    }
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.add(field, 'INVALID_ENUM_VALUE', `${field} must be one of ${allowed.join(', ')}`);
      return undefined;
    }
    return value as T;
  }

  object(value: unknown, field: string): Input | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.add(field, 'INVALID_VALUE', `${field} must be an object`);
      return undefined;
    }
    return value as Input;
  }

  /** A Tags list: 1 to 200 {Key, Value}, keys unique and not `aws:`. */
  tags(value: unknown, field: string): Tag[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.add(field, 'INVALID_VALUE', `${field} must be a list of {Key, Value} objects`);
      return undefined;
    }
    const before = this.issues.length;
    if (value.length < 1) this.add(field, 'NOT_ENOUGH_VALUES', `${field} must have at least 1 item; omit it for no tags`);
    if (value.length > MAX_TAGS) this.add(field, 'TOO_MANY_VALUES', `${field} must have at most ${MAX_TAGS} items; got ${value.length}`);
    const keys = new Set<string>();
    value.forEach((item: unknown, index) => {
      const itemField = `${field}[${index}]`;
      const tag = this.object(item, itemField);
      if (!tag) {
        if (item === null || item === undefined) this.add(itemField, 'INVALID_VALUE', `${itemField} must be an object`);
        return;
      }
      const key = this.string(tag.Key, `${itemField}.Key`, { required: true, minLength: 1, maxLength: 128, ...TAG_TEXT });
      this.string(tag.Value, `${itemField}.Value`, { required: true, minLength: 0, maxLength: 256, ...TAG_TEXT });
      if (key === undefined) return;
      if (key.toLowerCase().startsWith('aws:')) {
        this.add(`${itemField}.Key`, 'INVALID_VALUE', `${itemField}.Key must not start with "aws:", which AWS reserves`);
      } else if (keys.has(key)) {
        this.add(`${itemField}.Key`, 'DUPLICATE_KEY_VALUE', `${itemField}.Key repeats the tag key "${key}"`);
      }
      keys.add(key);
    });
    return this.issues.length === before ? (value as Tag[]) : undefined;
  }
}
