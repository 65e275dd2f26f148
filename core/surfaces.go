package core

import "slices"

// The surfaces each network offers. LinkedIn has no "contact request" with a
// mandatory message (its connection invitations come from the contact import,
// the email step of the import, and Connect buttons); XING's invitations are
// contact requests ("Kontaktanfragen") and invitations to groups, pages and
// events. A request naming a surface its network does not have is invalid.
//
//	surface          linkedin  xing   message max (runes)
//	contact_import   yes       -      300 (LinkedIn's connection note)
//	email_invite     yes       -      300
//	connect          yes       -      300
//	contact_request  -         yes    500 (XING)
//	page_invite      yes       yes    500 (XING's rule for group/page/event invitations)
//	event_invite     yes       yes    500
//	group_invite     yes       yes    500
var networkSurfaces = map[Network][]Surface{
	LinkedIn: {SurfaceContactImport, SurfaceEmailInvite, SurfaceConnect, SurfacePageInvite, SurfaceEventInvite, SurfaceGroupInvite},
	Xing:     {SurfaceContactRequest, SurfacePageInvite, SurfaceEventInvite, SurfaceGroupInvite},
}

// Networks lists the networks Invite Guard knows, in a stable order.
var Networks = []Network{LinkedIn, Xing}

// Surfaces lists every surface of any network, in a stable order.
var Surfaces = []Surface{
	SurfaceContactImport, SurfaceEmailInvite, SurfaceConnect, SurfacePageInvite,
	SurfaceEventInvite, SurfaceGroupInvite, SurfaceContactRequest,
}

// NetworkSurfaces returns the surfaces network n has (nil for an unknown network).
func NetworkSurfaces(n Network) []Surface {
	return slices.Clone(networkSurfaces[n])
}

// SurfaceAllowed reports whether network n has surface s.
func SurfaceAllowed(n Network, s Surface) bool {
	return slices.Contains(networkSurfaces[n], s)
}

// IsTargetSurface reports whether s invites people to a group, page or event
// (rather than to a connection): these carry a Target and follow XING's rules
// (one invitation per recipient per inviter within TargetRepeatDays, not to
// members of the target, message at most 500 characters).
func IsTargetSurface(s Surface) bool {
	return s == SurfacePageInvite || s == SurfaceEventInvite || s == SurfaceGroupInvite
}

// knownSurface reports whether s is a surface of any network.
func knownSurface(s Surface) bool { return slices.Contains(Surfaces, s) }

// knownNetwork reports whether n is a network Invite Guard knows.
func knownNetwork(n Network) bool { return n == LinkedIn || n == Xing }

// MessageMax returns the longest personal message, in runes, that network n
// accepts on surface s (see the table above); 0 for a pair that does not exist.
func MessageMax(n Network, s Surface) int {
	if !SurfaceAllowed(n, s) {
		return 0
	}
	if n == LinkedIn && !IsTargetSurface(s) {
		return 300
	}
	return 500
}

// checkNetworkSurface validates the network and surface pair of a request.
func checkNetworkSurface(n Network, s Surface) error {
	if !knownNetwork(n) {
		if n == "" {
			return Errorf(CodeInvalid, "network is missing (want linkedin or xing)")
		}
		return Errorf(CodeInvalid, "network %q is unknown (want linkedin or xing)", n)
	}
	if !knownSurface(s) {
		if s == "" {
			return Errorf(CodeInvalid, "surface is missing")
		}
		return Errorf(CodeInvalid, "surface %q is unknown", s)
	}
	if !SurfaceAllowed(n, s) {
		return Errorf(CodeInvalid, "surface %q does not exist on %s (want one of %v)", s, n, networkSurfaces[n])
	}
	return nil
}
