package core

// Decide is being written (issue 2); this placeholder keeps the package building
// until its owner lands the real body.
func Decide(req DecideRequest) (Decision, error) {
	return Decision{}, Errorf(CodeUnsupported, "Decide is not implemented yet")
}
