import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import config, { HOST_MATCHES } from '../../../wxt.config';

/**
 * Extension hygiene that a reviewer would otherwise have to re-check by eye on every change: no
 * HTML built from strings or code evaluated anywhere in the extension's source (page text must
 * never become markup), and a manifest that asks for the SPEC's hosts and nothing more.
 */

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SOURCE = path.join(ROOT, 'extension');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Every way a string becomes markup or code in a page. */
const FORBIDDEN = [
  /\.innerHTML\b/,
  /\.outerHTML\b/,
  /\binsertAdjacentHTML\b/,
  /\bdangerouslySetInnerHTML\b/,
  /\bsetHTMLUnsafe\b/,
  /\bcreateContextualFragment\b/,
  /\bdocument\.write(ln)?\b/,
  /\bsrcdoc\b/,
  /(?<![\w.])eval\s*\(/,
  /\bnew\s+Function\s*\(/,
  /\bset(Timeout|Interval)\s*\(\s*['"`]/,
];

describe('extension source', () => {
  const files = sourceFiles(SOURCE);

  test('is found', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  test('never turns a string into markup or code', () => {
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          FORBIDDEN.some((pattern) => pattern.test(line))
            ? [`${path.relative(ROOT, file)}:${index + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(hits).toEqual([]);
  });

  test('content scripts run only on the hosts the manifest asks for', () => {
    const scripts = files.filter((file) => readFileSync(file, 'utf8').includes('defineContentScript('));
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    for (const file of scripts) {
      const matches = /matches:\s*\[([^\]]*)\]/.exec(readFileSync(file, 'utf8'))?.[1];
      expect(matches, file).toBeDefined();
      for (const pattern of matches?.match(/'[^']*'/g) ?? [])
        expect(HOST_MATCHES, file).toContain(pattern.slice(1, -1));
    }
  });

  test('scripts are registered at runtime in one place only: self-hosted Jira sites the user granted', () => {
    const registering = files.filter((file) => /\bregisterContentScripts\b/.test(readFileSync(file, 'utf8')));
    expect(registering.map((file) => path.relative(ROOT, file))).toEqual([
      'extension/lib/jira-site-scripts.ts',
    ]);
  });
});

describe('manifest', () => {
  const manifestOf = (browser: string, manifestVersion: 2 | 3) => {
    const manifest = config.manifest;
    if (typeof manifest !== 'function')
      throw new Error('wxt.config.ts: manifest is expected to be a function');
    return manifest({ browser, manifestVersion, mode: 'production', command: 'build' }) as Record<
      string,
      unknown
    >;
  };

  test('Chrome: the SPEC’s hosts, storage, alarms, notifications and scripting; other origins only on request', () => {
    const manifest = manifestOf('chrome', 3);
    expect(HOST_MATCHES).toEqual([
      'https://*.atlassian.net/*',
      'https://github.com/*',
      'https://calendar.google.com/*',
      'https://outlook.office.com/*',
      'https://outlook.live.com/*',
    ]);
    expect(manifest.host_permissions).toEqual(HOST_MATCHES);
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'notifications', 'scripting']);
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    // Widgets get their stylesheets from the background with their scripts: no page can load or
    // probe for any file of the extension.
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('optional_permissions');
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('browser_specific_settings');
  });

  test('Firefox: the same, in MV2 spelling, with an add-on id and its data collection declared', () => {
    const manifest = manifestOf('firefox', 2);
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'notifications', 'scripting']);
    expect(manifest.optional_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.browser_specific_settings).toEqual({
      gecko: {
        id: 'aligned-autonomy@aligned-autonomy',
        data_collection_permissions: { required: ['websiteActivity', 'websiteContent'] },
      },
    });
  });
});
