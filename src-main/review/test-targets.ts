import type { SettingsService } from '../settings/service';

/** The addresses the last test sends went to (Review → Test send), remembered for next time. */
export interface TestTargets {
  email: string;
  whatsapp: string;
}

/** The `settings` table key holding them (plain values: no secret). */
export const TEST_TARGETS_KEY = 'review.testTargets';
const NONE: TestTargets = { email: '', whatsapp: '' };

/** The remembered targets (empty strings when none). */
export function readTestTargets(settings: SettingsService): TestTargets {
  const { email, whatsapp } = settings.read(TEST_TARGETS_KEY, NONE);
  return { email, whatsapp };
}

/** Saves the given targets over the remembered ones (an omitted one is kept) and returns them all. */
export function saveTestTargets(settings: SettingsService, targets: Partial<TestTargets>): TestTargets {
  const next = { ...readTestTargets(settings), ...targets };
  settings.write(TEST_TARGETS_KEY, next);
  return next;
}
