import type { ReactNode } from 'react';

/**
 * A wide table on a narrow screen scrolls sideways inside this box, not the page. The box can be
 * focused and is named, so a keyboard can scroll it even when nothing inside it is focusable.
 * `minWidth` is the width below which the content would be squeezed.
 */
export function ScrollRegion({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <div className="scroll-region" role="region" aria-label={label} tabIndex={0}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
