import { type Consistency, DIVERGENCE_THRESHOLD } from '../../../shared/org';
import { formatValue } from '../../ui/format';

/**
 * Seed 000 "Cross-Team Consistency (audit)": per problem area the approaches teams recorded, the
 * share on the most common one, and the areas where they diverge (what Fragmentation watches).
 */
export function ConsistencyPanel({
  consistency,
  teamName,
}: {
  consistency: Consistency;
  teamName: (teamId: string) => string;
}) {
  if (consistency.areas.length === 0) {
    return (
      <p className="muted" data-testid="consistency-empty">
        No problem areas yet: add them under “Organisation settings” so teams can record their approach.
      </p>
    );
  }
  const diverging = consistency.areas.filter((area) => area.diverging);
  return (
    <div data-testid="consistency">
      <p>
        Overall <strong data-testid="consistency-overall">{formatValue(consistency.overall, 'ratio')}</strong>{' '}
        <span className="muted">of teams on the most common approach, averaged over the areas</span> ·{' '}
        {diverging.length === 0 ? (
          <span data-testid="consistency-diverging">No area diverges.</span>
        ) : (
          <span className="status-text status-warn" data-testid="consistency-diverging">
            <span aria-hidden="true">▲ </span>
            Diverging: {diverging.map((area) => area.areaName).join(', ')}
          </span>
        )}
      </p>
      <div className="area-grid">
        {consistency.areas.map((area) => (
          <section
            key={area.areaId}
            className={`card ${area.diverging ? 'status-warn' : area.consistency === null ? '' : 'status-ok'}`}
            aria-label={area.areaName}
            data-testid="consistency-area"
            data-area={area.areaId}
            data-diverging={area.diverging}
          >
            <h3>{area.areaName}</h3>
            <p>
              {area.consistency === null ? (
                <span className="muted">No team recorded an approach.</span>
              ) : (
                <>
                  <strong data-testid="area-share">{formatValue(area.consistency, 'ratio')}</strong> on the
                  most common approach, of {area.teamsRecorded} {area.teamsRecorded === 1 ? 'team' : 'teams'}
                  {area.diverging && (
                    <strong className="status-text status-warn">
                      {' '}
                      · <span aria-hidden="true">▲ </span>diverging (below{' '}
                      {formatValue(DIVERGENCE_THRESHOLD, 'ratio')})
                    </strong>
                  )}
                </>
              )}
            </p>
            {area.approaches.length > 0 && (
              <ul>
                {area.approaches.map((approach) => (
                  <li key={approach.approach}>
                    <strong>{approach.approach}</strong>:{' '}
                    <span className="muted">{approach.teams.map(teamName).join(', ')}</span>
                  </li>
                ))}
              </ul>
            )}
            {area.missingTeams.length > 0 && (
              <p className="muted">Not recorded: {area.missingTeams.map(teamName).join(', ')}</p>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
