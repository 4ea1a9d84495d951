import { useEffect, useState } from 'react';

/**
 * The dashboard's three views: the team's own figures, the team's practices (what it records for
 * the organisation view), and the organisation (admins). The view lives in the URL's hash, so a
 * bookmark or a reload opens the same one.
 */

export const DASHBOARD_VIEWS = ['team', 'practices', 'org'] as const;
export type DashboardView = (typeof DASHBOARD_VIEWS)[number];

const LABELS: Record<DashboardView, string> = {
  team: 'Team figures',
  practices: 'Team practices',
  org: 'Organisation',
};

export const viewFromHash = (hash: string): DashboardView => {
  const name = hash.replace(/^#/, '');
  return (DASHBOARD_VIEWS as readonly string[]).includes(name) ? (name as DashboardView) : 'team';
};

export function useDashboardView(): [DashboardView, (view: DashboardView) => void] {
  const [view, setView] = useState(() => viewFromHash(location.hash));
  useEffect(() => {
    const follow = () => setView(viewFromHash(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const choose = (next: DashboardView) => {
    location.hash = next === 'team' ? '' : next;
    setView(next);
  };
  return [view, choose];
}

/** Links, not tabs: each view is a page of its own with its own address. */
export function DashboardNav({
  view,
  onChange,
}: {
  view: DashboardView;
  onChange: (view: DashboardView) => void;
}) {
  return (
    <nav aria-label="Dashboard views" className="dashboard-nav">
      <ul className="row">
        {DASHBOARD_VIEWS.map((option) => (
          <li key={option}>
            <a
              href={option === 'team' ? '#' : `#${option}`}
              aria-current={view === option ? 'page' : undefined}
              data-testid={`view-${option}`}
              onClick={(event) => {
                event.preventDefault();
                onChange(option);
              }}
            >
              {LABELS[option]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
