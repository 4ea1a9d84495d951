import { useEffect, useState } from 'react';

/** The page's palette (extension-page.css) as values: chart libraries draw SVG attributes, where `var()` does not work. */
export interface ThemeColors {
  fg: string;
  muted: string;
  surface: string;
  border: string;
  accent: string;
  ok: string;
  warn: string;
  alert: string;
}

const NAMES: (keyof ThemeColors)[] = ['fg', 'muted', 'surface', 'border', 'accent', 'ok', 'warn', 'alert'];

function read(): ThemeColors {
  const style = getComputedStyle(document.documentElement);
  return Object.fromEntries(
    NAMES.map((name) => [name, style.getPropertyValue(`--${name}`).trim() || 'currentColor']),
  ) as unknown as ThemeColors;
}

/** Follows the light and dark themes as the system switches. */
export function useThemeColors(): ThemeColors {
  const [colors, setColors] = useState(read);
  useEffect(() => {
    const query = matchMedia('(prefers-color-scheme: dark)');
    const update = () => setColors(read());
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return colors;
}
