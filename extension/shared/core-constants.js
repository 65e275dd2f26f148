// What Go and JavaScript both spell, with one source: the core. The values are generated into
// gen/core.json (go test ./internal/jsconst -update; that test fails when the file is out of date);
// here they get their names, frozen so no reader can change them.

import core from './gen/core.json' with { type: 'json' };

const deepFreeze = (v) => {
  if (v && typeof v === 'object') for (const k of Object.keys(v)) deepFreeze(v[k]);
  return Object.freeze(v);
};
deepFreeze(core);

export const NETWORKS = core.networks;
export const SURFACES = core.surfaces;
/** NETWORK_SURFACES: the surfaces each network has (core.NetworkSurfaces). */
export const NETWORK_SURFACES = core.networkSurfaces;
export const TARGET_SURFACES = core.targetSurfaces;
/** MESSAGE_MAX: the longest personal message, in runes, per network and surface. */
export const MESSAGE_MAX = core.messageMax;
export const SELECTOR_KINDS = core.selectorKinds;
/** LIMITS: maxRecipients (10,000 of one decision), maxHistory, maxKeyBytes … (core/validate.go, core/reconcile.go). */
export const LIMITS = core.limits;
export const ERROR_CODES = core.errorCodes;
/** OPS: the operations of core.wasm (wasm/dispatch.Ops). */
export const OPS = core.ops;
export const ABI = core.abi;
export const COMPACT_VERSION = core.compactVersion;
export const AGE_UNITS = core.ageUnits;
/** STATES, EVENTS: the invitation lifecycle (core/lifecycle.go). */
export const STATES = core.states;
export const EVENTS = core.events;
export const VERDICTS = core.verdicts;
export const FRICTIONS = core.frictions;
export const FLAGS = core.flags;
export const REASON_CODES = core.reasonCodes;
export const ISSUE_CODES = core.issueCodes;
export const SKIP_REASONS = core.skipReasons;
export const SCAN_WARNING_CODES = core.scanWarningCodes;

/** surfaceAllowed tells whether network has surface (core.SurfaceAllowed). */
export function surfaceAllowed(network, surface) {
  return (NETWORK_SURFACES[network] ?? []).includes(surface);
}
