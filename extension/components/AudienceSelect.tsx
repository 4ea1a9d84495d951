import type { OtherTeams } from '../lib/org-directory';

/**
 * "With": the team a knowledge share went to, from `useOtherTeams` (no teams while it has not
 * answered or could not list them), or none.
 */
export function AudienceSelect({
  id,
  teams,
  value,
  onChange,
  testId,
}: {
  id: string;
  teams: OtherTeams | null;
  value: string;
  onChange: (teamId: string) => void;
  testId: string;
}) {
  return (
    <>
      <label htmlFor={id}>With</label>
      <select id={id} data-testid={testId} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">No particular team</option>
        {teams?.ok &&
          teams.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
      </select>
    </>
  );
}
