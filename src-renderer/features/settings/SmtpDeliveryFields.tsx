import { NumberInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import type { SmtpSettingsInput } from '../../../src-main/contract';

type Fields = Pick<
  SmtpSettingsInput,
  'replyTo' | 'unsubscribeMailto' | 'unsubscribeUrl' | 'poolSize' | 'ratePerSec' | 'dailyCap'
>;

interface Props {
  fields: Fields;
  fromAddress: string;
  update: <K extends keyof Fields>(key: K, value: Fields[K]) => void;
  errors: Record<string, string>;
}

const num = (v: string | number, fallback: number) => (typeof v === 'number' ? v : Number(v) || fallback);

/** Reply-To, the unsubscribe addresses (RFC 2369 / RFC 8058), and the pool, pace and daily cap. */
export function SmtpDeliveryFields({ fields, fromAddress, update, errors }: Props) {
  return (
    <Stack gap="sm">
      <Title order={6} mt="xs">
        Replies and unsubscribe
      </Title>
      <SimpleGrid cols={2}>
        <TextInput
          label="Reply-To"
          placeholder={fromAddress || 'office@example.com'}
          description="Leave empty for replies to go to the From address."
          value={fields.replyTo}
          onChange={(e) => update('replyTo', e.currentTarget.value)}
          error={errors.replyTo}
          data-testid="smtp-reply-to"
        />
        <TextInput
          label="Unsubscribe requests to"
          placeholder={fromAddress || 'unsubscribe@example.com'}
          description="Mail clients send unsubscribe requests here."
          value={fields.unsubscribeMailto}
          onChange={(e) => update('unsubscribeMailto', e.currentTarget.value)}
          error={errors.unsubscribeMailto}
          data-testid="smtp-unsubscribe-mailto"
        />
      </SimpleGrid>
      <TextInput
        label="Unsubscribe page (optional)"
        placeholder="https://example.org/unsubscribe?email={{ email }}"
        description="An https page of your website that unsubscribes the recipient; enables one-click unsubscribe in Gmail and others."
        value={fields.unsubscribeUrl}
        onChange={(e) => update('unsubscribeUrl', e.currentTarget.value)}
        error={errors.unsubscribeUrl}
        data-testid="smtp-unsubscribe-url"
      />
      <Title order={6} mt="xs">
        Sending limits
      </Title>
      <SimpleGrid cols={3}>
        <NumberInput
          label="Connections"
          min={1}
          max={20}
          allowDecimal={false}
          value={fields.poolSize}
          onChange={(v) => update('poolSize', num(v, 1))}
          error={errors.poolSize}
          data-testid="smtp-pool-size"
        />
        <NumberInput
          label="Messages per second"
          min={0.01}
          max={1000}
          decimalScale={2}
          value={fields.ratePerSec}
          onChange={(v) => update('ratePerSec', num(v, 1))}
          error={errors.ratePerSec}
          data-testid="smtp-rate"
        />
        <NumberInput
          label="Daily cap (recipients)"
          placeholder="No cap"
          min={1}
          allowDecimal={false}
          value={fields.dailyCap ?? ''}
          onChange={(v) => update('dailyCap', v === '' ? null : num(v, 1))}
          error={errors.dailyCap}
          data-testid="smtp-daily-cap"
        />
      </SimpleGrid>
    </Stack>
  );
}
