import '@mantine/charts/styles.css';
import { AreaChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useMemo } from 'react';
import type { ThroughputPoint } from '../../../../src-main/contract';
import { CHANNEL_COLOR, CHANNEL_LABEL } from '../labels';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** Accepted messages per second over the last minutes, stacked per channel (from the engine's counts). */
export function ThroughputChart({ points }: { points: ThroughputPoint[] }) {
  const data = useMemo(() => points.map((p) => ({ ...p, time: timeFormat.format(p.t) })), [points]);
  const channels = (['email', 'whatsapp'] as const).filter((c) => points.some((p) => p[c] > 0));
  if (points.length < 2 || channels.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="throughput-empty">
        The throughput chart appears once messages go out.
      </Text>
    );
  return (
    <AreaChart
      h={160}
      data={data}
      dataKey="time"
      type="stacked"
      withDots={false}
      curveType="linear"
      tickLine="x"
      gridAxis="y"
      unit=" msg/s"
      series={channels.map((c) => ({ name: c, label: CHANNEL_LABEL[c], color: CHANNEL_COLOR[c] }))}
      areaChartProps={{ syncId: 'throughput' }}
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 30 }}
      data-testid="throughput-chart"
    />
  );
}
