import { useEffect, useRef, useState } from 'react';
import type { TemplateName } from '../../../shared/domain/letters';
import { toShownError, type ShownError } from '../../api/errors';
import { samplePdf, subjectInput, type MissingField, type PdfFile, type Subject } from './store';

const DEBOUNCE_MS = 600;

export interface SamplePreview {
  file: PdfFile | null;
  mancanti: MissingField[];
  /** What is wrong with the text being edited (unknown placeholder, syntax): saving would be refused. */
  errori: string[];
  error: ShownError | null;
  current: boolean;
}

/**
 * The editor's live preview: the unsaved text rendered by the core with sample data, or with a
 * chosen record (a read the core checks and audits), as the PDF that would print.
 */
export function useSamplePreview(template: TemplateName, sorgente: string, subject: Subject | null): SamplePreview {
  const key = JSON.stringify({ template, sorgente, subject });
  const [state, setState] = useState<{ key: string; file: PdfFile | null; mancanti: MissingField[]; errori: string[]; error: ShownError | null }>({
    key: '',
    file: null,
    mancanti: [],
    errori: [],
    error: null,
  });
  const generation = useRef(0);
  useEffect(() => {
    const mine = ++generation.current;
    const timer = window.setTimeout(() => {
      const asked = JSON.parse(key) as { template: TemplateName; sorgente: string; subject: Subject | null };
      const input = { template: asked.template, ...(asked.sorgente.trim() ? { sorgente: asked.sorgente } : {}), ...(asked.subject ? subjectInput(asked.subject) : {}) };
      samplePdf(input).then(
        ({ out, file }) => {
          // A text with errors gives no PDF: the last good one stays on screen beside the errors.
          if (mine === generation.current) setState((s) => ({ key, file: file ?? s.file, mancanti: out.mancanti, errori: out.errori, error: null }));
        },
        (e: unknown) => {
          if (mine === generation.current) setState((s) => ({ ...s, key, error: toShownError(e) }));
        },
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [key]);
  return { file: state.file, mancanti: state.mancanti, errori: state.errori, error: state.error, current: state.key === key };
}
