import { useEffect } from 'react';

export const APP_NAME = '督办';

/** Every route names itself in the window title (and so in the history and for screen readers). */
export function useTitle(title: string | null | undefined, suffix = APP_NAME): void {
  useEffect(() => {
    document.title = title ? `${title} - ${suffix}` : suffix;
  }, [title, suffix]);
}
