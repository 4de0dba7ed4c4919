import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { useApiError } from '../api/errors';

/**
 * The submit of a create/edit form: `saving` while `save` runs, a success message, then `onSaved`; a
 * refusal from the server lands on the field it names (`fieldAliases` maps server names to form names).
 */
export function useFormSubmit<V>(
  form: FormInstance<V>,
  save: (values: V) => Promise<unknown>,
  {
    savedText,
    onSaved,
    fieldAliases,
  }: { savedText: string; onSaved: () => void; fieldAliases?: Record<string, string> },
): { saving: boolean; submit: (values: V) => Promise<void> } {
  const onError = useApiError();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const submit = async (values: V) => {
    setSaving(true);
    try {
      await save(values);
      message.success(savedText);
      onSaved();
    } catch (e) {
      onError(e, form as FormInstance, fieldAliases);
    } finally {
      setSaving(false);
    }
  };
  return { saving, submit };
}
