package core

// PlanWithdrawal is being written (issue 2); this placeholder keeps the package building
// until its owner lands the real body.
func PlanWithdrawal(req WithdrawRequest) (WithdrawPlan, error) {
	return WithdrawPlan{}, Errorf(CodeUnsupported, "PlanWithdrawal is not implemented yet")
}
