"""Hand-in packages (台账报送): a unit's copy of the ledger hands its records
in to the talent office as one signed file, which the office merges.

- roles: which copy this ledger is (the office's, or a unit's) and its keys;
- periods: the period a package is for (2023Q3 is 2023年第三季度);
- portable: a record as it travels, its links by identity (uid), not by id;
- package: the file itself (a zip: manifest, records, attachments, signature);
- setup: the office makes a unit's copy;
- outgoing: the unit makes a package of what changed since its last one;
- incoming: the office reads a package, shows what it brings, merges it.
"""
