import { MIN_PULSE_RESPONDENTS, PULSE_KEYS, PULSE_LABELS, type PulseKey } from '../../../shared/org';
import { sendMessage } from '../../lib/messages';
import { pulsePeriodsItem } from '../../lib/pulse';
import { WeeklyScoresForm } from './WeeklyScoresForm';

const QUESTIONS: Record<PulseKey, string> = {
  satisfaction: 'How satisfied are you with your team this week? 0 = not at all, 10 = fully.',
  stress: 'How stressed have you been this week? 0 = not at all, 10 = extremely.',
  collaboration: 'How well did people work together, in and across teams? 0 = badly, 10 = very well.',
};

/** Seed 003's health pulse, optional, beside the survey: anonymous, once per ISO week. */
export function PulseForm({ onRecorded }: { onRecorded: (what: string) => void }) {
  return (
    <WeeklyScoresForm
      keys={PULSE_KEYS}
      question={(key) => ({ label: PULSE_LABELS[key], hint: QUESTIONS[key] })}
      answeredItem={pulsePeriodsItem}
      send={(scores) => sendMessage({ type: 'answerPulse', scores })}
      thanks={(period) => `Thank you: your health pulse for ${period} is in.`}
      testId="pulse"
      title="Health pulse"
      optional
      next="The next one"
      intro={`Anonymous like the survey: a figure shows only once ${MIN_PULSE_RESPONDENTS} teammates answered in a week.`}
      onRecorded={onRecorded}
    />
  );
}
