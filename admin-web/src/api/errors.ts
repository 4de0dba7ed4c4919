import { App, type FormInstance } from 'antd';
import { useCallback, useRef } from 'react';
import { ApiError } from './client';

/** Server field paths may be dotted (`body.accountName`); forms use the last segment. */
const lastSegment = (field: string) => field.split('.').filter(Boolean).pop() ?? field;

/**
 * Turns a `validation_failed` error into antd form field errors (only for fields the form has).
 * `aliases` maps server field names onto the visible form field (e.g. personId → personName).
 */
export function applyFieldErrors(
  form: FormInstance,
  err: ApiError,
  aliases: Record<string, string> = {},
): boolean {
  if (err.code !== 'validation_failed') return false;
  const byField = new Map<string, string[]>();
  const formFieldName = (field: string) => {
    const name = lastSegment(field);
    return aliases[name] ?? name;
  };
  for (const d of err.details) {
    const name = formFieldName(d.field);
    byField.set(name, [...(byField.get(name) ?? []), d.message]);
  }
  if (err.field && !byField.has(formFieldName(err.field)))
    byField.set(formFieldName(err.field), [err.message]);
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const fields = [...byField].filter(([name]) => known.has(name)).map(([name, errors]) => ({ name, errors }));
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}

/** Shows the server's Chinese message; validation errors go onto the form's fields when possible. */
export function useApiError() {
  const { message: current } = App.useApp();
  // Keep the returned function identity stable so effects can list it as a dependency without re-running.
  const messageRef = useRef(current);
  messageRef.current = current;
  return useCallback((err: unknown, form?: FormInstance, aliases?: Record<string, string>) => {
    const message = messageRef.current;
    if (err instanceof ApiError) {
      if (form && applyFieldErrors(form, err, aliases)) return;
      message.error(err.message);
    } else {
      message.error(err instanceof Error ? err.message : '操作失败');
    }
  }, []);
}
