import { describe, expect, it } from 'vitest';
import { assessAccount, parseHealthStatus } from '../../src-main/channels/whatsapp/health';
import type { PhoneNumberInfo } from '../../src-main/channels/whatsapp/types';
import { whatsappCredentialProblem } from '../../src-main/contract';
import { accountInfo } from '../../src-main/settings/whatsapp';

const BLOCKED = {
  can_send_message: 'BLOCKED',
  entities: [
    { entity_type: 'PHONE_NUMBER', id: '106540352242922', can_send_message: 'AVAILABLE' },
    {
      entity_type: 'WABA',
      id: 102290129340398,
      can_send_message: 'BLOCKED',
      errors: [
        {
          error_code: 141010,
          error_description: 'The Business has not passed business verification',
          possible_solution:
            'Visit business settings and start or resolve the business verification request.',
        },
      ],
    },
  ],
};

function info(patch: Partial<PhoneNumberInfo> = {}): PhoneNumberInfo {
  return {
    id: '1',
    verifiedName: 'Lucky Shrub',
    displayPhoneNumber: '15550783881',
    qualityRating: 'GREEN',
    messagingLimit: 'TIER_250',
    throughputLevel: 'STANDARD',
    healthStatus: { canSendMessage: 'AVAILABLE', entities: [] },
    status: 'CONNECTED',
    codeVerificationStatus: 'VERIFIED',
    nameStatus: 'APPROVED',
    ...patch,
  };
}

describe('health_status', () => {
  it('reads the documented shape, ids as strings and missing errors as none', () => {
    const h = parseHealthStatus(BLOCKED);
    expect(h?.canSendMessage).toBe('BLOCKED');
    expect(h?.entities.map((e) => [e.entityType, e.id, e.errors.length])).toEqual([
      ['PHONE_NUMBER', '106540352242922', 0],
      ['WABA', '102290129340398', 1],
    ]);
    expect(parseHealthStatus(undefined)).toBeNull();
    expect(parseHealthStatus({ entities: [] })).toBeNull();
  });

  it('blocks a campaign when health is BLOCKED, naming Meta’s error and solution', () => {
    const a = assessAccount(info({ healthStatus: parseHealthStatus(BLOCKED) }));
    expect(a.canSend).toBe(false);
    expect(a.problems[0]).toMatch(
      /WABA \(error 141010\): The Business has not passed .* Fix: Visit business settings/,
    );
  });

  it('warns on LIMITED health, on quality other than GREEN and on a number not CONNECTED', () => {
    const a = assessAccount(
      info({
        qualityRating: 'YELLOW',
        status: 'FLAGGED',
        healthStatus: { canSendMessage: 'LIMITED', entities: [] },
      }),
    );
    expect(a.canSend).toBe(true);
    expect(a.warnings.join('\n')).toMatch(/limits/);
    expect(a.warnings.join('\n')).toMatch(/Quality rating is YELLOW/);
    expect(a.warnings.join('\n')).toMatch(/FLAGGED/);
    expect(assessAccount(info())).toEqual({ canSend: true, problems: [], warnings: [] });
  });

  it('gives Test connection every fact plus the verdict', () => {
    expect(accountInfo(info({ qualityRating: 'RED' }))).toMatchObject({
      verifiedName: 'Lucky Shrub',
      health: 'AVAILABLE',
      status: 'CONNECTED',
      warnings: [expect.stringMatching(/RED/)],
    });
  });

  it('tells the settings banner which credential problem an error is', () => {
    expect(whatsappCredentialProblem(190, 463)).toBe('token_expired');
    expect(whatsappCredentialProblem(190)).toBe('token_invalid');
    expect(whatsappCredentialProblem(10)).toBe('permission');
    expect(whatsappCredentialProblem(200)).toBe('permission');
    expect(whatsappCredentialProblem(100, 33)).toBe('wrong_id');
    expect(whatsappCredentialProblem(131026)).toBeNull();
  });
});
