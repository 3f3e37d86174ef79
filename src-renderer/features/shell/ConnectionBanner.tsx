import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { IconPlugOff } from '../../components/icons';
import { useConnection } from '../../lib/connection';

/** Shown while the browser-mode WebSocket is down: what happened and when the next attempt runs. */
export function ConnectionBanner() {
  const { status, retryAt, retryDelayMs, problem, generation, retryNow } = useConnection();
  const [now, setNow] = useState(() => Date.now());
  const visible = status === 'closed' || (status === 'connecting' && generation > 0);

  useEffect(() => {
    if (!visible) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const every = setInterval(tick, 500);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, [visible, retryAt]);

  if (!visible) return null;
  const left = retryAt ? Math.min(retryDelayMs ?? Infinity, retryAt - now) : 0;
  const seconds = Math.max(0, Math.ceil(left / 1000));
  const when = status === 'connecting' ? 'Reconnecting now…' : `Trying again in ${seconds} s.`;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconPlugOff />}
      title={generation > 0 ? 'Lost the connection to Herald' : 'Cannot reach Herald'}
      mb="lg"
      role="status"
      data-testid="connection-banner"
    >
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text size="sm">{problem ?? `Actions will fail until it is back. ${when}`}</Text>
        <Button
          size="xs"
          variant="light"
          color="orange"
          onClick={retryNow}
          disabled={status === 'connecting'}
        >
          Retry now
        </Button>
      </Group>
    </Alert>
  );
}
