import { Alert, Button, Group } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { AppErrorShape, Result, SettingsView } from '../../../src-main/contract';
import { type FieldErrors, describeError, fieldErrorsOf, notifySuccess } from '../../lib/errors';
import { KEEP_SECRET, type SecretEdit, secretChanged, secretInput } from './SecretField';
import { useSettings } from './store';

/** What a settings tab plugs into {@link useSettingsForm}. */
export interface SettingsFormSpec<F extends object, S extends string, T> {
  view: SettingsView;
  /** The tab's non-secret fields as the stored settings give them. */
  plainFrom: (view: SettingsView) => F;
  /** Names of the tab's secrets (keychain values: the form only replaces or removes them). */
  secrets: readonly S[];
  /** Saves fields and secrets (undefined keeps a secret, '' removes it). */
  save: (fields: F, secrets: Record<S, string | undefined>) => Promise<Result<SettingsView>>;
  /** Tests the stored settings. */
  test: () => Promise<Result<T>>;
  savedMessage: string;
}

/**
 * The save / "save and test" cycle both settings tabs share: field state, secret edits, field errors
 * from the contract's `invalid_input`, other failures, and the last test result. A test reads the
 * stored settings, so unsaved edits are saved first.
 */
export function useSettingsForm<F extends object, S extends string, T>(spec: SettingsFormSpec<F, S, T>) {
  const saved = useSettings((s) => s.saved);
  const noEdits = () =>
    Object.fromEntries(spec.secrets.map((k) => [k, KEEP_SECRET])) as Record<S, SecretEdit>;
  const [fields, setFields] = useState<F>(() => spec.plainFrom(spec.view));
  const [secrets, setSecrets] = useState<Record<S, SecretEdit>>(noEdits);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [test, setTest] = useState<Result<T> | null>(null);

  const initial = spec.plainFrom(spec.view);
  const dirty =
    (Object.keys(fields) as (keyof F)[]).some((k) => fields[k] !== initial[k]) ||
    spec.secrets.some((k) => secretChanged(secrets[k]));

  /** Saves when there is something to save; returns whether the stored settings now match the form. */
  async function persist(): Promise<boolean> {
    if (!dirty) return true;
    const wire = Object.fromEntries(spec.secrets.map((k) => [k, secretInput(secrets[k])]));
    const r = await spec.save(fields, wire as Record<S, string | undefined>);
    if (!r.ok) {
      setErrors(fieldErrorsOf(r.error));
      setFailure(r.error.code === 'invalid_input' ? null : r.error);
      return false;
    }
    setErrors({});
    setFailure(null);
    saved(r.value);
    setFields(spec.plainFrom(r.value));
    setSecrets(noEdits());
    return true;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy('save');
    if (await persist()) notifySuccess(spec.savedMessage);
    setBusy(null);
  }

  async function runTest() {
    setBusy('test');
    setTest(null);
    if (await persist()) setTest(await spec.test());
    setBusy(null);
  }

  const setSecret = (key: S, edit: SecretEdit) => setSecrets((s) => ({ ...s, [key]: edit }));
  return {
    fields,
    setFields,
    secrets,
    setSecret,
    errors,
    failure,
    busy,
    test,
    dirty,
    persist,
    submit,
    runTest,
  };
}

/** The failure alert and the Test / Save buttons under a settings form. `prefix` names the test ids. */
export function SettingsFormFooter(props: {
  form: Pick<ReturnType<typeof useSettingsForm>, 'failure' | 'busy' | 'dirty' | 'runTest'>;
  prefix: string;
}) {
  const { failure, busy, dirty, runTest } = props.form;
  return (
    <>
      {failure && (
        <Alert color="red" title="Could not save">
          {describeError(failure)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          variant="default"
          onClick={runTest}
          loading={busy === 'test'}
          disabled={busy === 'save'}
          data-testid={`${props.prefix}-test`}
        >
          {dirty ? 'Save and test connection' : 'Test connection'}
        </Button>
        <Button
          type="submit"
          loading={busy === 'save'}
          disabled={busy === 'test'}
          data-testid={`${props.prefix}-save`}
        >
          Save
        </Button>
      </Group>
    </>
  );
}
