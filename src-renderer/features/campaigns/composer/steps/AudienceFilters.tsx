import { Card, NativeSelect, SimpleGrid, TagsInput, Title } from '@mantine/core';
import type { Audience } from '../../../../../src-main/contract';
import { useComposer } from '../store';

const CONSENT = [
  { value: '', label: 'Any' },
  { value: 'granted', label: 'Granted' },
  { value: 'denied', label: 'Denied' },
  { value: 'unknown', label: 'Not recorded' },
];
const PRESENCE = [
  { value: '', label: 'Any' },
  { value: 'yes', label: 'Has one' },
  { value: 'no', label: 'Has none' },
];

type Consent = Audience['emailConsent'];

const toConsent = (v: string): Consent => (v === '' ? undefined : (v as NonNullable<Consent>));
const toPresence = (v: string): boolean | undefined => (v === '' ? undefined : v === 'yes');
const fromPresence = (b: boolean | undefined) => (b === undefined ? '' : b ? 'yes' : 'no');

/** Consent per channel, address presence and language (any of) filters of the audience. */
export function AudienceFilters() {
  const audience = useComposer((s) => s.audience);
  const setAudience = useComposer((s) => s.setAudience);
  return (
    <Card>
      <Title order={4} mb="md">
        Filters
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label="Email consent"
          data={CONSENT}
          value={audience.emailConsent ?? ''}
          onChange={(e) => setAudience({ emailConsent: toConsent(e.currentTarget.value) })}
          data-testid="filter-email-consent"
        />
        <NativeSelect
          label="WhatsApp consent"
          data={CONSENT}
          value={audience.whatsappConsent ?? ''}
          onChange={(e) => setAudience({ whatsappConsent: toConsent(e.currentTarget.value) })}
          data-testid="filter-whatsapp-consent"
        />
        <TagsInput
          label="Language (any of)"
          description="Language codes such as en or de; en also matches en-GB."
          placeholder="Any language"
          value={audience.languages}
          onChange={(v) => setAudience({ languages: v })}
          clearable
          data-testid="filter-languages"
        />
        <NativeSelect
          label="Email address"
          data={PRESENCE}
          value={fromPresence(audience.hasEmail)}
          onChange={(e) => setAudience({ hasEmail: toPresence(e.currentTarget.value) })}
          data-testid="filter-has-email"
        />
        <NativeSelect
          label="WhatsApp number"
          description="A mobile number (fixed lines rarely have WhatsApp)."
          data={PRESENCE}
          value={fromPresence(audience.hasWhatsApp)}
          onChange={(e) => setAudience({ hasWhatsApp: toPresence(e.currentTarget.value) })}
          data-testid="filter-has-whatsapp"
        />
      </SimpleGrid>
    </Card>
  );
}
