//! Pages for staff: a family they work with and codes for its members, its Module 8, its
//! supervision pack and supervision records, booking supervision; for admins, codes for
//! staff accounts and the council's case system.

pub mod admin;
pub mod alert;
pub mod case_system;
pub mod family;
pub mod pack;
pub mod record;
pub mod supervision;
pub mod take_up;
pub mod views;
