package core

// The operations of the core. Each is a pure function of its input; each
// input is validated first and a bad one yields a CodeInvalid *Error.
//
// Their bodies live in one file per concern:
//
//	Decide          decide.go
//	CheckMessage    message.go
//	ParseAge        sentlist.go
//	ParseCount      sentlist.go
//	Reconcile       reconcile.go
//	PlanWithdrawal  withdraw.go
//	DetectBursts    bursts.go
//	Transition      lifecycle.go
