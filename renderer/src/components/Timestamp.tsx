import { Text, Tooltip } from '@mantine/core';

/** When something happened, in the person's own format, with the exact ISO time on hover. */
export function Timestamp({ iso, format }: { iso: string; format: Intl.DateTimeFormat }) {
  return (
    <Tooltip label={iso} withArrow openDelay={400}>
      <Text size="sm" component="time" dateTime={iso}>
        {format.format(new Date(iso))}
      </Text>
    </Tooltip>
  );
}
