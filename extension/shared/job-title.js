// The title of a withdrawal job's progress, the same on the Sent page's overlay and in the popup.

/** jobTitleKey is the message key of a job's title: state is the job's (or its task's) 'done', 'stopped' or another. */
export function jobTitleKey(state, dryRun) {
  if (state === 'done') return dryRun ? 'runner_title_dry_done' : 'runner_title_done';
  if (state === 'stopped') return 'runner_title_stopped';
  return dryRun ? 'runner_title_dry' : 'runner_title_withdraw';
}
