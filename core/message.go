package core

// CheckMessage is being written (issue 2); this placeholder keeps the package building
// until its owner lands the real body.
func CheckMessage(req MessageRequest) (MessageCheck, error) {
	return MessageCheck{}, Errorf(CodeUnsupported, "CheckMessage is not implemented yet")
}
