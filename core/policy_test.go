package core

import (
	"errors"
	"strings"
	"testing"
)

func TestDefaultPolicyIsValidAndAsDocumented(t *testing.T) {
	p := DefaultPolicy()
	if err := p.Validate(); err != nil {
		t.Fatalf("DefaultPolicy().Validate() = %v", err)
	}
	got := []int{p.ClickAbove, p.TypeAbove, p.BlockAbove, p.UndoSeconds, p.WeeklyBudgetLinkedIn, p.WeeklyBudgetXing,
		p.CooldownDays, p.ReinviteLockDays, p.TargetRepeatDays, p.WithdrawDailyCap, p.WithdrawPaceMinMs, p.WithdrawPaceMaxMs,
		p.RapidConnectCount, p.RapidConnectWindowSeconds, p.BurstMinCount, p.BurstFactor, p.BurstReminderDays}
	want := []int{5, 25, 100, 10, 100, 100, 21, 21, 183, 100, 2000, 5000, 10, 120, 15, 5, 7}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("DefaultPolicy field %d = %d, want %d", i, got[i], want[i])
		}
	}
}

func TestPolicyValidateBounds(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*Policy)
		wantErr string // "" for valid
	}{
		{"click 0 (every invitation asks)", func(p *Policy) { p.ClickAbove = 0 }, ""},
		{"click -1", func(p *Policy) { p.ClickAbove = -1 }, "policy.clickAbove must be between 0 and 10000, got -1"},
		{"click = type", func(p *Policy) { p.ClickAbove = 25 }, ""},
		{"click > type", func(p *Policy) { p.ClickAbove = 26 }, "policy.clickAbove (26) must not exceed policy.typeAbove (25)"},
		{"type = block", func(p *Policy) { p.TypeAbove = 100 }, ""},
		{"type > block", func(p *Policy) { p.TypeAbove = 101 }, "policy.typeAbove (101) must not exceed policy.blockAbove (100)"},
		{"block 0", func(p *Policy) { p.ClickAbove, p.TypeAbove, p.BlockAbove = 0, 0, 0 }, "policy.blockAbove must be between 1 and 10000, got 0"},
		{"block at the batch limit", func(p *Policy) { p.BlockAbove = MaxRecipients }, ""},
		{"block beyond the batch limit", func(p *Policy) { p.BlockAbove = MaxRecipients + 1 }, "policy.blockAbove must be between 1 and 10000, got 10001"},
		{"undo 0", func(p *Policy) { p.UndoSeconds = 0 }, ""},
		{"undo 120", func(p *Policy) { p.UndoSeconds = 120 }, ""},
		{"undo 121", func(p *Policy) { p.UndoSeconds = 121 }, "policy.undoSeconds must be between 0 and 120, got 121"},
		{"budget 0", func(p *Policy) { p.WeeklyBudgetLinkedIn = 0 }, "policy.weeklyBudgetLinkedIn must be between 1 and 10000, got 0"},
		{"xing budget 10001", func(p *Policy) { p.WeeklyBudgetXing = 10001 }, "policy.weeklyBudgetXing must be between 1 and 10000, got 10001"},
		{"cooldown 0", func(p *Policy) { p.CooldownDays = 0 }, ""},
		{"cooldown 3651", func(p *Policy) { p.CooldownDays = 3651 }, "policy.cooldownDays must be between 0 and 3650, got 3651"},
		{"lock -1", func(p *Policy) { p.ReinviteLockDays = -1 }, "policy.reinviteLockDays must be between 0 and 3650, got -1"},
		{"target repeat 3650", func(p *Policy) { p.TargetRepeatDays = 3650 }, ""},
		{"daily cap 0", func(p *Policy) { p.WithdrawDailyCap = 0 }, "policy.withdrawDailyCap must be between 1 and 10000, got 0"},
		{"pace 499", func(p *Policy) { p.WithdrawPaceMinMs = 499 }, "policy.withdrawPaceMinMs must be between 500 and 600000, got 499"},
		{"pace min = max", func(p *Policy) { p.WithdrawPaceMinMs = 5000 }, ""},
		{"pace min > max", func(p *Policy) { p.WithdrawPaceMinMs = 5001 }, "policy.withdrawPaceMinMs (5001) must not exceed policy.withdrawPaceMaxMs (5000)"},
		{"rapid count 0", func(p *Policy) { p.RapidConnectCount = 0 }, "policy.rapidConnectCount must be between 1 and 10000, got 0"},
		{"rapid window a day", func(p *Policy) { p.RapidConnectWindowSeconds = 86400 }, ""},
		{"rapid window above a day", func(p *Policy) { p.RapidConnectWindowSeconds = 86401 }, "policy.rapidConnectWindowSeconds must be between 1 and 86400, got 86401"},
		{"reminder 0 (the default, 7 days)", func(p *Policy) { p.BurstReminderDays = 0 }, ""},
		{"reminder a year", func(p *Policy) { p.BurstReminderDays = 365 }, ""},
		{"reminder 366", func(p *Policy) { p.BurstReminderDays = 366 }, "policy.burstReminderDays must be between 0 and 365, got 366"},
		{"reminder -1", func(p *Policy) { p.BurstReminderDays = -1 }, "policy.burstReminderDays must be between 0 and 365, got -1"},
		{"zero policy", func(p *Policy) { *p = Policy{} }, "policy.blockAbove must be between 1 and 10000, got 0"},
	}
	for _, tt := range tests {
		p := DefaultPolicy()
		tt.edit(&p)
		got, err := ValidatePolicy(p)
		if tt.wantErr == "" {
			if err != nil || got != p {
				t.Errorf("%s: ValidatePolicy = %+v, %v; want the policy back", tt.name, got, err)
			}
			continue
		}
		var e *Error
		if !errors.As(err, &e) || e.Code != CodeInvalid || !strings.Contains(e.Message, tt.wantErr) {
			t.Errorf("%s: err = %v, want invalid: %s", tt.name, err, tt.wantErr)
		}
	}
}

func TestBurstReminderZeroIsTheDefault(t *testing.T) {
	tests := map[string]struct{ days, want int }{
		"0 is the default": {0, DefaultBurstReminderDays},
		"1 day":            {1, 1},
		"30 days":          {30, 30},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			p := DefaultPolicy()
			p.BurstReminderDays = tt.days
			if got := p.BurstReminder(); got != tt.want {
				t.Errorf("BurstReminder() = %d, want %d", got, tt.want)
			}
		})
	}
}
