import { useEffect, type RefObject } from 'react';
import type { ShownError } from '../api/errors';
import { focusFirstInvalid } from './focus-invalid';

/** Each new error of a form moves focus to its first invalid field (or to the message). */
export function useFocusOnError(error: ShownError | null, ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (error) focusFirstInvalid(ref.current);
  }, [error, ref]);
}
