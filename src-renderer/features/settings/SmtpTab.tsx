import {
  Alert,
  Button,
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
import { type FormEvent, useState } from 'react';
import type {
  AppErrorShape,
  Result,
  SettingsView,
  SmtpSecurity,
  SmtpSettingsInput,
} from '../../../src-main/contract';
import { IconCheck } from '../../components/icons';
import { api } from '../../lib/api';
import { type FieldErrors, describeError, fieldErrorsOf, notifySuccess } from '../../lib/errors';
import { KEEP_SECRET, type SecretEdit, SecretField, secretChanged, secretInput } from './SecretField';
import { useSettings } from './store';

type PlainFields = Omit<SmtpSettingsInput, 'password'>;

const SECURITY_OPTIONS: { value: SmtpSecurity; label: string }[] = [
  { value: 'tls', label: 'SSL/TLS' },
  { value: 'starttls', label: 'STARTTLS' },
  { value: 'none', label: 'None (this computer only)' },
];

/** Usual ports per security mode (RFC 8314: 465 implicit TLS; RFC 6409: 587 submission). */
const DEFAULT_PORT: Record<SmtpSecurity, number> = { tls: 465, starttls: 587, none: 25 };

function plainFrom(view: SettingsView): PlainFields {
  const { passwordSet: _passwordSet, ...rest } = view.smtp;
  return { ...rest, port: rest.port || DEFAULT_PORT[rest.security] };
}

/** SMTP settings, saved with settings:saveSmtp and checked with settings:testSmtp. */
export function SmtpTab({ view }: { view: SettingsView }) {
  const saved = useSettings((s) => s.saved);
  const [fields, setFields] = useState<PlainFields>(() => plainFrom(view));
  const [password, setPassword] = useState<SecretEdit>(KEEP_SECRET);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [test, setTest] = useState<Result<{ ok: true; host: string }> | null>(null);

  const initial = plainFrom(view);
  const dirty =
    (Object.keys(fields) as (keyof PlainFields)[]).some((k) => fields[k] !== initial[k]) ||
    secretChanged(password);

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

  async function persist(): Promise<boolean> {
    const r = await api.invoke('settings:saveSmtp', { ...fields, password: secretInput(password) });
    if (!r.ok) {
      setErrors(fieldErrorsOf(r.error));
      setFailure(r.error.code === 'invalid_input' ? null : r.error);
      return false;
    }
    setErrors({});
    setFailure(null);
    saved(r.value);
    setFields(plainFrom(r.value));
    setPassword(KEEP_SECRET);
    return true;
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy('save');
    if (await persist()) notifySuccess('Email settings saved');
    setBusy(null);
  }

  async function runTest() {
    setBusy('test');
    setTest(null);
    if (!dirty || (await persist())) setTest(await api.invoke('settings:testSmtp', {}));
    setBusy(null);
  }

  return (
    <form onSubmit={save}>
      <Stack gap="md">
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
        <TextInput label="User name" autoComplete="off" {...text('user')} data-testid="smtp-user" />
        <SecretField
          label="Password"
          hint="Many providers need an app password here."
          isSet={view.smtp.passwordSet}
          edit={password}
          onChange={setPassword}
          error={errors.password}
          testId="smtp-password"
        />
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
        {failure && (
          <Alert color="red" title="Could not save">
            {describeError(failure)}
          </Alert>
        )}
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
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={runTest}
            loading={busy === 'test'}
            disabled={busy === 'save'}
            data-testid="smtp-test"
          >
            {dirty ? 'Save and test connection' : 'Test connection'}
          </Button>
          <Button type="submit" loading={busy === 'save'} disabled={busy === 'test'} data-testid="smtp-save">
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
