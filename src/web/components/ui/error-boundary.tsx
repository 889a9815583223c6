import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

function RegionError({ onReset }: { onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('errors.regionTitle')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('errors.regionBody')}</Text>
        <Button size="xs" variant="default" onClick={onReset}>
          {t('actions.tryAgain')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** Keeps a rendering failure inside one region of the page (STYLE.md §11). */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: unknown }, { hasError: boolean }> {
  state = { hasError: false };

  static getDerivedStateFromError(): { hasError: boolean } {
    return { hasError: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('A page region failed to render', error, info.componentStack);
  }

  componentDidUpdate(previous: { resetKey?: unknown }): void {
    if (this.state.hasError && previous.resetKey !== this.props.resetKey) this.setState({ hasError: false });
  }

  render(): ReactNode {
    if (this.state.hasError) return <RegionError onReset={() => this.setState({ hasError: false })} />;
    return this.props.children;
  }
}
