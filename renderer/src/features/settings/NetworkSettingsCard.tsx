import { Alert, Badge, Code, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { NetworkSettingsView } from '../../../../shared/schemas/network-settings';
import { FormError } from '../../components/FormError';
import { apiErrorOf, formErrorOf } from '../../lib/api-error';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPC } from '../../trpc/client';
import { SettingsCard } from './SettingsCard';
import { SettingsFormFooter } from './SettingsFormFooter';

interface Values {
  tls_cert_path: string;
  tls_key_path: string;
}

const valuesOf = (view: NetworkSettingsView): Values => ({
  tls_cert_path: view.tls_cert_path ?? '',
  tls_key_path: view.tls_key_path ?? '',
});

/** Both paths or neither, as the server checks too (it also reads the files). */
function bothOrNeither(values: Values): Partial<Record<keyof Values, string>> {
  const cert = values.tls_cert_path.trim();
  const key = values.tls_key_path.trim();
  if (cert !== '' && key === '') return { tls_key_path: 'Give the private key too, or clear both.' };
  if (cert === '' && key !== '') return { tls_cert_path: 'Give the certificate too, or clear both.' };
  return {};
}

function ServingBadge({ https }: { https: boolean }) {
  return https ? (
    <Badge variant="dot" color="teal" radius="sm" tt="none" fw={500} data-testid="network-serving" data-https="true">
      Now serving HTTPS
    </Badge>
  ) : (
    <Badge variant="dot" color="orange" radius="sm" tt="none" fw={500} data-testid="network-serving" data-https="false">
      Now serving plain HTTP
    </Badge>
  );
}

function NetworkSettingsForm({ view }: { view: NetworkSettingsView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: valuesOf(view), validate: bothOrNeither });
  const fixed = view.from_environment;

  const save = useMutation(
    trpc.network.updateSettings.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.network.settings.queryKey(), saved);
        notifySuccess('Saved. ShopDesk uses the new setting the next time it starts.', 'Restart to apply');
      },
      onError: (err) => {
        setFormError(formErrorOf(form, err));
        if (!apiErrorOf(err)) notifyFailure(err, 'Could not save the settings');
      },
    }),
  );

  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate({ tls_cert_path: values.tls_cert_path.trim(), tls_key_path: values.tls_key_path.trim() });
  });

  const field = (name: keyof Values, label: string, placeholder: string, testId: string) => (
    <TextInput
      label={label}
      placeholder={fixed ? undefined : placeholder}
      readOnly={fixed}
      variant={fixed ? 'filled' : 'default'}
      spellCheck={false}
      autoComplete="off"
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      {...form.getInputProps(name)}
      data-testid={testId}
      data-from-env={fixed}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Network settings">
      <Stack gap="md">
        <FormError message={formError} />
        {view.start_problem ? (
          <Alert
            color="orange"
            variant="light"
            title="The saved certificate was not used at this start"
            data-testid="network-start-problem"
          >
            {view.start_problem}
          </Alert>
        ) : null}
        {fixed ? (
          <Alert variant="light" color="gray" data-testid="network-env-note">
            Set in the server’s environment (SHOPDESK_TLS_CERT and SHOPDESK_TLS_KEY), which wins over this card; change them there and
            restart.
          </Alert>
        ) : null}
        {field('tls_cert_path', 'Certificate file (PEM)', '/etc/shopdesk/till.crt', 'tls-cert-path')}
        {field('tls_key_path', 'Private key file (PEM, not encrypted)', '/etc/shopdesk/till.key', 'tls-key-path')}
        {view.allowed_hosts.length > 0 ? (
          <Text size="sm" c="dimmed" data-testid="network-allowed-hosts">
            Also answers to: <Code>{view.allowed_hosts.join(', ')}</Code> (SHOPDESK_ALLOWED_HOSTS)
          </Text>
        ) : null}
        <SettingsFormFooter
          note={
            <Text size="sm" c="dimmed" data-testid="network-restart-note">
              Changes apply the next time ShopDesk starts.
            </Text>
          }
          editable={!fixed}
          dirty={form.isDirty()}
          saving={save.isPending}
          onUndo={() => form.reset()}
          saveTestId="network-save"
        />
      </Stack>
    </form>
  );
}

/** Settings: HTTPS for the in-store network, so passwords and tokens never cross the Wi-Fi in the clear. */
export function NetworkSettingsCard() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.network.settings.queryOptions());
  return (
    <SettingsCard
      testId="network-card"
      icon={settings.data?.serving_https ? <IconLock size={20} aria-hidden /> : <IconLockOpen size={20} aria-hidden />}
      title="Network (HTTPS)"
      description="Tills, kiosks and browsers on the shop’s network reach ShopDesk’s port. Without a certificate their passwords and sign-ins travel in the clear: fine on this computer alone or a trusted wired network, not on shared Wi-Fi."
      status={settings.data ? <ServingBadge https={settings.data.serving_https} /> : null}
      query={settings}
      loadingLabel="Loading the network settings…"
    >
      {(view) => <NetworkSettingsForm view={view} />}
    </SettingsCard>
  );
}
