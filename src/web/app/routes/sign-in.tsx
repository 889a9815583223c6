import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { SignInForm } from '../../features/auth/components/sign-in-form.tsx';
import { paths } from '../../lib/paths.ts';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('signIn.title')} description={t('signIn.description')} />
      <SignInForm onSignedIn={() => void navigate({ to: paths.home.getHref() })} />
    </>
  );
}
