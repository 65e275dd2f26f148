package core

// ParseAge and ParseCount are being written (issue 2); placeholders.
func ParseAge(req AgeRequest) (AgeRange, error) {
	return AgeRange{}, Errorf(CodeUnsupported, "ParseAge is not implemented yet")
}

// ParseCount is a placeholder.
func ParseCount(req CountRequest) (CountResult, error) {
	return CountResult{}, Errorf(CodeUnsupported, "ParseCount is not implemented yet")
}
