import { INDICATORS } from '../../../shared/indicators/definitions';
import { SURVEY_KEYS } from '../../../shared/vocabulary';
import { sendMessage } from '../../lib/messages';
import { answeredPeriodsItem } from '../../lib/survey';
import { WeeklyScoresForm } from './WeeklyScoresForm';

/** The pulse survey: the five survey indicators, 0–10, anonymous, once per ISO week. */
export function SurveyForm({ onRecorded }: { onRecorded: (what: string) => void }) {
  return (
    <WeeklyScoresForm
      keys={SURVEY_KEYS}
      question={(key) => ({
        label: INDICATORS[key].label,
        // The definition ends with how the indicator is computed, which is not the question.
        hint: INDICATORS[key].definition.replace(/ \(mean.*\)$/, ''),
      })}
      answeredItem={answeredPeriodsItem}
      send={(scores) => sendMessage({ type: 'answerSurvey', scores })}
      thanks={(period) => `Thank you: your answers for ${period} are in.`}
      testId="survey"
      title="Pulse survey"
      next="The next survey"
      intro="Anonymous: the server gets a code that changes every week and cannot tell who answered; a score shows only once 5 teammates answered. 0 = not at all, 10 = fully."
      onRecorded={onRecorded}
    />
  );
}
