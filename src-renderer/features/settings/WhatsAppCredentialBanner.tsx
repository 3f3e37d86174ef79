import { Alert } from '@mantine/core';
import { type AppErrorShape, whatsappCredentialProblem } from '../../../src-main/contract';
import { IconAlert } from '../../components/icons';

const TEXT = {
  token_expired: {
    title: 'The access token expired',
    body: 'Create a new System User token in Meta Business Settings (permanent tokens do not expire) and paste it above.',
  },
  token_invalid: {
    title: 'The access token is not valid',
    body: 'Paste the whole token of a System User with the whatsapp_business_messaging permission.',
  },
  permission: {
    title: 'A permission is missing',
    body: 'Give the System User whatsapp_business_messaging and whatsapp_business_management for this WhatsApp Business Account, then paste the new token.',
  },
  wrong_id: {
    title: 'The phone number ID or WABA ID is wrong',
    body: 'Copy both IDs from WhatsApp Manager → Phone numbers, or check that the token can reach them.',
  },
} as const;

/** A banner when a WhatsApp call failed because of the token, its permissions or the IDs. */
export function WhatsAppCredentialBanner({ error }: { error: AppErrorShape }) {
  const details = (error.details ?? {}) as { code?: unknown; subcode?: unknown };
  const code = typeof details.code === 'number' ? details.code : undefined;
  const subcode = typeof details.subcode === 'number' ? details.subcode : undefined;
  const problem = error.code === 'remote_error' ? whatsappCredentialProblem(code, subcode) : null;
  if (!problem) return null;
  return (
    <Alert
      color="red"
      variant="filled"
      icon={<IconAlert />}
      title={TEXT[problem].title}
      data-testid="wa-credential-banner"
    >
      {TEXT[problem].body}
    </Alert>
  );
}
