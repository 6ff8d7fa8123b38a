//! The team manager's record of a group case supervision session, as kept: every
//! version, append-only. Functions over a connection inside the caller's audited
//! transaction; nothing here decides who may see what.

