import * as assert from 'node:assert/strict';

export interface SdkError extends Error {
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
  $fault?: string;
  Reason?: string;
  Message?: string;
  ErrorList?: { FieldName?: string; Code?: string; Message?: string }[];
}

/** Awaits a promise that must reject with an error named `name`; returns the error. */
export async function expectError(promise: Promise<unknown>, name: string): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof Error, `expected an Error, got ${String(error)}`);
    assert.equal(error.name, name, `expected ${name}, got ${error.name}: ${error.message}`);
    return error as SdkError;
  }
  assert.fail(`expected ${name}, but the call succeeded`);
}

/** The (FieldName, Code) pairs of a ValidationException. */
export function issues(error: SdkError): string[] {
  return (error.ErrorList ?? []).map((issue) => `${issue.FieldName}:${issue.Code}`);
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const TASK_ID = /^task-[0-9a-z]{14}$/;
