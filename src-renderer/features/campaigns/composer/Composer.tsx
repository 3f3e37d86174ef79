import { Button, Group, Kbd, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect } from 'react';
import { IconChevronLeft, IconChevronRight } from '../../../components/icons';
import { BackToCampaigns } from '../BackToCampaigns';
import { api } from '../../../lib/api';
import { useContacts } from '../../contacts/store';
import { useLint } from './review/lintStore';
import { ReviewStep } from './review/ReviewStep';
import { AudienceStep } from './steps/AudienceStep';
import { ChannelsStep } from './steps/ChannelsStep';
import { ContentStep } from './steps/ContentStep';
import { SendStep } from './steps/SendStep';
import { STEP_COUNT, useComposer } from './store';

const STEPS = [
  { label: 'Audience', description: 'Who gets it', render: () => <AudienceStep /> },
  { label: 'Channels', description: 'Email, WhatsApp or both', render: () => <ChannelsStep /> },
  { label: 'Content', description: 'The messages', render: () => <ContentStep /> },
  { label: 'Review', description: 'Every recipient checked', render: () => <ReviewStep /> },
  { label: 'Send', description: 'Now or later', render: () => <SendStep /> },
];

/**
 * The campaign composer as five steps: Audience, Channels, Content, Review, Send. Alt+← / Alt+→ move
 * between steps outside text fields (there they move by word on macOS); any step can be opened directly.
 */
export function Composer() {
  const step = useComposer((s) => s.step);
  const setStep = useComposer((s) => s.setStep);
  const name = useComposer((s) => s.name);
  const nameError = useComposer((s) => s.errors.name);
  const update = useComposer((s) => s.update);
  const loadFacts = useComposer((s) => s.loadFacts);
  const loadImports = useContacts((s) => s.loadImports);
  const onLintProgress = useLint((s) => s.onProgress);

  useEffect(() => {
    void loadFacts();
    void loadImports();
  }, [loadFacts, loadImports]);
  useEffect(() => api.on('review:lintProgress', onLintProgress), [onLintProgress]);
  // Not while a dialog is open: changing step would unmount it with the user's unsaved input.
  const move = (by: number) => () => {
    if (!document.querySelector('[role="dialog"]')) setStep(useComposer.getState().step + by);
  };
  useHotkeys([
    ['alt+ArrowRight', move(1)],
    ['alt+ArrowLeft', move(-1)],
  ]);

  return (
    <Stack gap="lg" maw={1200} mx="auto" data-testid="composer">
      <Group gap="sm" align="flex-start" justify="space-between">
        <Group gap="sm" align="flex-start">
          <BackToCampaigns />
          <div>
            <Title order={2}>New campaign</Title>
            <Text c="dimmed" size="xs">
              <Kbd>Alt</Kbd> + <Kbd>←</Kbd> / <Kbd>→</Kbd> moves between steps (outside text fields)
            </Text>
          </div>
        </Group>
        <TextInput
          label="Campaign name"
          placeholder="Spring newsletter"
          description="Only you see this name."
          value={name}
          onChange={(e) => update({ name: e.currentTarget.value })}
          error={nameError}
          withAsterisk
          w={320}
          data-testid="campaign-name"
        />
      </Group>
      <Stepper
        active={step}
        onStepClick={setStep}
        allowNextStepsSelect
        size="sm"
        data-testid="composer-steps"
      >
        {STEPS.map((s, i) => (
          <Stepper.Step
            key={s.label}
            label={s.label}
            description={s.description}
            data-testid={`step-tab-${i}`}
          >
            {s.render()}
          </Stepper.Step>
        ))}
      </Stepper>
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconChevronLeft size={16} />}
          disabled={step === 0}
          onClick={() => setStep(step - 1)}
          data-testid="step-back"
        >
          Back
        </Button>
        {step < STEP_COUNT - 1 && (
          <Button
            rightSection={<IconChevronRight size={16} />}
            onClick={() => setStep(step + 1)}
            data-testid="step-next"
          >
            Next: {STEPS[step + 1]?.label}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
