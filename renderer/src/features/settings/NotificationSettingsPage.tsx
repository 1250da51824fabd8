import { Alert, Anchor, Badge, Card, Divider, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle, IconMail, IconMessage } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { NotifySettingsInput } from '../../../../shared/schemas/notify-settings';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { PageError, PageLoader } from '../../components/PageStates';
import { formErrorOf } from '../../lib/api-error';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { EnvLabel } from './EnvLabel';
import { NetworkSettingsCard } from './NetworkSettingsCard';
import { RegistrationSettingsCard } from './RegistrationSettingsCard';
import { SettingsHeading } from './SettingsCard';
import { SettingsFormFooter } from './SettingsFormFooter';
import { TestMessageCard } from './TestMessageCard';
import { displayUrl, ENV_NAMES, type NotifySettingsView, REDACTED, type SettingsField, settingsRules } from './settings-text';

type Values = Record<SettingsField, string>;

function valuesOf(view: NotifySettingsView): Values {
  return { smtp_url: displayUrl(view.smtp_url), mail_from: view.mail_from, sms_webhook_url: view.sms_webhook_url ?? '' };
}

function ChannelStatus({ ready, testId }: { ready: boolean; testId: string }) {
  return ready ? (
    <Badge variant="dot" color="teal" radius="sm" tt="none" fw={500} data-testid={testId} data-ready="true">
      Set up
    </Badge>
  ) : (
    <Badge variant="dot" color="orange" radius="sm" tt="none" fw={500} data-testid={testId} data-ready="false">
      Not set up: PINs wait in the outbox
    </Badge>
  );
}

function Section({ icon, title, status, children }: { icon: ReactNode; title: string; status: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <SettingsHeading icon={icon} title={title} status={status} />
      {children}
    </Stack>
  );
}

function SettingsForm({ settings, onDirtyChange }: { settings: NotifySettingsView; onDirtyChange: (dirty: boolean) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const env = settings.from_environment;
  const initial = valuesOf(settings);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<Values>({ initialValues: initial, validate: settingsRules(initial) });

  // The label of a field set by the environment carries its variable; the field is read-only.
  const field = (name: SettingsField, label: string, extra: { description: string; placeholder: string; testId: string }) => (
    <TextInput
      label={<EnvLabel label={label} envName={env[name] ? ENV_NAMES[name] : null} testId={`env-${name}`} />}
      description={env[name] ? `Set in the server’s environment; change ${ENV_NAMES[name]} there and restart.` : extra.description}
      placeholder={env[name] ? undefined : extra.placeholder}
      readOnly={env[name]}
      variant={env[name] ? 'filled' : 'default'}
      spellCheck={false}
      autoComplete="off"
      {...form.getInputProps(name)}
      data-testid={extra.testId}
      data-from-env={env[name]}
    />
  );

  const save = useMutation(
    trpc.notifications.updateSettings.mutationOptions({
      onSuccess: (view) => {
        form.setInitialValues(valuesOf(view));
        form.setValues(valuesOf(view));
        form.resetDirty(valuesOf(view));
        notifySuccess('Mail and SMS settings are saved. Try them with a test message.', 'Settings saved');
        // The form starts again from what the server now says (the SMTP password redacted).
        queryClient.setQueryData(trpc.notifications.settings.queryKey(), view);
      },
      onError: (err) => {
        setFormError(formErrorOf(form, err));
        notifyFailure(err, 'Could not save the settings');
      },
    }),
  );

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const changes: NotifySettingsInput = {};
    for (const name of ['smtp_url', 'mail_from', 'sms_webhook_url'] as const) {
      if (!env[name] && form.isDirty(name)) changes[name] = values[name].trim();
    }
    save.mutate(changes);
  });

  const changed = form.isDirty();
  useEffect(() => onDirtyChange(changed), [changed, onDirtyChange]);

  return (
    <Card>
      <form onSubmit={submit} noValidate aria-label="Mail and SMS settings">
        <Stack gap="lg">
          <FormError message={formError} />
          <Section
            icon={<IconMail size={20} aria-hidden />}
            title="Email (SMTP)"
            status={<ChannelStatus ready={settings.smtp_url !== null} testId="smtp-status" />}
          >
            {field('smtp_url', 'SMTP server URL', {
              description: `smtp://user:password@host:port (upgraded with STARTTLS; add ?plaintext=1 only for a relay on this computer), or smtps:// for TLS from the start. The saved password shows as ${REDACTED} and is kept only while the server, port and user stay the same. Leave empty to keep emails in the outbox.`,
              placeholder: 'smtp://shop:password@mail.example.com:587',
              testId: 'smtp-url',
            })}
            {field('mail_from', 'Sender address', {
              description: 'The “From” address of every email ShopDesk sends.',
              placeholder: 'shopdesk@example.com',
              testId: 'mail-from',
            })}
          </Section>
          <Divider />
          <Section
            icon={<IconMessage size={20} aria-hidden />}
            title="SMS gateway"
            status={<ChannelStatus ready={settings.sms_webhook_url !== null} testId="sms-status" />}
          >
            {field('sms_webhook_url', 'Gateway URL', {
              description:
                'ShopDesk POSTs {"to": phone, "text": message} as JSON to this address. Leave empty to keep text messages in the outbox.',
              placeholder: 'https://sms.example.com/send',
              testId: 'sms-url',
            })}
          </Section>
          <SettingsFormFooter
            note={
              changed ? (
                <Text size="sm" c="orange.8" data-testid="settings-unsaved">
                  You have unsaved changes.
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  Messages that cannot be sent wait in the{' '}
                  <Anchor component={Link} to="/outbox" size="sm" fw={500}>
                    outbox
                  </Anchor>
                  .
                </Text>
              )
            }
            dirty={changed}
            saving={save.isPending}
            onUndo={() => form.reset()}
            saveTestId="settings-save"
            undoTestId="settings-reset"
            divided
          />
        </Stack>
      </form>
    </Card>
  );
}

/** Settings: how PINs reach people (SMTP mail, SMS gateway), with a test message. Super Admin only. */
export default function NotificationSettingsPage() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.notifications.settings.queryOptions());
  const [unsaved, setUnsaved] = useState(false);
  return (
    <div data-testid="settings-page">
      <PageHeader
        title="Settings"
        description="How ShopDesk sends password-reset PINs: by email through an SMTP server, or by text message through an SMS gateway. Without them, PINs wait in the outbox for you to pass on."
      />
      <Stack maw={820} gap="lg">
        {settings.isPending ? (
          <PageLoader label="Loading the settings…" />
        ) : settings.isError ? (
          <PageError error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <>
            {Object.values(settings.data.from_environment).some(Boolean) ? (
              <Alert variant="light" color="gray" icon={<IconInfoCircle />} data-testid="settings-env-note">
                Some values come from the server’s environment variables. They win over anything saved here, so those fields are read-only.
              </Alert>
            ) : null}
            {/* A save (or a change elsewhere) starts the form again from what the server says. */}
            <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} onDirtyChange={setUnsaved} />
            <TestMessageCard unsaved={unsaved} />
          </>
        )}
        <RegistrationSettingsCard />
        <NetworkSettingsCard />
      </Stack>
    </div>
  );
}
