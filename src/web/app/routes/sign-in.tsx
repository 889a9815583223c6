import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { sessionQueryKey, useSession, type Session } from '../../features/auth/api/get-session.ts';
import { SecondStepForm } from '../../features/auth/components/second-step-form.tsx';
import { OidcSignIn } from '../../features/auth/components/oidc-sign-in.tsx';
import { SignInForm } from '../../features/auth/components/sign-in-form.tsx';
import { TwoFactorSetup } from '../../features/auth/components/two-factor-setup.tsx';
import { paths } from '../../lib/paths.ts';

/** Password first; then, when the server asks, a two-factor code or two-factor set-up. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const goHome = () => void navigate({ to: paths.home.getHref() });
  // The step stays on screen after the server has completed the sign-in, so the set-up can
  // show the recovery codes and the forms can finish (and navigate) before they unmount.
  const [shownStep, setShownStep] = useState<Session['pendingSignIn']>(null);
  const current = session?.pendingSignIn;
  if (current && (current.stage !== shownStep?.stage || current.email !== shownStep.email)) setShownStep(current);
  const pending = current ?? shownStep;
  return (
    <>
      <PageHeader title={t('signIn.title')} description={t('signIn.description')} />
      {pending?.stage === 'mfa' ? <SecondStepForm email={pending.email} onSignedIn={goHome} onCancelled={() => setShownStep(null)} /> : null}
      {pending?.stage === 'enrol' ? <TwoFactorSetup isRequired onDone={goHome} /> : null}
      {!pending ? (
        <SignInForm
          onSignedIn={() => {
            // The password step may have opened only a half-done sign-in: stay for the next step.
            if (!queryClient.getQueryData<Session>(sessionQueryKey)?.pendingSignIn) goHome();
          }}
          footer={<OidcSignIn />}
        />
      ) : null}
    </>
  );
}
