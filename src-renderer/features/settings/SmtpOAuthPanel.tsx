import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AppErrorShape, OAuthStatus } from '../../../src-main/contract';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { type SecretEdit, SecretField } from './SecretField';

interface Props {
  provider: 'google' | 'microsoft';
  clientId: string;
  tenant: string;
  onClientId: (v: string) => void;
  onTenant: (v: string) => void;
  clientSecret: SecretEdit;
  onClientSecret: (e: SecretEdit) => void;
  errors: Record<string, string>;
  /** Saves pending edits first (the sign-in reads the client ID from Settings); false when saving failed. */
  persist: () => Promise<boolean>;
}

/**
 * Modern sign-in (OAuth 2.0): the organisation's app registration, and "Sign in with …", which opens
 * the provider's page in the system browser (Electron) or a new tab (browser mode) and waits for it.
 */
export function SmtpOAuthPanel(p: Props) {
  const [status, setStatus] = useState<OAuthStatus | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const name = p.provider === 'google' ? 'Google' : 'Microsoft';

  useEffect(() => {
    let live = true;
    void api.invoke('email:oauthStatus', {}).then((r) => live && r.ok && setStatus(r.value));
    return () => {
      live = false;
    };
  }, [p.provider]);

  async function signIn() {
    setBusy(true);
    setFailure(null);
    if (!(await p.persist())) return setBusy(false);
    const started = await api.invoke('email:oauthStart', {});
    if (!started.ok) {
      setFailure(started.error);
      return setBusy(false);
    }
    if (!started.value.openedInBrowser) window.open(started.value.url, '_blank', 'noopener');
    setStatus((s) => (s ? { ...s, pending: true } : s));
    const done = await api.invoke('email:oauthWait', {});
    if (done.ok) setStatus(done.value);
    else setFailure(done.error);
    setBusy(false);
  }

  async function run(channel: 'email:oauthCancel' | 'email:oauthSignOut') {
    const r = await api.invoke(channel, {});
    if (r.ok) setStatus(r.value);
  }

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Herald signs in with your organisation&apos;s own app registration. docs/email-oauth.md explains how
          to create it in {p.provider === 'google' ? 'Google Cloud' : 'Microsoft Entra ID'}.
        </Text>
        <TextInput
          label="Client ID"
          placeholder={
            p.provider === 'google'
              ? '1234-abc.apps.googleusercontent.com'
              : '00000000-0000-0000-0000-000000000000'
          }
          value={p.clientId}
          onChange={(e) => p.onClientId(e.currentTarget.value)}
          error={p.errors.oauthClientId}
          data-testid="smtp-oauth-client-id"
        />
        {p.provider === 'microsoft' ? (
          <TextInput
            label="Tenant"
            description="Directory (tenant) ID or domain. Leave empty for any work account (or Outlook.com)."
            placeholder="contoso.onmicrosoft.com"
            value={p.tenant}
            onChange={(e) => p.onTenant(e.currentTarget.value)}
            error={p.errors.oauthTenant}
            data-testid="smtp-oauth-tenant"
          />
        ) : (
          <SecretField
            label="Client secret"
            hint='Google gives "Desktop app" clients a secret; it is kept in the keychain.'
            isSet={status?.clientSecretSet ?? false}
            edit={p.clientSecret}
            onChange={p.onClientSecret}
            error={p.errors.oauthClientSecret}
            testId="smtp-oauth-client-secret"
          />
        )}
        <Group justify="space-between" align="center">
          <Group gap="xs" data-testid="smtp-oauth-status">
            {status?.signedIn ? (
              <>
                <Badge color="teal">Signed in</Badge>
                <Text size="sm">{status.account ?? ''}</Text>
              </>
            ) : (
              <Badge color="gray">{status?.pending ? 'Waiting for the browser…' : 'Not signed in'}</Badge>
            )}
          </Group>
          <Group gap="xs">
            {status?.pending && (
              <Button variant="subtle" color="gray" onClick={() => void run('email:oauthCancel')}>
                Cancel
              </Button>
            )}
            {status?.signedIn && (
              <Button
                variant="default"
                onClick={() => void run('email:oauthSignOut')}
                data-testid="smtp-oauth-sign-out"
              >
                Sign out
              </Button>
            )}
            <Button onClick={() => void signIn()} loading={busy} data-testid="smtp-oauth-sign-in">
              {status?.signedIn ? 'Sign in again' : `Sign in with ${name}`}
            </Button>
          </Group>
        </Group>
        {(failure || status?.lastError) && (
          <Alert color="red" p="sm" title="Sign-in failed">
            {failure ? describeError(failure) : status?.lastError}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
