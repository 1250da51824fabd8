import { Card } from '@mantine/core';
import type { RefObject } from 'react';

/**
 * The sheet as it will print, in a frame of its own: its CSS (`@page`, the grid) cannot touch the
 * app's, and printing the frame prints the sheet alone. Sandboxed without scripts; same origin
 * only so that the page may call the frame's print().
 */
export function LabelPreview({ html, frameRef }: { html: string; frameRef: RefObject<HTMLIFrameElement | null> }) {
  return (
    <Card p={0} withBorder>
      <iframe
        ref={frameRef}
        title="Label sheet preview"
        srcDoc={html}
        sandbox="allow-same-origin allow-modals"
        style={{ width: '100%', height: 640, border: 0, display: 'block' }}
        data-testid="labels-frame"
      />
    </Card>
  );
}
