import { Text } from '@mantine/core';
import { formatCount } from '../../../lib/format';

/** A big number with its label; `warn` colours it when above zero. */
export function Stat({ n, label, warn }: { n: number; label: string; warn?: boolean }) {
  return (
    <div data-testid={`import-stat-${label.replace(/ /g, '-')}`}>
      <Text span display="block" fz={22} fw={700} c={warn && n > 0 ? 'orange.7' : undefined} lh={1.2}>
        {formatCount(n)}
      </Text>{' '}
      <Text span display="block" size="sm" c="dimmed">
        {label}
      </Text>
    </div>
  );
}
