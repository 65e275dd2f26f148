// The core's rule for the friction a batch asks for by its size alone (core.SizeFriction; the case
// table core/testdata/size_friction.json ties the two). A decision never asks less, so the hold can show
// its dialog before the engine answers whenever this is not 'none'.

/**
 * sizeFriction is the friction n selected invitations ask for under policy ({ clickAbove, typeAbove,
 * blockAbove }): 'none', 'click', 'type' or 'blocked'; null when the policy lacks a threshold.
 */
export function sizeFriction(n, policy) {
  const { clickAbove, typeAbove, blockAbove } = policy ?? {};
  if (![clickAbove, typeAbove, blockAbove].every(Number.isInteger)) return null;
  if (n > blockAbove) return 'blocked';
  if (n > typeAbove) return 'type';
  if (n > clickAbove) return 'click';
  return 'none';
}
