import { useEffect, useState } from 'react';

/**
 * GitHub's own theme setting, not only the system's: `html[data-color-mode]` is `light`, `dark` or
 * `auto` (follow the system), and `data-light-theme` / `data-dark-theme` name the theme used in
 * each case, which may itself be dark for "day" (`dark_dimmed`) or light for "night".
 */

export type Scheme = 'light' | 'dark';

export interface ThemeAttributes {
  colorMode: string | null;
  lightTheme: string | null;
  darkTheme: string | null;
}

export function resolveScheme(theme: ThemeAttributes, systemDark: boolean): Scheme {
  const dark = theme.colorMode === 'dark' || (theme.colorMode !== 'light' && systemDark);
  const name = dark ? theme.darkTheme : theme.lightTheme;
  if (name?.startsWith('dark')) return 'dark';
  if (name?.startsWith('light')) return 'light';
  return dark ? 'dark' : 'light';
}

const ATTRIBUTES = ['data-color-mode', 'data-light-theme', 'data-dark-theme'];

/** One list for every reading and the listener: each `matchMedia` call parses and evaluates anew. */
let systemDarkList: MediaQueryList | undefined;
const systemDark = () => {
  systemDarkList ??= window.matchMedia('(prefers-color-scheme: dark)');
  return systemDarkList;
};

function currentScheme(): Scheme {
  const html = document.documentElement;
  const [colorMode = null, lightTheme = null, darkTheme = null] = ATTRIBUTES.map((name) =>
    html.getAttribute(name),
  );
  return resolveScheme({ colorMode, lightTheme, darkTheme }, systemDark().matches);
}

/** The page's scheme, followed live: GitHub switches it in place when the user changes theme. */
export function useGitHubScheme(): Scheme {
  const [scheme, setScheme] = useState(currentScheme);
  useEffect(() => {
    const update = () => setScheme(currentScheme());
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ATTRIBUTES });
    const system = systemDark();
    system.addEventListener('change', update);
    return () => {
      observer.disconnect();
      system.removeEventListener('change', update);
    };
  }, []);
  return scheme;
}
