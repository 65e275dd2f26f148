package httpapi

import "github.com/inviteguard/inviteguard/core"

func coreCode(s string) core.Code { return core.Code(s) }
