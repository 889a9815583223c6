import { useParams } from '@tanstack/react-router';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { CountryProfile } from '../../features/public/components/country-profile.tsx';

export function CountryPage() {
  const { iso3 }: { iso3?: string } = useParams({ strict: false });
  return (
    <ErrorBoundary>
      <CountryProfile iso3={(iso3 ?? '').toUpperCase()} />
    </ErrorBoundary>
  );
}
