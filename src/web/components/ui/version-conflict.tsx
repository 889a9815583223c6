import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useFormatters } from '../../lib/format.ts';

/** The words of a conflict: each feature has its own keys, translated apart. */
export interface ConflictWords {
  title: string;
  explain: string;
  mine: string;
  theirs: string;
  /** Shown in place of the stored version when there is none any more. */
  none: string;
  keepMine: string;
  takeTheirs: string;
  savedBy: (who: string, at: string) => string;
}

/**
 * A save that met a newer version (409): both versions side by side, the user's own kept on
 * screen until they choose. One view for a checklist answer, a report section and a summary
 * text, so that the three conflicts look, read and are announced alike; each passes its own
 * words and how one of its versions is shown.
 */
export function VersionConflict({
  words,
  mine,
  theirs,
  onKeepMine,
  onTakeTheirs,
}: {
  words: ConflictWords;
  mine: ReactNode;
  /** The stored version; null when nothing is stored any more. */
  theirs: { content: ReactNode; updatedBy: string | null; updatedAt: string | null } | null;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const f = useFormatters();
  return (
    <Alert color="orange" variant="light" role="alert" title={words.title}>
      <Stack gap="sm">
        <Text size="sm">{words.explain}</Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Paper withBorder p="sm" radius="sm" component="section" aria-label={words.mine}>
            <Title order={4} size="h6" mb={4}>
              {words.mine}
            </Title>
            {mine}
          </Paper>
          <Paper withBorder p="sm" radius="sm" component="section" aria-label={words.theirs}>
            <Title order={4} size="h6" mb={4}>
              {words.theirs}
            </Title>
            {theirs ? (
              <>
                {theirs.updatedBy && theirs.updatedAt ? (
                  <Text size="xs" c="dimmed" mb={4}>
                    {words.savedBy(theirs.updatedBy, f.dateTimeUtc(theirs.updatedAt))}
                  </Text>
                ) : null}
                {theirs.content}
              </>
            ) : (
              <Text size="sm">{words.none}</Text>
            )}
          </Paper>
        </SimpleGrid>
        <Group gap="sm">
          <Button size="sm" onClick={onKeepMine}>
            {words.keepMine}
          </Button>
          <Button size="sm" variant="default" onClick={onTakeTheirs}>
            {words.takeTheirs}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
