import { type ReactNode, useId } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { Breakdowns as BreakdownsData } from '../../../shared/api';
import { BLOCKER_KINDS, DECISION_LEVELS, MEETING_CATEGORIES } from '../../../shared/vocabulary';
import { DECISION_LEVEL_TEXT } from '../../components/labels';
import { type ThemeColors, useThemeColors } from '../../components/use-theme-colors';
import { CATEGORY_TEXT } from '../../hosts/calendar/category-text';
import { BLOCKER_KIND_TEXT, formatValue } from '../../ui/format';
import { DataTable } from './DataTable';

const hours = (value: number | null) => formatValue(value, 'hours');

const chartProps = (colors: ThemeColors) => ({
  grid: <CartesianGrid stroke={colors.border} strokeDasharray="3 3" />,
  tooltip: (
    <Tooltip contentStyle={{ background: colors.surface, borderColor: colors.border, color: colors.fg }} />
  ),
  axis: { stroke: colors.muted, fontSize: 11 },
});

function Panel({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const id = useId();
  return (
    <figure className="card breakdown" aria-labelledby={id} data-testid={testId}>
      <figcaption>
        <h3 id={id}>{title}</h3>
      </figcaption>
      {children}
    </figure>
  );
}

/** Where the waiting, the meeting time and the decisions went in the window. */
export function Breakdowns({ breakdowns }: { breakdowns: BreakdownsData }) {
  const colors = useThemeColors();
  const { grid, tooltip, axis } = chartProps(colors);
  const blockers = BLOCKER_KINDS.map((kind) => ({
    kind,
    label: BLOCKER_KIND_TEXT[kind],
    ...breakdowns.blockersByKind[kind],
  }));
  const meetings = MEETING_CATEGORIES.map((category) => ({
    category,
    label: CATEGORY_TEXT[category].long,
    hours: Math.round((breakdowns.meetingMinutesByCategory[category] / 60) * 10) / 10,
  }));
  const decisions = DECISION_LEVELS.map((level) => ({
    level,
    label: DECISION_LEVEL_TEXT[level].label,
    ...breakdowns.decisionsByLevel[level],
  }));

  return (
    <div className="breakdowns">
      <Panel title="Blockers by kind and wait" testId="breakdown-blockers">
        <BarChart responsive style={{ width: '100%', height: 180 }} data={blockers} title="Blockers by kind">
          {grid}
          <XAxis dataKey="label" {...axis} />
          <YAxis allowDecimals={false} width={32} {...axis} />
          {tooltip}
          <Legend />
          <Bar dataKey="count" name="Flagged" fill={colors.accent} isAnimationActive={false} />
          <Bar dataKey="open" name="Still open" fill={colors.warn} isAnimationActive={false} />
        </BarChart>
        <DataTable
          caption="Blockers by kind"
          columns={['Kind', 'Flagged', 'Still open', 'Median wait', '90th percentile wait']}
          testId="blockers-table"
          rows={blockers.map((row) => ({
            key: row.kind,
            cells: [row.label, row.count, row.open, hours(row.medianHours), hours(row.p90Hours)],
          }))}
        />
      </Panel>
      <Panel title="Meeting hours by category" testId="breakdown-meetings">
        <BarChart
          responsive
          style={{ width: '100%', height: 220 }}
          data={meetings}
          layout="vertical"
          title="Meeting hours by category"
        >
          {grid}
          <XAxis type="number" unit=" h" {...axis} />
          <YAxis type="category" dataKey="label" width={150} {...axis} />
          {tooltip}
          <Bar dataKey="hours" name="Hours" fill={colors.accent} isAnimationActive={false} />
        </BarChart>
        <DataTable
          caption="Meeting hours by category"
          columns={['Category', 'Hours']}
          testId="meetings-table"
          rows={meetings.map((row) => ({ key: row.category, cells: [row.label, hours(row.hours)] }))}
        />
      </Panel>
      <Panel title="Decisions by level" testId="breakdown-decisions">
        <BarChart
          responsive
          style={{ width: '100%', height: 180 }}
          data={decisions}
          title="Decisions by level"
        >
          {grid}
          <XAxis dataKey="label" {...axis} />
          <YAxis allowDecimals={false} width={32} {...axis} />
          {tooltip}
          <Legend />
          <Bar
            dataKey="reversible"
            name="Reversible"
            stackId="door"
            fill={colors.ok}
            isAnimationActive={false}
          />
          <Bar
            dataKey="irreversible"
            name="Not reversible"
            stackId="door"
            fill={colors.alert}
            isAnimationActive={false}
          />
        </BarChart>
        <DataTable
          caption="Decisions by level"
          columns={['Level', 'Reversible', 'Not reversible']}
          testId="decisions-table"
          rows={decisions.map((row) => ({
            key: row.level,
            cells: [row.label, row.reversible, row.irreversible],
          }))}
        />
      </Panel>
    </div>
  );
}
