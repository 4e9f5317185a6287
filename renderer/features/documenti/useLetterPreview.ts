import { useEffect, useRef, useState } from 'react';
import { toShownError, type ShownError } from '../../api/errors';
import { previewLetter, type LetterInput, type MissingField, type PdfFile } from './store';

/** Typing in a free-text part re-renders the PDF once the hand rests, not at every key. */
const DEBOUNCE_MS = 450;

export interface LetterPreview {
  file: PdfFile | null;
  mancanti: MissingField[];
  /** The PDF on screen matches the input last typed (no render pending or running). */
  current: boolean;
  error: ShownError | null;
}

/**
 * The exact PDF of the letter for `input` (null: nothing chosen yet), re-rendered by the core
 * after each change; answers that arrive after a newer request are dropped.
 */
export function useLetterPreview(input: LetterInput | null): LetterPreview {
  const key = input ? JSON.stringify(input) : '';
  const [state, setState] = useState<{ key: string; file: PdfFile | null; mancanti: MissingField[]; error: ShownError | null }>({
    key: '',
    file: null,
    mancanti: [],
    error: null,
  });
  const generation = useRef(0);
  useEffect(() => {
    if (!key) return;
    const mine = ++generation.current;
    const timer = window.setTimeout(() => {
      previewLetter(JSON.parse(key) as LetterInput).then(
        (out) => {
          if (mine === generation.current) setState({ key, file: out, mancanti: out.mancanti, error: null });
        },
        (e: unknown) => {
          if (mine === generation.current) setState((s) => ({ ...s, key, error: toShownError(e) }));
        },
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [key]);
  return { file: state.file, mancanti: state.mancanti, current: key !== '' && state.key === key && !state.error, error: state.error };
}
