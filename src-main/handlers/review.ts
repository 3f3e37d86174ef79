import { AppError } from '../contract';
import type { HandlersFor } from '../transport/dispatch';
import type { Services } from './services';

// PLACEHOLDER (being built this session): replaced by the review implementation.
const todo = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

/** review:* — lazy previews, lint of every recipient, WhatsApp test send. */
export function reviewHandlers(_s: Services): HandlersFor<'review'> {
  return {
    'review:preview': todo,
    'review:lint': todo,
    'review:lintCancel': todo,
    'review:testWhatsApp': todo,
    'review:testTargets': todo,
    'review:saveTestTargets': todo,
  };
}
