import { Alert, Button, Code, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Recovery codes, shown once: the server keeps only their hashes. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const [isCopied, setCopied] = useState(false);
  const text = `${codes.join('\n')}\n`;
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <Stack gap="sm">
      <Alert color="orange" variant="light" title={t('twoFactor.codesTitle')}>
        {t('twoFactor.codesBody')}
      </Alert>
      <SimpleGrid cols={2} spacing="xs" component="ul" aria-label={t('twoFactor.codesTitle')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {codes.map((code) => (
          <li key={code}>
            <Code dir="ltr" fz="md">
              {code}
            </Code>
          </li>
        ))}
      </SimpleGrid>
      <Group gap="sm">
        <Button
          variant="default"
          onClick={() => {
            void navigator.clipboard?.writeText(text).then(() => setCopied(true));
          }}
        >
          {t('twoFactor.copyCodes')}
        </Button>
        <Button component="a" variant="default" href={download} download="open-irm-recovery-codes.txt">
          {t('twoFactor.downloadCodes')}
        </Button>
      </Group>
      {isCopied ? (
        <Text size="sm" role="status">
          {t('twoFactor.copied')}
        </Text>
      ) : null}
    </Stack>
  );
}
