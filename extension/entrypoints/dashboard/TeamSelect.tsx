interface TeamOption {
  teamId: string;
  teamName: string;
}

interface TeamSelectProps {
  id: string;
  testId: string;
  teams: readonly TeamOption[];
  value: string;
  onChange: (teamId: string) => void;
}

/** A choice of one of the organisation's teams, by name, for the panels that look at one team (or a pair). */
export function TeamSelect({ id, testId, teams, value, onChange }: TeamSelectProps) {
  return (
    <select id={id} data-testid={testId} value={value} onChange={(event) => onChange(event.target.value)}>
      {teams.map((team) => (
        <option key={team.teamId} value={team.teamId}>
          {team.teamName}
        </option>
      ))}
    </select>
  );
}
