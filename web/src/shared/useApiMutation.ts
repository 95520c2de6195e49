// Mutations all behave alike: on success say so, refresh affected lists; on failure show the
// server's Chinese message, and put field errors next to the fields when a form is given.
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { ApiError, errorMessage } from '../app/api.ts';

type Options<TVars, TResult> = {
  mutationFn: (vars: TVars) => Promise<TResult>;
  /** Query key prefixes to refetch after success. */
  invalidate?: QueryKey[];
  /** Static text, or worded from what was sent (e.g. which task action ran). */
  successMessage?: string | ((vars: TVars) => string);
  form?: FormInstance;
  /** API field → form field, where the form collects a value differently (e.g. a date range). */
  fieldAliases?: Record<string, string>;
  onSuccess?: (result: TResult) => void;
};

export function useApiMutation<TVars, TResult>(options: Options<TVars, TResult>) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: options.mutationFn,
    onSuccess: async (result, vars) => {
      const { successMessage } = options;
      if (successMessage) message.success(typeof successMessage === 'function' ? successMessage(vars) : successMessage);
      options.onSuccess?.(result);
      await Promise.all((options.invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
    onError: (error) => {
      if (options.form) applyFieldErrors(options.form, error, options.fieldAliases ?? {});
      message.error(errorMessage(error));
    },
  });
}

/** Puts server validation messages (details[].path) on the matching registered form fields. */
function applyFieldErrors(form: FormInstance, error: unknown, aliases: Record<string, string>): void {
  if (!(error instanceof ApiError) || error.details.length === 0) return;
  const registered = new Set(form.getFieldsError().map((field) => String(field.name[0])));
  const fields = error.details
    .map((detail) => {
      const apiField = detail.path.split('.')[0] ?? '';
      return { name: aliases[apiField] ?? apiField, errors: [detail.message] };
    })
    .filter((field) => registered.has(field.name));
  form.setFields(fields);
}
