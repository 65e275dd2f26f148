package core

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// fuzzRequest builds a DecideRequest from structured fuzz input: keys are the
// lines of keys; each row's selected/member/inTarget/optedOut come from a byte
// of rows; every 4 bytes of hist make a history entry; 9 or more bytes of pol
// make a policy (often invalid, on purpose); nowUnix 0 means no "now".
func fuzzRequest(network, surface, target, keys string, rows []byte, message string, nowUnix int64, hist, pol []byte) DecideRequest {
	req := DecideRequest{Network: Network(network), Surface: Surface(surface), Target: target, Message: message}
	if nowUnix != 0 {
		req.Now = time.Unix(nowUnix%(1<<40), 0).UTC()
	}
	lines := strings.Split(keys, "\n")
	if len(lines) > 300 {
		lines = lines[:300]
	}
	for i, k := range lines {
		var b byte = 1
		if len(rows) > 0 {
			b = rows[i%len(rows)]
		}
		r := Recipient{Key: k, Name: k, Selected: b&1 != 0, OptedOut: b&32 != 0}
		switch (b >> 1) & 3 {
		case 1:
			r.Member = ptr(true)
		case 2:
			r.Member = ptr(false)
		}
		switch (b >> 3) & 3 {
		case 1:
			r.InTarget = ptr(true)
		case 2:
			r.InTarget = ptr(false)
		}
		req.Recipients = append(req.Recipients, r)
	}
	surfaces := []Surface{"", SurfaceContactImport, SurfaceEmailInvite, SurfaceConnect, SurfacePageInvite, SurfaceEventInvite, SurfaceGroupInvite, SurfaceContactRequest}
	for i := 0; i+4 <= len(hist) && i < 4*500; i += 4 {
		h := HistoryEntry{Key: lines[int(hist[i])%len(lines)], Network: Networks[hist[i+1]&1], Kind: EventInvited,
			Surface: surfaces[int(hist[i+1]>>2)%len(surfaces)], At: req.Now.Add(-time.Duration(int(hist[i+2])-16) * 6 * time.Hour)}
		if hist[i+1]&2 != 0 {
			h.Kind = EventWithdrawn
		}
		if hist[i+3]&1 != 0 {
			h.Target = target
		}
		req.History = append(req.History, h)
	}
	if len(pol) >= 9 {
		p := DefaultPolicy()
		p.ClickAbove, p.TypeAbove, p.BlockAbove = int(pol[0]), int(pol[1]), int(pol[2])
		p.UndoSeconds, p.CooldownDays, p.ReinviteLockDays = int(pol[3]), int(pol[4]), int(pol[5])
		p.TargetRepeatDays, p.WeeklyBudgetLinkedIn, p.WeeklyBudgetXing = int(pol[6])*2, int(pol[7]), int(pol[8])
		req.Policy = &p
	}
	return req
}

func FuzzDecide(f *testing.F) {
	const li = "https://www.linkedin.com/in/"
	now := now0.Unix()
	f.Add("linkedin", "contact_import", "", li+"a\n"+li+"b\n"+li+"c\n"+li+"d\n"+li+"e\n"+li+"f", []byte{1}, "", now, []byte{}, []byte{})
	f.Add("linkedin", "contact_import", "", strings.Repeat(li+"x\n", 26), []byte{3, 5}, "", now, []byte{0, 0, 20, 0}, []byte{})
	f.Add("linkedin", "email_invite", "", "Anna@Example.com\n anna@example.com\nmailto:ANNA@example.com\nbob@example.com", []byte{5, 7, 1, 0}, "", now, []byte{3, 2, 40, 0}, []byte{})
	f.Add("linkedin", "connect", "", li+"anna\nHTTPS://DE.linkedin.com/in/Anna?trk=1\nlinkedin.com/in/anna", []byte{3}, "Hi Anna!!! https://a.example www.b.example", now, []byte{0, 0, 100, 0, 1, 2, 10, 0}, []byte{})
	f.Add("xing", "group_invite", "https://www.xing.com/communities/groups/g/", "https://www.xing.com/profile/A_B\nhttps://www.xing.com/profile/C_D", []byte{9, 17, 33}, "Treten Sie unserer Gruppe bei.", now, []byte{0, 25, 200, 1, 1, 27, 30, 1}, []byte{})
	f.Add("xing", "contact_request", "", "https://www.xing.com/profile/J%C3%BCrgen_M%C3%BCller", []byte{1}, "Hallo Herr Müller, "+strings.Repeat("ü", 482), now, []byte{}, []byte{5, 25, 100, 10, 21, 21, 92, 100, 1})
	f.Add("xing", "event_invite", "e1", "a\nb\nc", []byte{1}, "", int64(0), []byte{}, []byte{})
	f.Add("linkedin", "page_invite", "", "a", []byte{1}, "", now, []byte{}, []byte{30, 5, 0, 200, 0, 0, 0, 0, 0})
	f.Add("facebook", "poke", "", "", []byte{}, "", now, []byte{}, []byte{})
	f.Add("linkedin", "connect", "", "\n", []byte{0}, "\xff\xfe", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC).Unix(), []byte{0, 0, 255, 0}, []byte{})
	f.Fuzz(func(t *testing.T, network, surface, target, keys string, rows []byte, message string, nowUnix int64, hist, pol []byte) {
		req := fuzzRequest(network, surface, target, keys, rows, message, nowUnix, hist, pol)
		d, err := Decide(req)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Message == "" || (e.Code != CodeInvalid && e.Code != CodeTooLarge) {
				t.Fatalf("error %v is not a coded invalid/too_large *core.Error", err)
			}
			return
		}
		checkInvariants(t, req, d)
		if (req.Message != "") != (d.Message != nil) {
			t.Errorf("message %q but message check %v", req.Message, d.Message)
		}
	})
}

func FuzzCheckMessage(f *testing.F) {
	f.Add("xing", "contact_request", "Hallo Jürgen, "+strings.Repeat("ü€", 243), "Jürgen Weiß", "hallo jürgen", 1)
	f.Add("linkedin", "connect", "Hi Anna!!! PASSIVE INCOME, FAST MONEY: https://x.example https://y.example", "Anna", "", 1)
	f.Add("xing", "event_invite", "Kommen Sie zu unserem Sommerfest.", "Anna\nBob", "Kommen Sie zu unserem Sommerfest!", 2)
	f.Add("linkedin", "connect", "你好王小明", "王小明", "", 1)
	f.Add("linkedin", "connect", "\xff", "\xfe", "\xfd", 3)
	f.Fuzz(func(t *testing.T, network, surface, message, names, recent string, n int) {
		req := MessageRequest{Network: Network(network), Surface: Surface(surface), Message: message}
		if n < 0 {
			n = -n
		}
		for i := 0; i < n%20; i++ {
			req.RecipientNames = append(req.RecipientNames, names)
		}
		if recent != "" {
			req.RecentMessages = strings.Split(recent, "\n")
		}
		mc, err := CheckMessage(req)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Message == "" {
				t.Fatalf("error %v is not a coded *core.Error", err)
			}
			return
		}
		if mc.Length != utf8.RuneCountInString(message) || mc.Max == 0 || mc.Issues == nil {
			t.Fatalf("check %+v of %q", mc, message)
		}
		blocked := false
		for _, is := range mc.Issues {
			blocked = blocked || is.Severity == SeverityBlock
			if is.Severity != SeverityBlock && is.Severity != SeverityWarn {
				t.Fatalf("issue %+v has severity %q", is, is.Severity)
			}
		}
		if mc.OK == blocked {
			t.Fatalf("ok %v with issues %+v", mc.OK, mc.Issues)
		}
		if (mc.Length > mc.Max) != (len(mc.Issues) > 0 && mc.Issues[0].Code == IssueTooLong) && strings.TrimSpace(message) != "" {
			t.Fatalf("length %d of max %d but issues %+v", mc.Length, mc.Max, mc.Issues)
		}
	})
}

func FuzzNormalizeKey(f *testing.F) {
	for _, k := range []string{
		"HTTPS://DE.LinkedIn.com/in/Anna-Schmidt?trk=people#top", "https://www.linkedin.com/in/j%C3%BCrgen", "mailto:A@B.C",
		"www.xing.com/profile/A_B", "urn:li:member:1", "https://x.example/%2541", "https://", "linkedin.com", " \t",
		"https://www.linkedin.com/in/Ü/", "https://www.linkedin.com:80./x", "linkedin.Com/\x88%C2%80",
		"a/", "https://", "https:///", "anna@example.com", "mailto@x", "x@y/", "https://de.linkedin.com/in/a/", "https://notlinkedin.com/a/",
	} {
		f.Add(k)
	}
	f.Fuzz(func(t *testing.T, k string) {
		once := NormalizeKey(k)
		if twice := NormalizeKey(once); twice != once {
			t.Fatalf("not idempotent: %q → %q → %q", k, once, twice)
		}
		if canonicalASCII(k) && normalizeKey(k) != k {
			t.Fatalf("canonicalASCII says yes to %q, the full rules give %q", k, normalizeKey(k))
		}
	})
}
