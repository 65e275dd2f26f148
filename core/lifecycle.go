package core

// Transition is being written (issue 2); this placeholder keeps the package building
// until its owner lands the real body.
func Transition(req TransitionRequest) (TransitionResult, error) {
	return TransitionResult{}, Errorf(CodeUnsupported, "Transition is not implemented yet")
}
