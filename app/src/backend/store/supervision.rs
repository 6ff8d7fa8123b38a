//! Group case supervision as kept: sessions and their changes, who attends, which
//! families are discussed, and practitioners' progress summaries. Functions over a
//! connection inside the caller's audited transaction; nothing here decides who may see
//! what.

