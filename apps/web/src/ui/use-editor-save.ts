import type { FieldError } from '@jxt/contracts';
import type { UseMutationResult } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { ApiRequestError } from '../api/http';

export interface EditorSaveOptions {
  /** Saved: leave edit mode. */
  onSaved: () => void;
  /** 400: the server's field errors, for the draft to mark its inputs (the page scrolls up to the summary). */
  onInvalid: (fields: readonly FieldError[], message: string) => void;
}

/**
 * The save of an editor's draft: 已保存 and onSaved; a 409 opens the conflict dialog (`conflict` is the server's message),
 * a 400 goes to the draft, anything else is a `failure` to show.
 */
export function useEditorSave<TData, TRequest>(
  mutation: UseMutationResult<TData, ApiRequestError | Error, TRequest>,
  { onSaved, onInvalid }: EditorSaveOptions,
) {
  const { message } = App.useApp();
  const [conflict, setConflict] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const save = (request: TRequest) => {
    setFailure(null);
    mutation.mutate(request, {
      onSuccess: () => {
        message.success('已保存');
        onSaved();
      },
      onError: (error) => {
        if (error instanceof ApiRequestError && error.status === 409) {
          setConflict(error.body.message);
        } else if (error instanceof ApiRequestError && error.status === 400) {
          onInvalid(error.body.fields ?? [], error.body.message);
          window.scrollTo({ top: 0, behavior: 'smooth' });
        } else {
          setFailure(error.message || '保存失败，请稍后再试');
        }
      },
    });
  };

  return {
    save,
    saving: mutation.isPending,
    /** Saved: no longer dirty, even before the editor closes. */
    saved: mutation.isSuccess,
    conflict,
    closeConflict: () => setConflict(null),
    failure,
    closeFailure: () => setFailure(null),
  };
}
