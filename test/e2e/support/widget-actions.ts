import type { Page } from 'playwright-core';

/**
 * What a user does in a Jira or GitHub widget, step by step, for the tests that drive the same
 * steps for different reasons (the GitHub test for what is stored, the privacy test for what is sent).
 */

/** Decision needed (consultative) → decided → implemented, then an experiment started. */
export async function recordDecisionAndExperiment(page: Page): Promise<void> {
  await page.getByTestId('aa-decision-needed').click();
  await page.getByTestId('aa-decision-level').selectOption('consultative');
  await page.getByTestId('aa-decision-submit').click();
  await page.getByTestId('aa-decision-decided').click();
  await page.getByTestId('aa-decision-implemented').click();
  await page.getByTestId('aa-decision-done').waitFor();
  await page.getByTestId('aa-experiment-start').click();
}
