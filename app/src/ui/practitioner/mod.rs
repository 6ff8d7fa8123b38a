//! Pages for staff: a family they work with and codes for its members; for admins,
//! codes for staff accounts.

pub mod admin;
pub mod family;
pub mod pack;
pub mod supervision;
pub mod views;
