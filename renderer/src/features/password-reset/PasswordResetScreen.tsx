import { Stepper } from '@mantine/core';
import { IconKey, IconLockPassword, IconMailForward } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { AuthLayout } from '../../components/AuthLayout';
import { NewPasswordStep } from './NewPasswordStep';
import { PinStep } from './PinStep';
import { RequestStep, RestartNotice, type Contact } from './RequestStep';

interface PasswordResetProps {
  /** Back to where the flow was opened (Sign in or the Locked screen). */
  onBack: () => void;
  backLabel: string;
  /** The new password is saved: back to Sign in. */
  onDone: () => void;
}

type Step =
  | { at: 'request'; notice: ReactNode }
  | { at: 'pin'; message: string }
  // The reset token lives here only: never in storage, gone when the screen closes.
  | { at: 'password'; resetToken: string };

const STEP_INDEX = { request: 0, pin: 1, password: 2 } as const;

const DESCRIPTIONS = {
  request: 'We send a six-digit PIN to the email address or phone number of your account.',
  pin: 'Type or paste the PIN from the message. It is checked as soon as all six digits are in.',
  password: 'Choose a new password for your account within 10 minutes.',
} as const;

/** "Forgot password?": email or phone → PIN → new password, before anyone is signed in. */
export default function PasswordResetScreen({ onBack, backLabel, onDone }: PasswordResetProps) {
  const [contact, setContact] = useState<Contact>({ type: 'email', value: '' });
  const [step, setStep] = useState<Step>({ at: 'request', notice: null });

  return (
    <AuthLayout title="Reset your password" description={DESCRIPTIONS[step.at]} width={540} testId="reset-screen">
      <Stepper active={STEP_INDEX[step.at]} size="sm" iconSize={32} allowNextStepsSelect={false} data-testid="reset-stepper">
        <Stepper.Step label="Email or phone" icon={<IconMailForward size={16} />}>
          {step.at === 'request' ? (
            <RequestStep
              initial={contact}
              notice={step.notice}
              onBack={onBack}
              backLabel={backLabel}
              onSent={(sent, message) => {
                setContact(sent);
                setStep({ at: 'pin', message });
              }}
            />
          ) : null}
        </Stepper.Step>
        <Stepper.Step label="PIN" icon={<IconKey size={16} />}>
          {step.at === 'pin' ? (
            <PinStep
              contact={contact}
              sentMessage={step.message}
              onVerified={(resetToken) => setStep({ at: 'password', resetToken })}
              onRestart={() => setStep({ at: 'request', notice: null })}
            />
          ) : null}
        </Stepper.Step>
        <Stepper.Step label="New password" icon={<IconLockPassword size={16} />}>
          {step.at === 'password' ? (
            <NewPasswordStep
              resetToken={step.resetToken}
              onDone={onDone}
              onCancel={onBack}
              cancelLabel={backLabel}
              onTokenInvalid={() =>
                setStep({
                  at: 'request',
                  notice: <RestartNotice>That reset has expired or was already used. Ask for a new PIN to start again.</RestartNotice>,
                })
              }
            />
          ) : null}
        </Stepper.Step>
      </Stepper>
    </AuthLayout>
  );
}
