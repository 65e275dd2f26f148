package jsconst

import (
	"github.com/inviteguard/inviteguard/core"
	"github.com/inviteguard/inviteguard/wasm/dispatch"
)

// coreConstants is what the extension must spell exactly as the core does.
type coreConstants struct {
	Networks         []core.Network                        `json:"networks"`
	Surfaces         []core.Surface                        `json:"surfaces"`
	NetworkSurfaces  map[core.Network][]core.Surface       `json:"networkSurfaces"`
	TargetSurfaces   []core.Surface                        `json:"targetSurfaces"`
	MessageMax       map[core.Network]map[core.Surface]int `json:"messageMax"`
	SelectorKinds    []core.SelectorKind                   `json:"selectorKinds"`
	Limits           map[string]int                        `json:"limits"`
	ErrorCodes       []core.Code                           `json:"errorCodes"`
	Ops              []string                              `json:"ops"`
	ABI              int                                   `json:"abi"`
	CompactVersion   int                                   `json:"compactVersion"`
	AgeUnits         []string                              `json:"ageUnits"`
	States           []core.State                          `json:"states"`
	Events           []core.Event                          `json:"events"`
	Verdicts         []core.Verdict                        `json:"verdicts"`
	Frictions        []core.Friction                       `json:"frictions"`
	Flags            []core.Flag                           `json:"flags"`
	ReasonCodes      []string                              `json:"reasonCodes"`
	IssueCodes       []string                              `json:"issueCodes"`
	SkipReasons      []string                              `json:"skipReasons"`
	ScanWarningCodes []string                              `json:"scanWarningCodes"`
}

// Core is what Go and JS both spell, from the core (and the engine's operations from wasm/dispatch):
// networks and their surfaces, message limits, selector kinds, the 10,000-recipient cap and the other
// limits, error codes, ops, age units, states, events, verdicts, frictions and codes.
func Core() Module {
	v := coreConstants{
		Networks: core.Networks, Surfaces: core.Surfaces, SelectorKinds: core.SelectorKinds,
		NetworkSurfaces: map[core.Network][]core.Surface{}, MessageMax: map[core.Network]map[core.Surface]int{},
		Limits: map[string]int{
			"maxRecipients": core.MaxRecipients, "maxHistory": core.MaxHistory, "maxKeyBytes": core.MaxKeyBytes,
			"maxNameBytes": core.MaxNameBytes, "maxTargetBytes": core.MaxTargetBytes, "maxMessageBytes": core.MaxMessageBytes,
			"maxRecentMessages": core.MaxRecentMessages, "maxScanCards": core.MaxScanCards, "maxKnownInvitations": core.MaxKnownInvs,
		},
		ErrorCodes: core.Codes, Ops: dispatch.Ops(), ABI: dispatch.ABI, CompactVersion: core.CompactVersion,
		AgeUnits: core.AgeUnits, States: core.States, Events: core.Events, Verdicts: core.Verdicts, Frictions: core.Frictions,
		Flags: core.FlagOrder, ReasonCodes: core.ReasonCodes, IssueCodes: core.IssueCodes, SkipReasons: core.SkipReasons,
		ScanWarningCodes: core.ScanWarningCodes,
	}
	for _, n := range core.Networks {
		v.NetworkSurfaces[n] = core.NetworkSurfaces(n)
		v.MessageMax[n] = map[core.Surface]int{}
		for _, s := range core.NetworkSurfaces(n) {
			v.MessageMax[n][s] = core.MessageMax(n, s)
		}
	}
	for _, s := range core.Surfaces {
		if core.IsTargetSurface(s) {
			v.TargetSurfaces = append(v.TargetSurfaces, s)
		}
	}
	return Module{
		Path:   "extension/shared/gen/core.json",
		Source: "core (surfaces.go, validate.go, error.go, lifecycle.go, reasons.go, sentlist.go, withdraw.go) and wasm/dispatch.Ops",
		About:  "What the extension spells exactly as the core does: read through extension/shared/core-constants.js.",
		Value:  v,
	}
}
