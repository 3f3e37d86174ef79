import { HealthStatusSchema } from './schemas';
import type { HealthStatus, PhoneNumberInfo } from './types';

/**
 * Reads Meta's `health_status` object ("Health status": `{can_send_message, entities:[{entity_type,
 * id, can_send_message, errors:[{error_code, error_description, possible_solution}]}]}`) into
 * HealthStatus; null when absent or not that shape.
 */
export function parseHealthStatus(raw: unknown): HealthStatus | null {
  const parsed = HealthStatusSchema.safeParse(raw);
  if (!parsed.success) return null;
  return {
    canSendMessage: parsed.data.can_send_message,
    entities: parsed.data.entities.map((e) => ({
      entityType: e.entity_type,
      id: e.id,
      canSendMessage: e.can_send_message,
      errors: e.errors.map((x) => ({
        errorCode: x.error_code ?? null,
        description: x.error_description ?? 'No description given.',
        possibleSolution: x.possible_solution ?? null,
      })),
    })),
  };
}

/** Pre-flight verdict on a phone number, worded for the user. */
export interface AccountAssessment {
  /** false: a campaign must not start (health BLOCKED). */
  canSend: boolean;
  /** What blocks or limits sending, with Meta's possible solution. */
  problems: string[];
  /** What the user should know but does not block sending (quality not GREEN, LIMITED health). */
  warnings: string[];
}

const QUALITY_WARNING: Record<string, string> = {
  YELLOW:
    'Quality rating is YELLOW (medium): recipients block or report your messages. Send fewer marketing ' +
    'messages and check WhatsApp Manager → Insights before a large campaign.',
  RED:
    'Quality rating is RED (low): WhatsApp may lower the messaging limit or restrict the number. ' +
    'Pause marketing campaigns and check WhatsApp Manager → Insights.',
};

/**
 * Assesses a phone number before a campaign (whatsapp-cloud-api.md, "Reading the number"):
 * `health_status.can_send_message` BLOCKED stops it; LIMITED, a number whose `status` is not
 * CONNECTED, and a quality rating other than GREEN are warnings. Each blocking entity error becomes
 * a problem with Meta's description and possible solution.
 */
export function assessAccount(info: PhoneNumberInfo): AccountAssessment {
  const problems: string[] = [];
  const warnings: string[] = [];
  const health = info.healthStatus;
  for (const entity of health?.entities ?? []) {
    for (const e of entity.errors) {
      const code = e.errorCode === null ? '' : ` (error ${e.errorCode})`;
      const fix = e.possibleSolution ? ` Fix: ${e.possibleSolution}` : '';
      problems.push(`${entity.entityType || 'Account'}${code}: ${e.description}${fix}`);
    }
  }
  const verdict = health?.canSendMessage ?? 'AVAILABLE';
  if (verdict === 'BLOCKED' && problems.length === 0) {
    problems.push('WhatsApp reports that this number cannot send messages: check WhatsApp Manager.');
  }
  if (verdict === 'LIMITED') {
    warnings.push('WhatsApp reports that this number can send only with limits: see the problems listed.');
  }
  const quality = QUALITY_WARNING[info.qualityRating];
  if (quality) warnings.push(quality);
  if (info.status && !['CONNECTED', 'PENDING'].includes(info.status)) {
    warnings.push(`The number's status is ${info.status}: check it in WhatsApp Manager → Phone numbers.`);
  }
  return { canSend: verdict !== 'BLOCKED', problems, warnings };
}
