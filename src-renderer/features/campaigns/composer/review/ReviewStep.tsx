import { Alert, Button, Grid, List, Stack } from '@mantine/core';
import { useComposer } from '../store';
import { LintPanel } from './LintPanel';
import { PlanPanel } from './PlanPanel';
import { RecipientBrowser } from './RecipientBrowser';
import { TestSendPanel } from './TestSendPanel';
import { useAutoLint, useCurrentDraft } from './useDraft';
import { usePreview } from './usePreview';

/**
 * Step 4, Review: every recipient's rendering (lazily, one at a time), the lint of all of them, a test
 * send of the shown recipient, and the pre-send plan. Everything shown is computed by the main process.
 */
export function ReviewStep() {
  const current = useCurrentDraft();
  useAutoLint(current);
  const preview = usePreview(current.key);
  const setStep = useComposer((s) => s.setStep);

  if (!current.draft) {
    return (
      <Alert color="yellow" title="Finish the content first" data-testid="review-incomplete">
        <List size="sm" mb="sm">
          {current.missing.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
        <Button size="xs" variant="light" onClick={() => setStep(2)}>
          Back to Content
        </Button>
      </Alert>
    );
  }
  return (
    <Grid gap="md" data-testid="step-review">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="md">
          <RecipientBrowser preview={preview} />
          <TestSendPanel draft={current.draft} recipient={preview.recipient} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="md">
          <LintPanel draftKey={current.key} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={12}>
        <PlanPanel draftKey={current.key} />
      </Grid.Col>
    </Grid>
  );
}
