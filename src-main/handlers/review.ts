import { reviewRuntime } from '../review/runtime';
import { readTestTargets, saveTestTargets } from '../review/test-targets';
import { sendTestWhatsApp } from '../review/test-whatsapp';
import type { HandlersFor } from '../transport/dispatch';
import type { Services } from './services';

/** review:* — lazy previews, lint of every recipient (worker threads), WhatsApp test send and targets. */
export function reviewHandlers(s: Services): HandlersFor<'review'> {
  const rt = () => reviewRuntime(s.store, s.events, s.settings);
  return {
    'review:preview': (input) => {
      rt().lint.workers.warm(); // a lint follows the first preview
      return rt().previews.preview(input);
    },
    'review:lint': ({ draft, lintId }) => rt().lint.lint(draft, lintId),
    'review:lintCancel': ({ lintId }) => ({ cancelled: rt().lint.cancel(lintId) }),
    'review:testWhatsApp': (input) => sendTestWhatsApp(s, input),
    'review:testTargets': () => readTestTargets(s.settings),
    'review:saveTestTargets': (targets) => saveTestTargets(s.settings, targets),
  };
}
