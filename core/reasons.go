package core

// The reason codes of a Decision, each with its parameters. The UI renders
// them in English and German; ReasonCodes lets a test check that every code
// has a translation.
const (
	// ReasonEmptyBatch: no recipient is selected; nothing would be sent. No params.
	ReasonEmptyBatch = "empty_batch"
	// ReasonBatchSize: more than a friction threshold at once. {count, threshold}
	// (threshold is policy.clickAbove or policy.typeAbove, whichever was passed).
	ReasonBatchSize = "batch_size"
	// ReasonOverBlockLimit: more than policy.blockAbove at once; raise the limit or
	// reduce the selection. {count, limit}
	ReasonOverBlockLimit = "over_block_limit"
	// ReasonNotMembers: selected people who are not members get an email invitation. {count}
	ReasonNotMembers = "not_members"
	// ReasonRecentlyInvited: selected people invited within the cooldown (or, for
	// group/page/event invitations, invited to the same target within policy.targetRepeatDays). {count, days}
	ReasonRecentlyInvited = "recently_invited"
	// ReasonReinviteLocked: selected people withdrawn within policy.reinviteLockDays. {count, days}
	ReasonReinviteLocked = "reinvite_locked"
	// ReasonInTarget: selected people already in the group, page or event. {count}
	ReasonInTarget = "in_target"
	// ReasonOptedOut: selected people who switched such invitations off. {count}
	ReasonOptedOut = "opted_out"
	// ReasonDuplicates: selected rows repeating an earlier selected row's person. {count}
	ReasonDuplicates = "duplicates"
	// ReasonOverBudget: selected people beyond the weekly budget. {count, remaining, limit}
	ReasonOverBudget = "over_budget"
	// ReasonMessageIssue: the personal message has an issue (see MessageCheck). {code, severity}
	ReasonMessageIssue = "message_issue"
)

// ReasonCodes lists every reason code a Decision can carry, in the order
// reasons appear in Decision.Reasons.
var ReasonCodes = []string{
	ReasonEmptyBatch, ReasonBatchSize, ReasonOverBlockLimit,
	ReasonNotMembers, ReasonRecentlyInvited, ReasonReinviteLocked, ReasonInTarget,
	ReasonOptedOut, ReasonDuplicates, ReasonOverBudget,
	ReasonMessageIssue,
}

// The message issue codes and their params.
const (
	// IssueTooLong: longer than the network allows on the surface (block). {length, max}
	IssueTooLong = "too_long"
	// IssueNotPersonalised: sent to one person and does not name them (warn). {name}
	IssueNotPersonalised = "not_personalised"
	// IssueMassMessage: one text to several people (block on group/page/event
	// invitations and XING contact requests, warn elsewhere). {recipients}
	IssueMassMessage = "mass_message"
	// IssueTemplated: the same text, or nearly, as a recent message (identical:
	// like mass_message; near-identical: warn). {index, identical}
	IssueTemplated = "templated"
	// IssueSpamSignals: links, shouting, money or MLM phrases, repeated
	// punctuation (warn; block from three signals on). {signals}
	IssueSpamSignals = "spam_signals"
)

// IssueCodes lists every message issue code, in the order issues appear in MessageCheck.Issues.
var IssueCodes = []string{IssueTooLong, IssueNotPersonalised, IssueMassMessage, IssueTemplated, IssueSpamSignals}

// The severities of a message issue.
const (
	SeverityBlock = "block"
	SeverityWarn  = "warn"
)

// FlagOrder lists every recipient flag in the order they appear in FlaggedRecipient.Flags.
var FlagOrder = []Flag{
	FlagNotMember, FlagRecentlyInvited, FlagReinviteLocked, FlagInTarget,
	FlagOptedOut, FlagDuplicate, FlagOverBudget,
}
