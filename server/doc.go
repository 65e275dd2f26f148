// Package server is the domain of the Invite Guard server: users and their
// tokens, recorded batches and their invitations, verification of decisions,
// Sent-list reconciliation, withdrawal jobs and policies.
//
// It defines what it needs from the outside where it uses it: a Store (one
// transaction per call of Update or View) and an Engine (the policy core,
// called by operation name with JSON in and a JSON envelope out). Adapters
// implement them (server/sqlite, server/wasmhost, server/native); only
// server/cmd/inviteguard and the Workers entry point wire them together.
//
// Every decision the server makes (decide, reconcile, detect_bursts, plan_withdrawal,
// transition, validate_policy, default_policy) goes through the Engine.
package server
