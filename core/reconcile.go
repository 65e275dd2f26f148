package core

// Reconcile is being written (issue 2); this placeholder keeps the package building
// until its owner lands the real body.
func Reconcile(req ReconcileRequest) (ReconcileResult, error) {
	return ReconcileResult{}, Errorf(CodeUnsupported, "Reconcile is not implemented yet")
}
