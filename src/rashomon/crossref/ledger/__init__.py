"""The claims ledger: propositions as told (units) → alignment by meaning → per-outlet stances."""
