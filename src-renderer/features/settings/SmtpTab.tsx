import {
  Alert,
  Group,
  Input,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { SettingsView, SmtpPreset, SmtpSecurity, SmtpSettingsInput } from '../../../src-main/contract';
import { IconCheck } from '../../components/icons';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { SecretField } from './SecretField';
import { SmtpDeliveryFields } from './SmtpDeliveryFields';
import { SmtpOAuthPanel } from './SmtpOAuthPanel';
import { SmtpProviderPicker } from './SmtpProviderPicker';
import { SettingsFormFooter, useSettingsForm } from './useSettingsForm';

type PlainFields = Omit<SmtpSettingsInput, 'password' | 'oauthClientSecret'>;

/** Which modern sign-in a provider offers (mirrors the presets; null = password only). */
const OAUTH_OF: Partial<Record<SmtpSettingsInput['provider'], 'google' | 'microsoft'>> = {
  gmail: 'google',
  google_workspace: 'google',
  microsoft365: 'microsoft',
  outlook: 'microsoft',
};

const SECURITY_OPTIONS: { value: SmtpSecurity; label: string }[] = [
  { value: 'tls', label: 'SSL/TLS' },
  { value: 'starttls', label: 'STARTTLS' },
  { value: 'none', label: 'None (this computer only)' },
];

/** Usual ports per security mode (RFC 8314: 465 implicit TLS; RFC 6409: 587 submission). */
const DEFAULT_PORT: Record<SmtpSecurity, number> = { tls: 465, starttls: 587, none: 25 };

function plainFrom(view: SettingsView): PlainFields {
  const { passwordSet: _passwordSet, oauthClientSecret: _secret, ...rest } = view.smtp;
  return { ...rest, port: rest.port || DEFAULT_PORT[rest.security] };
}

/** SMTP settings, saved with settings:saveSmtp and checked with settings:testSmtp. */
export function SmtpTab({ view }: { view: SettingsView }) {
  const form = useSettingsForm({
    view,
    plainFrom,
    secrets: ['password', 'oauthClientSecret'] as const,
    save: (fields, secrets) => api.invoke('settings:saveSmtp', { ...fields, ...secrets }),
    test: () => api.invoke('settings:testSmtp', {}),
    savedMessage: 'Email settings saved',
  });
  const { fields, setFields, secrets, setSecret, errors, test } = form;
  const oauthProvider = OAUTH_OF[fields.provider] ?? null;
  const useOAuth = oauthProvider !== null && fields.authMethod === 'oauth';

  const update = <K extends keyof PlainFields>(key: K, value: PlainFields[K]) =>
    setFields((f) => ({ ...f, [key]: value }));
  const text = (key: 'host' | 'user' | 'fromName' | 'fromAddress') => ({
    value: fields[key],
    onChange: (e: { currentTarget: { value: string } }) => update(key, e.currentTarget.value),
    error: errors[key],
  });

  function setSecurity(security: SmtpSecurity) {
    // Follow the mode's usual port unless the user typed a custom one.
    const usual = Object.values(DEFAULT_PORT).includes(fields.port);
    setFields((f) => ({ ...f, security, port: usual ? DEFAULT_PORT[security] : f.port }));
  }

  function pickPreset(p: SmtpPreset) {
    setFields((f) => ({
      ...f,
      provider: p.id,
      ...(p.id === 'custom'
        ? {}
        : {
            host: p.host,
            port: p.port,
            security: p.security,
            dailyCap: p.dailyCap,
            ratePerSec: p.ratePerSec,
            poolSize: p.poolSize,
          }),
      // Microsoft 365 and Outlook.com: modern sign-in is the way forward (or the only way).
      authMethod: p.oauth === 'microsoft' ? 'oauth' : p.oauth ? f.authMethod : 'password',
    }));
  }

  return (
    <form onSubmit={form.submit}>
      <Stack gap="md">
        <SmtpProviderPicker value={fields.provider} onPick={pickPreset} />
        <Group align="flex-start" wrap="nowrap">
          <TextInput
            label="SMTP server"
            placeholder="smtp.example.com"
            style={{ flex: 1 }}
            {...text('host')}
            data-testid="smtp-host"
          />
          <NumberInput
            label="Port"
            min={1}
            max={65535}
            allowDecimal={false}
            allowNegative={false}
            value={fields.port}
            onChange={(v) => update('port', typeof v === 'number' ? v : Number(v) || 0)}
            error={errors.port}
            w={130}
            data-testid="smtp-port"
          />
        </Group>
        <Input.Wrapper label="Security" labelElement="div" error={errors.security}>
          <SegmentedControl
            aria-label="Security"
            fullWidth
            mt={4}
            data={SECURITY_OPTIONS}
            value={fields.security}
            onChange={(v) => setSecurity(v as SmtpSecurity)}
            data-testid="smtp-security"
          />
        </Input.Wrapper>
        {oauthProvider && (
          <Input.Wrapper label="Sign-in" labelElement="div">
            <SegmentedControl
              aria-label="Sign-in"
              fullWidth
              mt={4}
              data={[
                {
                  value: 'oauth',
                  label: `Sign in with ${oauthProvider === 'google' ? 'Google' : 'Microsoft'}`,
                },
                { value: 'password', label: 'Password or app password' },
              ]}
              value={fields.authMethod}
              onChange={(v) => update('authMethod', v as PlainFields['authMethod'])}
              data-testid="smtp-auth-method"
            />
          </Input.Wrapper>
        )}
        <TextInput
          label={useOAuth ? 'Mailbox' : 'User name'}
          description={useOAuth ? 'Filled in after signing in.' : undefined}
          autoComplete="off"
          {...text('user')}
          data-testid="smtp-user"
        />
        {useOAuth && oauthProvider ? (
          <SmtpOAuthPanel
            provider={oauthProvider}
            clientId={fields.oauthClientId}
            tenant={fields.oauthTenant}
            onClientId={(v) => update('oauthClientId', v)}
            onTenant={(v) => update('oauthTenant', v)}
            clientSecret={secrets.oauthClientSecret}
            onClientSecret={(e) => setSecret('oauthClientSecret', e)}
            errors={errors}
            persist={form.persist}
          />
        ) : (
          <SecretField
            label="Password"
            hint="Many providers need an app password here."
            isSet={view.smtp.passwordSet}
            edit={secrets.password}
            onChange={(e) => setSecret('password', e)}
            error={errors.password}
            testId="smtp-password"
          />
        )}
        <SimpleGrid cols={2}>
          <TextInput
            label="From name"
            placeholder="Your organisation"
            {...text('fromName')}
            data-testid="smtp-from-name"
          />
          <TextInput
            label="From address"
            placeholder="news@example.com"
            {...text('fromAddress')}
            data-testid="smtp-from-address"
          />
        </SimpleGrid>
        <SmtpDeliveryFields
          fields={fields}
          fromAddress={fields.fromAddress}
          update={(key, value) => setFields((f) => ({ ...f, [key]: value }))}
          errors={errors}
        />
        {test && !test.ok && (
          <Alert color="red" title="Connection failed" data-testid="smtp-test-result">
            {describeError(test.error)}
          </Alert>
        )}
        {test?.ok && (
          <Paper withBorder p="md" data-testid="smtp-test-result">
            <Group gap="xs" c="teal">
              <IconCheck />
              <Text fw={600}>Connected to {test.value.host}</Text>
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              The server accepted the connection and the sign-in.
            </Text>
          </Paper>
        )}
        <SettingsFormFooter form={form} prefix="smtp" />
      </Stack>
    </form>
  );
}
