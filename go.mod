module github.com/inviteguard/inviteguard

go 1.26.8
