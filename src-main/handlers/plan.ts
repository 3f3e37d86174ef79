import { AppError } from '../contract';
import type { HandlersFor } from '../transport/dispatch';
import type { Services } from './services';

// PLACEHOLDER (being built this session): replaced by the plan implementation.
const todo = (): never => {
  throw new AppError('internal', 'Not built yet.');
};

/** plan:* — the audience's live count, per-channel qualification, the pre-send plan, the rate table. */
export function planHandlers(_s: Services): HandlersFor<'plan'> {
  return {
    'plan:count': todo,
    'plan:qualify': todo,
    'plan:compute': todo,
    'plan:rates': todo,
    'plan:saveRates': todo,
  };
}
