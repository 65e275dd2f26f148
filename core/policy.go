package core

// Policy holds every threshold the core decides with. The zero value is not
// valid: start from DefaultPolicy and change what the user changed.
type Policy struct {
	// ClickAbove: more than this many invitations at once ask for one click (default 5).
	ClickAbove int `json:"clickAbove"`
	// TypeAbove: more than this many ask to type the number (default 25).
	TypeAbove int `json:"typeAbove"`
	// BlockAbove: more than this many are blocked until the user raises the limit (default 100).
	BlockAbove int `json:"blockAbove"`
	// UndoSeconds is the undo window for anything bulk (default 10).
	UndoSeconds int `json:"undoSeconds"`
	// WeeklyBudgetLinkedIn and WeeklyBudgetXing cap invitations per rolling 7 days (default 100 and 100).
	WeeklyBudgetLinkedIn int `json:"weeklyBudgetLinkedIn"`
	WeeklyBudgetXing     int `json:"weeklyBudgetXing"`
	// CooldownDays: a person invited less than this many days ago is flagged (default 21).
	CooldownDays int `json:"cooldownDays"`
	// ReinviteLockDays: a person withdrawn less than this many days ago cannot be re-invited (default 21).
	ReinviteLockDays int `json:"reinviteLockDays"`
	// TargetRepeatDays: one group/page/event invitation per recipient per inviter in this many days (default 183, six months).
	TargetRepeatDays int `json:"targetRepeatDays"`
	// WithdrawDailyCap: at most this many withdrawals a day (default 100).
	WithdrawDailyCap int `json:"withdrawDailyCap"`
	// WithdrawPaceMinMs and WithdrawPaceMaxMs bound the pause between two withdrawals (default 2000–5000).
	WithdrawPaceMinMs int `json:"withdrawPaceMinMs"`
	WithdrawPaceMaxMs int `json:"withdrawPaceMaxMs"`
	// RapidConnectCount and RapidConnectWindowSeconds: more than Count single Connect clicks within the
	// window count as one bulk action (default 10 in 120 s).
	RapidConnectCount         int `json:"rapidConnectCount"`
	RapidConnectWindowSeconds int `json:"rapidConnectWindowSeconds"`
	// BurstMinCount and BurstFactor: a day (or hour) of the Sent list with at least BurstMinCount
	// invitations Invite Guard did not send, and at least BurstFactor times the median daily count of
	// the four weeks before, is a burst (default 15 and 5; see DetectBursts). 0 means the default, so
	// that a policy stored before these fields existed keeps its meaning.
	BurstMinCount int `json:"burstMinCount,omitempty"`
	BurstFactor   int `json:"burstFactor,omitempty"`
	// BurstReminderDays: when the last scan of the whole Sent list is older than this many days, the
	// extension offers a scan on LinkedIn (at most once a day; default 7, since an accident read a week
	// later shows as "Sent 1 week ago", too vague for DetectBursts). 0 means the default, as above.
	BurstReminderDays int `json:"burstReminderDays,omitempty"`
}

// DefaultPolicy returns the policy a new user starts with.
func DefaultPolicy() Policy {
	return Policy{
		ClickAbove:                5,
		TypeAbove:                 25,
		BlockAbove:                100,
		UndoSeconds:               10,
		WeeklyBudgetLinkedIn:      100,
		WeeklyBudgetXing:          100,
		CooldownDays:              21,
		ReinviteLockDays:          21,
		TargetRepeatDays:          183,
		WithdrawDailyCap:          100,
		WithdrawPaceMinMs:         2000,
		WithdrawPaceMaxMs:         5000,
		RapidConnectCount:         10,
		RapidConnectWindowSeconds: 120,
		BurstMinCount:             DefaultBurstMinCount,
		BurstFactor:               DefaultBurstFactor,
		BurstReminderDays:         DefaultBurstReminderDays,
	}
}

// The defaults of the burst thresholds, which a policy's 0 stands for.
const (
	DefaultBurstMinCount = 15
	DefaultBurstFactor   = 5
	maxBurstFactor       = 100
	// DefaultBurstReminderDays is the scan reminder's default; maxBurstReminderDays its upper limit.
	DefaultBurstReminderDays = 7
	maxBurstReminderDays     = 365
)

// BurstThresholds returns BurstMinCount and BurstFactor with 0 read as the default.
func (p Policy) BurstThresholds() (minCount, factor int) {
	minCount, factor = p.BurstMinCount, p.BurstFactor
	if minCount == 0 {
		minCount = DefaultBurstMinCount
	}
	if factor == 0 {
		factor = DefaultBurstFactor
	}
	return minCount, factor
}

// BurstReminder returns BurstReminderDays with 0 read as the default.
func (p Policy) BurstReminder() int {
	if p.BurstReminderDays == 0 {
		return DefaultBurstReminderDays
	}
	return p.BurstReminderDays
}

// Limits of the policy fields, so that no setting can disable the safety net by accident.
const (
	maxBatch       = 10000
	maxUndoSeconds = 120
	maxBudget      = 10000
	maxDays        = 3650
	minPaceMs      = 500
	maxPaceMs      = 600000
)

// Validate reports the first field that is out of range, as a CodeInvalid *Error.
func (p Policy) Validate() error {
	checks := []struct {
		name      string
		v, lo, hi int
	}{
		{"clickAbove", p.ClickAbove, 0, maxBatch},
		{"typeAbove", p.TypeAbove, 0, maxBatch},
		{"blockAbove", p.BlockAbove, 1, maxBatch},
		{"undoSeconds", p.UndoSeconds, 0, maxUndoSeconds},
		{"weeklyBudgetLinkedIn", p.WeeklyBudgetLinkedIn, 1, maxBudget},
		{"weeklyBudgetXing", p.WeeklyBudgetXing, 1, maxBudget},
		{"cooldownDays", p.CooldownDays, 0, maxDays},
		{"reinviteLockDays", p.ReinviteLockDays, 0, maxDays},
		{"targetRepeatDays", p.TargetRepeatDays, 0, maxDays},
		{"withdrawDailyCap", p.WithdrawDailyCap, 1, maxBudget},
		{"withdrawPaceMinMs", p.WithdrawPaceMinMs, minPaceMs, maxPaceMs},
		{"withdrawPaceMaxMs", p.WithdrawPaceMaxMs, minPaceMs, maxPaceMs},
		{"rapidConnectCount", p.RapidConnectCount, 1, maxBatch},
		{"rapidConnectWindowSeconds", p.RapidConnectWindowSeconds, 1, 86400},
		{"burstMinCount", p.BurstMinCount, 0, maxBatch},
		{"burstFactor", p.BurstFactor, 0, maxBurstFactor},
		{"burstReminderDays", p.BurstReminderDays, 0, maxBurstReminderDays},
	}
	for _, c := range checks {
		if c.v < c.lo || c.v > c.hi {
			return Errorf(CodeInvalid, "policy.%s must be between %d and %d, got %d", c.name, c.lo, c.hi, c.v)
		}
	}
	if p.ClickAbove > p.TypeAbove {
		return Errorf(CodeInvalid, "policy.clickAbove (%d) must not exceed policy.typeAbove (%d)", p.ClickAbove, p.TypeAbove)
	}
	if p.TypeAbove > p.BlockAbove {
		return Errorf(CodeInvalid, "policy.typeAbove (%d) must not exceed policy.blockAbove (%d)", p.TypeAbove, p.BlockAbove)
	}
	if p.WithdrawPaceMinMs > p.WithdrawPaceMaxMs {
		return Errorf(CodeInvalid, "policy.withdrawPaceMinMs (%d) must not exceed policy.withdrawPaceMaxMs (%d)", p.WithdrawPaceMinMs, p.WithdrawPaceMaxMs)
	}
	return nil
}

// WeeklyBudget returns the weekly budget for a network.
func (p Policy) WeeklyBudget(n Network) int {
	if n == Xing {
		return p.WeeklyBudgetXing
	}
	return p.WeeklyBudgetLinkedIn
}

// policyOrDefault resolves an optional policy of a request: DefaultPolicy
// when nil. The request's Validate has checked it already.
func policyOrDefault(p *Policy) Policy {
	if p == nil {
		return DefaultPolicy()
	}
	return *p
}

// ValidatePolicy checks a policy and returns it unchanged when valid (the
// "validate_policy" operation).
func ValidatePolicy(p Policy) (Policy, error) {
	if err := p.Validate(); err != nil {
		return Policy{}, err
	}
	return p, nil
}
