import type { lettersContract } from '../../../../shared/contracts/letters';
import { AppError } from '../../../../shared/domain/errors';
import type { FeatureHandlers } from '../router';

const notYet = (): never => {
  throw new AppError('INTERNAL', 'Lettere e documenti: funzione non ancora disponibile in questa versione.');
};

export function lettersHandlers(): FeatureHandlers<typeof lettersContract> {
  return {
    'letterTemplates.list': notYet,
    'letterTemplates.fields': notYet,
    'letters.prepare': notYet,
    'letters.previewPdf': notYet,
    'letters.issue': notYet,
    'letters.batch': notYet,
    'letterTemplates.versions': notYet,
    'letterTemplates.save': notYet,
    'letterTemplates.restore': notYet,
    'letterTemplates.sample': notYet,
    'letterSettings.get': notYet,
    'letterSettings.save': notYet,
    'letterSettings.calibrationPdf': notYet,
    'documents.list': notYet,
    'documents.download': notYet,
    'documents.setStatus': notYet,
    'documents.recordProtocollo': notYet,
    'documents.reprint': notYet,
  };
}
