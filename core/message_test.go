package core

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// issueStrings renders issues as "code/severity{k=v …}".
func issueStrings(is []MessageIssue) []string {
	var out []string
	for _, i := range is {
		out = append(out, strings.Replace(reasonString(Reason{Code: i.Code, Params: i.Params}), i.Code, i.Code+"/"+i.Severity, 1))
	}
	return out
}

func TestCheckMessage(t *testing.T) {
	// 499 runes of two-byte and three-byte characters plus one: exactly 500 runes, 1,250 bytes and more.
	at500 := "Hallo Jürgen, " + strings.Repeat("ü€", 243) // 14 + 486 = 500 runes
	at501 := at500 + "ß"
	at300 := "Hi Anna, " + strings.Repeat("é", 291)
	tests := []struct {
		name      string
		req       MessageRequest
		ok        bool
		length    int
		max       int
		wantIssue []string
	}{
		{"empty", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect, RecipientNames: []string{"Anna"}}, true, 0, 300, nil},
		{"blank", MessageRequest{Network: Xing, Surface: SurfaceContactRequest, Message: " \n\t ", RecipientNames: []string{"Anna"}}, true, 4, 500, nil},
		{"xing contact request of exactly 500 runes", MessageRequest{Network: Xing, Surface: SurfaceContactRequest, Message: at500, RecipientNames: []string{"Jürgen Weiß"}},
			true, 500, 500, nil},
		{"xing contact request of 501 runes", MessageRequest{Network: Xing, Surface: SurfaceContactRequest, Message: at501, RecipientNames: []string{"Jürgen Weiß"}},
			false, 501, 500, []string{"too_long/block{length=501 max=500}"}},
		{"linkedin group invitation of 501 runes", MessageRequest{Network: LinkedIn, Surface: SurfaceGroupInvite, Message: at501},
			false, 501, 500, []string{"too_long/block{length=501 max=500}"}},
		{"linkedin note of exactly 300 runes", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect, Message: at300, RecipientNames: []string{"Anna"}},
			true, 300, 300, nil},
		{"linkedin note of 301 runes", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect, Message: at300 + "!", RecipientNames: []string{"Anna"}},
			false, 301, 300, []string{"too_long/block{length=301 max=300}"}},
		{"names the recipient by last name with a title", MessageRequest{Network: Xing, Surface: SurfaceContactRequest,
			Message: "Sehr geehrte Frau Dr. Schmidt, danke für den Vortrag.", RecipientNames: []string{"Dr. Anna Schmidt"}}, true, 53, 500, nil},
		{"names only the title", MessageRequest{Network: Xing, Surface: SurfaceContactRequest,
			Message: "Sehr geehrte Frau Dr. Who, danke für den Vortrag.", RecipientNames: []string{"Dr. Anna Schmidt"}}, true, 49, 500,
			[]string{"not_personalised/warn{name=Dr. Anna Schmidt}"}},
		{"umlaut spelled out", MessageRequest{Network: Xing, Surface: SurfaceContactRequest,
			Message: "Hallo Juergen, wie geht's?", RecipientNames: []string{"Jürgen Weiß"}}, true, 26, 500, nil},
		{"decomposed accent", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect,
			Message: "Bonjour Ele\u0301onore, ravi de vous rencontrer.", RecipientNames: []string{"Éléonore Dupont"}}, true, 43, 300, nil},
		{"a part of a word is not the name", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect,
			Message: "Hi, also interested in Go?", RecipientNames: []string{"Al So"}}, true, 26, 300,
			[]string{"not_personalised/warn{name=Al So}"}},
		{"chinese name found inside unspaced text", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect,
			Message: "你好王小明，很高兴认识你。", RecipientNames: []string{"王小明"}}, true, 13, 300, nil},
		{"chinese name missing", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect,
			Message: "你好，很高兴认识你。", RecipientNames: []string{"王小明"}}, true, 10, 300, []string{"not_personalised/warn{name=王小明}"}},
		{"unknown name: no personalisation check", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect,
			Message: "Hello there", RecipientNames: []string{""}}, true, 11, 300, nil},
		{"mass message on a connect burst warns", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect,
			Message: "Let's connect.", RecipientNames: []string{"Anna", "Bob"}}, true, 14, 300, []string{"mass_message/warn{recipients=2}"}},
		{"mass message on an event invitation blocks", MessageRequest{Network: Xing, Surface: SurfaceEventInvite,
			Message: "Kommen Sie zu unserem Sommerfest.", RecipientNames: []string{"Anna", "Bob", "Carl"}}, false, 33, 500,
			[]string{"mass_message/block{recipients=3}"}},
		{"templated: identical on a contact request blocks", MessageRequest{Network: Xing, Surface: SurfaceContactRequest,
			Message: "Hallo Anna,  ich würde mich freuen, Sie in meinem Netzwerk zu haben.", RecipientNames: []string{"Anna Berg"},
			RecentMessages: []string{"Guten Tag.", "hallo ich WÜRDE mich freuen sie in meinem netzwerk zu haben"}}, false, 68, 500,
			[]string{"templated/block{identical=true index=1}"}},
		{"templated: identical on linkedin warns", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect,
			Message: "I'd like to add you to my professional network.", RecipientNames: []string{"Anna Berg"},
			RecentMessages: []string{"I'd like to add you to my professional network."}}, true, 47, 300,
			[]string{"not_personalised/warn{name=Anna Berg}", "templated/warn{identical=true index=0}"}},
		{"templated: near-identical warns, and the first identical wins over an earlier near one", MessageRequest{Network: Xing, Surface: SurfaceContactRequest,
			Message: "Hallo Anna, schön dass wir uns auf der Messe getroffen haben.", RecipientNames: []string{"Anna"},
			RecentMessages: []string{"Hallo Bob, schön dass wir uns auf der Messe gesehen haben.", "Hallo Carl, schön dass wir uns auf der Messe getroffen haben."}}, true, 61, 500,
			[]string{"templated/warn{identical=false index=0}"}},
		{"templated: salutations are set aside with the names", MessageRequest{Network: Xing, Surface: SurfaceContactRequest,
			Message: "Sehr geehrte Frau Schäfer, ich freue mich auf den Austausch.", RecipientNames: []string{"Anna Schäfer"},
			RecentMessages: []string{"Sehr geehrter Herr Groß, ich freue mich auf den Austausch.", "sehr geehrte ich freue mich auf den austausch"}}, false, 60, 500,
			[]string{"templated/block{identical=true index=1}"}},
		{"not templated: different text", MessageRequest{Network: Xing, Surface: SurfaceContactRequest,
			Message: "Hallo Anna, danke für das Gespräch über Go.", RecipientNames: []string{"Anna"},
			RecentMessages: []string{"Hallo Bob, wir sehen uns in Berlin auf der Konferenz."}}, true, 43, 500, nil},
		{"short texts are only templated when identical", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect,
			Message: "Hi Anna, thanks!", RecipientNames: []string{"Anna"},
			RecentMessages: []string{"Hi Bob, thanks!", "Hi, thanks"}}, true, 16, 300,
			[]string{"templated/warn{identical=true index=1}"}},
		{"spam: two links", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect,
			Message: "Hi Anna, see https://a.example and www.b.example", RecipientNames: []string{"Anna"}}, true, 48, 300,
			[]string{"spam_signals/warn{signals=[links]}"}},
		{"spam: one link is fine", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect,
			Message: "Hi Anna, my talk: https://www.talks.example/go", RecipientNames: []string{"Anna"}}, true, 46, 300, nil},
		{"spam: shouting", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect,
			Message: "Hi Anna, THIS IS A GREAT OFFER FOR YOU", RecipientNames: []string{"Anna"}}, true, 38, 300,
			[]string{"spam_signals/warn{signals=[shouting]}"}},
		{"acronyms are not shouting", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect,
			Message: "Hi Anna, I work on SAP and AWS at IBM.", RecipientNames: []string{"Anna"}}, true, 38, 300, nil},
		{"spam: money in german", MessageRequest{Network: Xing, Surface: SurfaceContactRequest,
			Message: "Hallo Anna, mit meinem System können Sie von zu Hause arbeiten.", RecipientNames: []string{"Anna"}}, true, 63, 500,
			[]string{"spam_signals/warn{signals=[money]}"}},
		{"spam: money in french with accents", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect,
			Message: "Bonjour Anna, la LIBERTÉ FINANCIÈRE vous attend", RecipientNames: []string{"Anna"}}, true, 47, 300,
			[]string{"spam_signals/warn{signals=[money]}"}},
		{"money phrases are whole words: cryptography is no crypto", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect,
			Message: "Hi Anna, I work on cryptography and Kryptographie.", RecipientNames: []string{"Anna"}}, true, 50, 300, nil},
		{"spam: crypto as a word", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect,
			Message: "Hi Anna, crypto? Bitcoin!", RecipientNames: []string{"Anna"}}, true, 25, 300,
			[]string{"spam_signals/warn{signals=[money]}"}},
		{"spam: repeated punctuation", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect,
			Message: "Hi Anna, what do you think??? Great!!", RecipientNames: []string{"Anna"}}, true, 37, 300,
			[]string{"spam_signals/warn{signals=[repeated_punctuation]}"}},
		{"a question and exclamation is fine", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect,
			Message: "Hi Anna, really?! Great to see you...", RecipientNames: []string{"Anna"}}, true, 37, 300, nil},
		{"spam: three signals block", MessageRequest{Network: LinkedIn, Surface: SurfaceConnect,
			Message: "Hi Anna!!! PASSIVE INCOME, FAST MONEY: https://x.example https://y.example", RecipientNames: []string{"Anna"}}, false, 74, 300,
			[]string{"spam_signals/block{signals=[links shouting money repeated_punctuation]}"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckMessage(tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if got.OK != tt.ok || got.Length != tt.length || got.Max != tt.max {
				t.Errorf("ok, length, max = %v, %d, %d, want %v, %d, %d", got.OK, got.Length, got.Max, tt.ok, tt.length, tt.max)
			}
			if gi := issueStrings(got.Issues); !reflect.DeepEqual(gi, tt.wantIssue) {
				t.Errorf("issues\n got %q\nwant %q", gi, tt.wantIssue)
			}
			if got.Issues == nil {
				t.Errorf("issues is nil, want an empty list")
			}
		})
	}
}

func TestMessageLengthIsRunes(t *testing.T) {
	msg := "Hallo Jürgen, " + strings.Repeat("ü€", 243)
	if n := utf8.RuneCountInString(msg); n != 500 || len(msg) <= 500 {
		t.Fatalf("fixture: %d runes, %d bytes; want 500 runes in more bytes", n, len(msg))
	}
}

func TestCheckMessageValidate(t *testing.T) {
	tests := []struct {
		name     string
		req      MessageRequest
		code     Code
		contains string
	}{
		{"network", MessageRequest{Surface: SurfaceConnect}, CodeInvalid, "network is missing"},
		{"surface", MessageRequest{Network: Xing, Surface: SurfaceConnect}, CodeInvalid, `surface "connect" does not exist on xing`},
		{"huge", MessageRequest{Network: Xing, Surface: SurfaceContactRequest, Message: strings.Repeat("x", MaxMessageBytes+1)}, CodeTooLarge, "message is 65537 bytes"},
		{"names", MessageRequest{Network: Xing, Surface: SurfaceContactRequest, RecipientNames: []string{"a", strings.Repeat("n", MaxNameBytes+1)}}, CodeInvalid, "recipientNames[1] is longer than 1024 bytes"},
		{"recent", MessageRequest{Network: Xing, Surface: SurfaceContactRequest, RecentMessages: []string{strings.Repeat("x", MaxMessageBytes+1)}}, CodeTooLarge, "recentMessages[0] is 65537 bytes"},
	}
	for _, tt := range tests {
		_, err := CheckMessage(tt.req)
		var e *Error
		if !errors.As(err, &e) || e.Code != tt.code || !strings.Contains(e.Message, tt.contains) {
			t.Errorf("%s: err = %v, want code %s containing %q", tt.name, err, tt.code, tt.contains)
		}
	}
}

func TestFoldMessage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Jürgen   WEISS\n", "juergen weiss"},
		{"Weiß", "weiss"},
		{"ÉLÉONORE Çà", "eleonore ca"},
		{"Ele\u0301onore", "eleonore"},
		{"Œuvre Æsop", "oeuvre aesop"},
		{"王小明", "王小明"},
	}
	for _, tt := range tests {
		if got := foldMessage(tt.in); got != tt.want {
			t.Errorf("foldMessage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCodeListsAreComplete(t *testing.T) {
	tests := []struct {
		name string
		got  []string
		want int
	}{
		{"ReasonCodes", ReasonCodes, 11},
		{"IssueCodes", IssueCodes, 5},
		{"SpamSignals", SpamSignals, 4},
	}
	for _, tt := range tests {
		seen := map[string]bool{}
		for _, c := range tt.got {
			if c == "" || seen[c] {
				t.Errorf("%s has an empty or repeated code %q", tt.name, c)
			}
			seen[c] = true
		}
		if len(tt.got) != tt.want {
			t.Errorf("%s has %d codes, want %d", tt.name, len(tt.got), tt.want)
		}
	}
	if len(FlagOrder) != 7 {
		t.Errorf("FlagOrder has %d flags, want 7", len(FlagOrder))
	}
}
