// The withdrawal job's lifecycle as the core defines it (core/joblifecycle.go): the table is generated
// from the core into gen/job-lifecycle.json (go test ./internal/jsconst -update, checked by that test),
// and the answers here are the core's JobTransition and JobRepeat, message for message — the shared cases
// in core/testdata/job_moves.json hold both to it (test/unit/job-lifecycle.test.mjs).

import life from './gen/job-lifecycle.json' with { type: 'json' };

export const JOB_STATES = life.states;
export const JOB_EVENTS = life.events;
/** OPEN_JOB_STATES: a job under way (running, paused, waiting, stopped); one at a time. */
export const OPEN_JOB_STATES = new Set(life.open);
/** RESULT_EVENTS: the invitation lifecycle event each withdrawal result means. */
export const RESULT_EVENTS = life.resultEvents;

const names = (xs) => xs.join(', ');
const quoted = (s) => JSON.stringify(String(s));

/** jobTransition answers where event takes a job in state from: { to } or { error: { code, message } }. */
export function jobTransition(from, event) {
  if (!JOB_STATES.includes(from)) return { error: { code: 'invalid', message: `from: unknown job state ${quoted(from)} (want one of ${names(JOB_STATES)})` } };
  if (!JOB_EVENTS.includes(event))
    return { error: { code: 'invalid', message: `event: unknown job event ${quoted(event)} (want one of ${names(JOB_EVENTS)})` } };
  const to = life.table[from]?.[event];
  if (!to) return { error: { code: 'illegal_transition', message: jobRefusal(from, event) } };
  return { to };
}

/** jobRefusal is the message of an event the table does not allow: "cannot pause a job that is done (a final state)". */
export function jobRefusal(from, event) {
  const allowed = JOB_EVENTS.filter((e) => life.table[from]?.[e]);
  const msg = `cannot ${event} a job that is ${from}`;
  if (allowed.length) return `${msg} (allowed: ${names(allowed)})`;
  return JOB_STATES.includes(from) ? `${msg} (a final state)` : msg;
}

/** jobRepeat tells whether event asks a job for the state it already has (pause a paused job). */
export function jobRepeat(from, event) {
  return life.targets[event] === from;
}
