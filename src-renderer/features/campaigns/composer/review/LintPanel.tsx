import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { type LintProblem, MAX_EXCLUDED_CONTACTS } from '../../../../../src-main/contract';
import { describeError } from '../../../../lib/errors';
import { formatCount, percent } from '../../../../lib/format';
import type { DraftInput } from '../draft';
import { useComposer } from '../store';
import { useCursor } from './cursorStore';
import { isCurrent, useLint } from './lintStore';

const GROUPS: { severity: LintProblem['severity']; title: string; color: string; help: string }[] = [
  {
    severity: 'blocking',
    title: 'Blocking',
    color: 'red',
    help: 'Send stays off until these are fixed or the recipients left out.',
  },
  {
    severity: 'skip',
    title: 'Skipped',
    color: 'orange',
    help: 'These recipients are skipped on that channel; the report says why.',
  },
  {
    severity: 'warning',
    title: 'Warnings',
    color: 'yellow',
    help: 'Worth a look; they do not stop sending.',
  },
];

function ProblemRow({
  problem,
  color,
  current,
}: {
  problem: LintProblem;
  color: string;
  /** The report is for the draft as it is now (a stale one must not exclude anybody). */
  current: boolean;
}) {
  const showProblem = useCursor((s) => s.showProblem);
  const setAudience = useComposer((s) => s.setAudience);
  const excluded = useComposer((s) => s.audience.excludeContactIds);
  const n = formatCount(problem.count);
  const after = new Set([...excluded, ...problem.contactIds]);
  const tooMany = after.size > MAX_EXCLUDED_CONTACTS;
  const exclude = () => {
    showProblem(null);
    setAudience({ excludeContactIds: [...after].sort((a, b) => a - b) });
  };
  return (
    <Paper withBorder p="xs" data-testid={`lint-${problem.code}`} data-severity={problem.severity}>
      <UnstyledButton
        onClick={() => showProblem({ label: problem.label, contactIds: problem.contactIds })}
        aria-label={`Show the ${n} recipients with: ${problem.label}`}
        data-testid="lint-show"
        w="100%"
      >
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge color={color} variant="filled" style={{ flexShrink: 0 }} data-testid="lint-count">
            {n}
          </Badge>
          <Text size="sm" fw={500} td="underline" style={{ textDecorationStyle: 'dotted' }}>
            {problem.label}
          </Text>
        </Group>
      </UnstyledButton>
      <Text size="xs" c="dimmed" mt={4}>
        {problem.fix}
        {problem.example ? ` Example: “${problem.example}”.` : ''}
      </Text>
      <Button
        size="compact-xs"
        variant="default"
        mt={6}
        onClick={exclude}
        disabled={!current || tooMany}
        data-testid="lint-exclude"
      >
        Exclude {problem.count === 1 ? 'this recipient' : `these ${n} recipients`}
      </Button>
      {tooMany && (
        <Text size="xs" c="dimmed" mt={4} data-testid="lint-exclude-too-many">
          More than {formatCount(MAX_EXCLUDED_CONTACTS)} recipients cannot be left out one by one: narrow the
          audience with a filter in the Audience step instead.
        </Text>
      )}
    </Paper>
  );
}

/**
 * The lint of every recipient (review:lint in the main process): progress while it runs, then the
 * problems by severity, each count showing exactly its recipients, each with its fix and an exclusion.
 */
export function LintPanel({ draftKey }: { draftKey: string | null }) {
  const lint = useLint();
  const current = isCurrent(lint, draftKey);
  const { report, progress, running, error } = lint;
  return (
    <Card data-testid="lint-panel">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Checks</Title>
        {running && (
          <Button size="compact-xs" variant="default" onClick={lint.cancel} data-testid="lint-cancel">
            Stop checking
          </Button>
        )}
        {!running && draftKey !== null && !current && (
          <Button
            size="compact-xs"
            variant="default"
            onClick={() => lint.run(JSON.parse(draftKey) as DraftInput)}
            data-testid="lint-rerun"
          >
            Check every recipient
          </Button>
        )}
      </Group>
      {running && (
        <Stack gap={4} mb="sm" data-testid="lint-running">
          <Progress
            value={progress ? percent(progress.checked, progress.total) : 0}
            animated
            aria-label="Checking recipients"
          />
          <Text size="xs" c="dimmed">
            Checking every recipient…{' '}
            {progress ? `${formatCount(progress.checked)} of ${formatCount(progress.total)}` : ''}
          </Text>
        </Stack>
      )}
      {error && (
        <Alert color="red" title="The check did not finish">
          {describeError(error)}
        </Alert>
      )}
      {!running && !report && !error && (
        <Text size="sm" c="dimmed">
          The check starts when the draft is complete.
        </Text>
      )}
      {report && (
        <Stack gap="md" style={{ opacity: current ? 1 : 0.6 }}>
          <Text size="sm" data-testid="lint-summary">
            {report.cancelled
              ? `Stopped after ${formatCount(report.checked)} of ${formatCount(report.total)} recipients.`
              : report.problems.length === 0
                ? `All ${formatCount(report.checked)} recipients checked: no problems.`
                : `${formatCount(report.checked)} recipients checked.`}
          </Text>
          {GROUPS.map((g) => {
            const problems = report.problems.filter((p) => p.severity === g.severity);
            if (problems.length === 0) return null;
            return (
              <Stack key={g.severity} gap="xs" data-testid={`lint-group-${g.severity}`}>
                <div>
                  <Text fw={600} c={g.color}>
                    {g.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {g.help}
                  </Text>
                </div>
                {problems.map((p) => (
                  <ProblemRow
                    key={`${p.code}-${p.channel ?? ''}-${p.subject}`}
                    problem={p}
                    color={g.color}
                    current={current}
                  />
                ))}
              </Stack>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
