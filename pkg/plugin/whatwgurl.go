package plugin

import (
	"net/netip"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// The frontend checks the Token URL and Insights API URL settings with the browser's
// `new URL(value)` (the WHATWG URL Standard). Go's net/url accepts and rejects different
// strings (it takes "https:host" as an opaque URL, "127.0.0.1:4000" as a parse error, and
// "https://exa mple.com" as valid), so this file implements the parts of the WHATWG "basic URL
// parser" (https://url.spec.whatwg.org/#concept-basic-url-parser) that decide what the checks
// read: whether parsing fails, the scheme, whether there are credentials, a query or a fragment,
// and the host. Parsing without a base URL only; path segments are not normalised because no
// check reads them. catalog/vectors/settings/validate.json holds the cases both languages must
// agree on.

// whatwgURL holds the parts of a parsed URL that the settings checks read.
type whatwgURL struct {
	scheme   string
	username string
	password string
	host     string
	hasHost  bool
	query    string
	fragment string
}

var specialPorts = map[string]int{"ftp": 21, "file": -1, "http": 80, "https": 443, "ws": 80, "wss": 443}

func isSpecialScheme(s string) bool {
	_, ok := specialPorts[s]
	return ok
}

func isASCIIAlpha(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }
func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }
func isASCIIHex(r rune) bool {
	return isASCIIDigit(r) || (r >= 'a' && r <= 'f') || (r >= 'A' && r <= 'F')
}

func asciiLower(r rune) rune {
	if r >= 'A' && r <= 'Z' {
		return r + ('a' - 'A')
	}
	return r
}

// eof stands for the end of input in the state machine.
const eof = rune(-1)

type urlState int

const (
	stSchemeStart urlState = iota
	stScheme
	stPathOrAuthority
	stSpecialAuthoritySlashes
	stSpecialAuthorityIgnoreSlashes
	stAuthority
	stHost
	stPort
	stFile
	stFileSlash
	stFileHost
	stPathStart
	stPath
	stOpaquePath
	stQuery
	stFragment
)

// parseWHATWGURL runs the basic URL parser with no base; ok is false where `new URL(input)`
// throws.
func parseWHATWGURL(input string) (u whatwgURL, ok bool) {
	// Leading and trailing C0 control or space are stripped, ASCII tab and newline removed.
	trimmed := strings.TrimFunc(input, func(r rune) bool { return r <= 0x20 })
	in := make([]rune, 0, len(trimmed))
	for _, r := range trimmed {
		if r != '\t' && r != '\n' && r != '\r' {
			in = append(in, r)
		}
	}
	at := func(i int) rune {
		if i < 0 || i >= len(in) {
			return eof
		}
		return in[i]
	}
	state := stSchemeStart
	var buf []rune
	special := false
	atSignSeen, insideBrackets, passwordTokenSeen := false, false, false

	for p := 0; p <= len(in); p++ {
		c := at(p)
		switch state {
		case stSchemeStart:
			if isASCIIAlpha(c) {
				buf = append(buf, asciiLower(c))
				state = stScheme
			} else {
				return u, false // no scheme and no base URL
			}
		case stScheme:
			switch {
			case isASCIIAlpha(c) || isASCIIDigit(c) || c == '+' || c == '-' || c == '.':
				buf = append(buf, asciiLower(c))
			case c == ':':
				u.scheme = string(buf)
				buf = buf[:0]
				special = isSpecialScheme(u.scheme)
				switch {
				case u.scheme == "file":
					state = stFile
				case special:
					state = stSpecialAuthoritySlashes
				case at(p+1) == '/':
					state = stPathOrAuthority
					p++
				default:
					state = stOpaquePath
				}
			default:
				return u, false // "no scheme state" without a base URL fails
			}
		case stPathOrAuthority:
			if c == '/' {
				state = stAuthority
			} else {
				state = stPath
				p--
			}
		case stSpecialAuthoritySlashes:
			state = stSpecialAuthorityIgnoreSlashes
			if c == '/' && at(p+1) == '/' {
				p++
			} else {
				p--
			}
		case stSpecialAuthorityIgnoreSlashes:
			if c != '/' && c != '\\' {
				state = stAuthority
				p--
			}
		case stAuthority:
			switch {
			case c == '@':
				if atSignSeen {
					buf = append([]rune("%40"), buf...)
				}
				atSignSeen = true
				for _, r := range buf {
					if r == ':' && !passwordTokenSeen {
						passwordTokenSeen = true
						continue
					}
					if passwordTokenSeen {
						u.password += string(r)
					} else {
						u.username += string(r)
					}
				}
				buf = buf[:0]
			case c == eof || c == '/' || c == '?' || c == '#' || (special && c == '\\'):
				if atSignSeen && len(buf) == 0 {
					return u, false // credentials but no host
				}
				p -= len(buf) + 1
				buf = buf[:0]
				state = stHost
			default:
				buf = append(buf, c)
			}
		case stHost:
			switch {
			case c == ':' && !insideBrackets:
				if len(buf) == 0 {
					return u, false
				}
				host, good := parseHost(string(buf), !special)
				if !good {
					return u, false
				}
				u.host, u.hasHost = host, true
				buf = buf[:0]
				state = stPort
			case c == eof || c == '/' || c == '?' || c == '#' || (special && c == '\\'):
				p--
				if special && len(buf) == 0 {
					return u, false
				}
				host, good := parseHost(string(buf), !special)
				if !good {
					return u, false
				}
				u.host, u.hasHost = host, true
				buf = buf[:0]
				state = stPathStart
			default:
				if c == '[' {
					insideBrackets = true
				}
				if c == ']' {
					insideBrackets = false
				}
				buf = append(buf, c)
			}
		case stPort:
			switch {
			case isASCIIDigit(c):
				buf = append(buf, c)
			case c == eof || c == '/' || c == '?' || c == '#' || (special && c == '\\'):
				if len(buf) > 0 {
					digits := strings.TrimLeft(string(buf), "0")
					if len(digits) > 5 {
						return u, false
					}
					port := 0
					for _, d := range digits {
						port = port*10 + int(d-'0')
					}
					if port > 65535 {
						return u, false
					}
				}
				buf = buf[:0]
				state = stPathStart
				p--
			default:
				return u, false
			}
		case stFile:
			u.hasHost = true
			if c == '/' || c == '\\' {
				state = stFileSlash
			} else {
				state = stPath
				p--
			}
		case stFileSlash:
			if c == '/' || c == '\\' {
				state = stFileHost
			} else {
				state = stPath
				p--
			}
		case stFileHost:
			if c == eof || c == '/' || c == '\\' || c == '?' || c == '#' {
				p--
				switch {
				case isWindowsDriveLetter(buf):
					state = stPath
				case len(buf) == 0:
					state = stPathStart
				default:
					host, good := parseHost(string(buf), false)
					if !good {
						return u, false
					}
					if host == "localhost" {
						host = ""
					}
					u.host = host
					buf = buf[:0]
					state = stPathStart
				}
			} else {
				buf = append(buf, c)
			}
		case stPathStart:
			switch {
			case special:
				state = stPath
				if c != '/' && c != '\\' {
					p--
				}
			case c == '?':
				state = stQuery
			case c == '#':
				state = stFragment
			case c != eof:
				state = stPath
				if c != '/' {
					p--
				}
			}
		case stPath, stOpaquePath:
			switch c {
			case '?':
				state = stQuery
			case '#':
				state = stFragment
			}
		case stQuery:
			if c == '#' {
				state = stFragment
			} else if c != eof {
				u.query += string(c)
			}
		case stFragment:
			if c != eof {
				u.fragment += string(c)
			}
		}
	}
	return u, true
}

func isWindowsDriveLetter(b []rune) bool {
	return len(b) == 2 && isASCIIAlpha(b[0]) && (b[1] == ':' || b[1] == '|')
}

// forbiddenHost is the URL Standard's forbidden host code point set.
func forbiddenHost(r rune) bool {
	switch r {
	case 0, '\t', '\n', '\r', ' ', '#', '/', ':', '<', '>', '?', '@', '[', '\\', ']', '^', '|':
		return true
	}
	return false
}

// forbiddenDomain adds C0 controls, % and DEL to the forbidden host code points.
func forbiddenDomain(r rune) bool {
	return forbiddenHost(r) || r <= 0x1f || r == '%' || r == 0x7f
}

// domainToASCIIProfile is UTS #46 ToASCII as the URL Standard calls it with beStrict false:
// CheckHyphens, UseSTD3ASCIIRules and VerifyDnsLength off, CheckBidi and CheckJoiners on,
// nontransitional processing.
var domainToASCIIProfile = idna.New(
	idna.MapForLookup(),
	idna.BidiRule(),
	idna.CheckJoiners(true),
	idna.CheckHyphens(false),
	idna.StrictDomainName(false),
	idna.Transitional(false),
	idna.VerifyDNSLength(false),
)

// parseHost is the URL Standard's host parser.
func parseHost(input string, opaque bool) (string, bool) {
	if strings.HasPrefix(input, "[") {
		if !strings.HasSuffix(input, "]") || len(input) < 2 {
			return "", false
		}
		return input, parseIPv6(input[1 : len(input)-1])
	}
	if opaque {
		if strings.IndexFunc(input, forbiddenHost) >= 0 {
			return "", false
		}
		return input, true
	}
	domain := percentDecode(input)
	if !utf8.ValidString(domain) {
		domain = strings.ToValidUTF8(domain, "\ufffd")
	}
	ascii, ok := domainToASCII(domain)
	if !ok || strings.IndexFunc(ascii, forbiddenDomain) >= 0 {
		return "", false
	}
	if endsInANumber(ascii) {
		return ascii, parseIPv4(ascii)
	}
	return ascii, true
}

func domainToASCII(domain string) (string, bool) {
	ascii := true
	for i := 0; i < len(domain); i++ {
		if domain[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		punycode := false
		for _, label := range strings.Split(domain, ".") {
			if len(label) >= 4 && strings.EqualFold(label[:4], "xn--") {
				punycode = true
				break
			}
		}
		if !punycode {
			return strings.ToLower(domain), domain != ""
		}
	}
	out, err := domainToASCIIProfile.ToASCII(domain)
	if err != nil || out == "" {
		return "", false
	}
	return out, true
}

func percentDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isASCIIHex(rune(s[i+1])) && isASCIIHex(rune(s[i+2])) {
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// endsInANumber is the URL Standard's "ends in a number checker".
func endsInANumber(s string) bool {
	parts := strings.Split(s, ".")
	if parts[len(parts)-1] == "" {
		if len(parts) == 1 {
			return false
		}
		parts = parts[:len(parts)-1]
	}
	last := parts[len(parts)-1]
	if last != "" && strings.IndexFunc(last, func(r rune) bool { return !isASCIIDigit(r) }) < 0 {
		return true
	}
	_, ok := parseIPv4Number(last)
	return ok
}

// parseIPv4Number returns the value (saturated far above 2^32) and whether the text is a number.
func parseIPv4Number(s string) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	radix := uint64(10)
	switch {
	case len(s) >= 2 && (s[:2] == "0x" || s[:2] == "0X"):
		s, radix = s[2:], 16
	case len(s) >= 2 && s[0] == '0':
		s, radix = s[1:], 8
	}
	if s == "" {
		return 0, true
	}
	var n uint64
	for _, r := range s {
		var d uint64
		switch {
		case isASCIIDigit(r):
			d = uint64(r - '0')
		case r >= 'a' && r <= 'f':
			d = uint64(r-'a') + 10
		case r >= 'A' && r <= 'F':
			d = uint64(r-'A') + 10
		default:
			return 0, false
		}
		if d >= radix {
			return 0, false
		}
		if n < 1<<40 {
			n = n*radix + d
		}
	}
	return n, true
}

// parseIPv4 reports whether s is a valid IPv4 address in the URL Standard's lenient syntax.
func parseIPv4(s string) bool {
	parts := strings.Split(s, ".")
	if parts[len(parts)-1] == "" && len(parts) > 1 {
		parts = parts[:len(parts)-1]
	}
	if len(parts) > 4 {
		return false
	}
	numbers := make([]uint64, 0, len(parts))
	for _, part := range parts {
		n, ok := parseIPv4Number(part)
		if !ok {
			return false
		}
		numbers = append(numbers, n)
	}
	for _, n := range numbers[:len(numbers)-1] {
		if n > 255 {
			return false
		}
	}
	limit := uint64(1) << (8 * (5 - len(numbers)))
	return numbers[len(numbers)-1] < limit
}

// parseIPv6 reports whether s (without brackets) is an IPv6 address the URL Standard accepts:
// no zone identifier, an embedded IPv4 address only at the end, in dotted-decimal.
func parseIPv6(s string) bool {
	if s == "" || strings.Contains(s, "%") {
		return false
	}
	addr, err := netip.ParseAddr(s)
	return err == nil && addr.Is6()
}
